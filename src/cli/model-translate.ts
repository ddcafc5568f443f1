// `specwise translate --model`: the request drafted through an OpenAI-compatible endpoint and
// verified by the rules. Every failure is one line for stderr; the caller falls back.
import type { Template } from '../core/template.js';
import { ModelFailure, translateWithModel, translationSummary, type ModelTranslation } from '../model/index.js';
import { UsageError, type TranslateArgs } from './args.js';
import type { CliIo } from './io.js';
import { openAiChatModel, type EndpointSettings } from './openai-chat.js';

export const DEFAULT_REPAIR_ROUNDS = 2;
const DEFAULT_TIMEOUT_SECONDS = 120;

/** The endpoint from SPECWISE_MODEL_URL, SPECWISE_MODEL (or --model NAME) and SPECWISE_MODEL_KEY. */
export function endpointSettings(args: TranslateArgs, env: Readonly<Record<string, string | undefined>>): EndpointSettings {
  const baseUrl = env.SPECWISE_MODEL_URL?.trim();
  if (!baseUrl) throw new ModelFailure('no-model', 'No model endpoint: set SPECWISE_MODEL_URL to an OpenAI-compatible API base, such as http://127.0.0.1:11434/v1');
  let protocol: string;
  try {
    protocol = new URL(baseUrl).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new ModelFailure('no-model', `SPECWISE_MODEL_URL is not an http or https URL: '${baseUrl}'`);
  const model = args.model?.name ?? env.SPECWISE_MODEL?.trim();
  if (!model) throw new ModelFailure('no-model', 'No model name: pass --model NAME or set SPECWISE_MODEL');
  const key = env.SPECWISE_MODEL_KEY?.trim();
  return { baseUrl, model, key: key || undefined };
}

/** SPECWISE_MODEL_TIMEOUT, in seconds, for each request to the model. */
export function timeoutSeconds(env: Readonly<Record<string, string | undefined>>): number {
  const value = env.SPECWISE_MODEL_TIMEOUT?.trim();
  if (!value) return DEFAULT_TIMEOUT_SECONDS;
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) <= 0) throw new UsageError(`SPECWISE_MODEL_TIMEOUT needs a number of seconds above 0, got '${value}'.`);
  return Number(value);
}

/** The model's translation, or the failure that stopped it. */
export async function translateThroughEndpoint(text: string, template: Template, args: TranslateArgs, io: CliIo): Promise<ModelTranslation | ModelFailure> {
  const env = io.env ?? {};
  const timeoutMs = timeoutSeconds(env) * 1000;
  try {
    const model = openAiChatModel(endpointSettings(args, env));
    const translation = await translateWithModel({ request: text, template, model, maxRepairRounds: args.maxRounds ?? DEFAULT_REPAIR_ROUNDS, timeoutMs, idPrefix: args.idPrefix });
    const left = translation.remaining.length > 0 ? " Run 'specwise check' on the spec for details." : '';
    io.stderr(`specwise: ${translationSummary(translation)}${left}\n`);
    return translation;
  } catch (error) {
    if (error instanceof ModelFailure) return error;
    throw error;
  }
}
