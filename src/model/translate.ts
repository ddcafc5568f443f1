// Translation drafted by a language model and verified by the rules: the draft is parsed,
// normalized and checked; its findings go back to the model for at most N repair rounds.
import { lintText } from '../api.js';
import { fixText } from '../core/fix-all.js';
import type { Finding } from '../core/rule.js';
import type { Template } from '../core/template.js';
import { templateStyle } from '../translate/index.js';
import type { CriterionStyle, Numbering } from '../translate/render.js';
import type { ChatMessage, ChatModel } from './chat.js';
import { extractSpec } from './extract.js';
import { ModelFailure } from './failure.js';
import { normalizeSpec, type NormalizedSpec } from './normalize.js';
import { conversationStart, formatRepairPrompt, repairPrompt, reportedFindings, type ReportedFinding } from './prompt.js';

export interface ModelTranslationOptions {
  request: string;
  template: Template;
  model: ChatModel;
  /** Repair rounds after the first draft; 0 checks the draft without asking for repairs. */
  maxRepairRounds: number;
  /** How long each model request may take, in milliseconds. */
  timeoutMs: number;
  /** Where ids start (an existing spec's next ids); default: the template's numbering from 1. */
  numbering?: Numbering;
  /** How criteria are written; default: the template's form. */
  style?: CriterionStyle;
  /** Prefix of functional requirement ids, when there is no `numbering`. */
  idPrefix?: string;
  /** The user cancelled. */
  signal?: AbortSignal;
  onProgress?: (event: ModelProgress) => void;
}

export type ModelProgress =
  | { kind: 'request'; round: number; messages: readonly ChatMessage[] }
  | { kind: 'text'; round: number; chunk: string }
  | { kind: 'checked'; round: number; findings: readonly ReportedFinding[] }
  | { kind: 'unusable'; round: number; reason: string };

export interface ModelTranslation {
  kind: 'spec';
  markdown: string;
  /** Requirement and NFR ids, in order. */
  ids: string[];
  model: string;
  /** Repair rounds the result took. */
  repairRounds: number;
  /** What the rules still report (clarification markers aside), for the user's message. */
  remaining: ReportedFinding[];
}

/** Language findings at info level that a model can fix by rewording. */
const REWORDABLE_INFO = new Set(['vague-term', 'open-ended-clause']);
const WORDING_RULES = new Set(['vague-term', 'escape-clause', 'open-ended-clause']);

/**
 * What a draft must fix: errors, warnings and rewordable language findings. A question
 * marked "[NEEDS CLARIFICATION: …]" stays: the request did not give the answer, and the model
 * must not invent it.
 */
export function findingsToRepair(markdown: string, template: Template): Finding[] {
  return lintText({ text: markdown, template }).findings.filter(
    (finding) =>
      (finding.severity !== 'info' || REWORDABLE_INFO.has(finding.ruleId)) &&
      !(finding.ruleId === 'unresolved-placeholder' && /NEEDS CLARIFICATION/i.test(markdown.slice(finding.range.start, finding.range.end))),
  );
}

export interface SendOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Sends one request with a time limit; every failure becomes a ModelFailure. */
export async function sendWithLimits(model: ChatModel, messages: readonly ChatMessage[], options: SendOptions, onText?: (chunk: string) => void): Promise<string> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) controller.abort();
  // A model that ignores the signal is not waited for.
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
  aborted.catch(() => undefined);
  try {
    return await Promise.race([model.send(messages, { signal: controller.signal, onText }), aborted]);
  } catch (error) {
    if (timedOut) throw new ModelFailure('timeout', `${model.name} did not answer within ${Number((options.timeoutMs / 1000).toFixed(1))} s`);
    if (options.signal?.aborted) throw new ModelFailure('cancelled', 'The model translation was cancelled');
    if (error instanceof ModelFailure) throw error;
    throw new ModelFailure('unavailable', `${model.name} failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

function defaultNumbering(template: Template, idPrefix: string | undefined): { numbering: Numbering; style: CriterionStyle } {
  const shape = templateStyle(template);
  return { numbering: { requirement: idPrefix ?? shape.requirement, criterion: shape.criterion, width: shape.width, next: {} }, style: shape.style };
}

/**
 * Drafts a spec with the model and repairs it until the rules pass or the rounds run out;
 * the draft with the fewest findings wins. Fails with a ModelFailure when the model gives no
 * usable spec at all, so the caller can fall back to the deterministic translation.
 */
export async function translateWithModel(options: ModelTranslationOptions): Promise<ModelTranslation> {
  const { template, model } = options;
  const defaults = defaultNumbering(template, options.idPrefix);
  const numbering = options.numbering ?? defaults.numbering;
  const messages = conversationStart({ template, style: options.style ?? defaults.style, numbering }, options.request);
  let best: { draft: NormalizedSpec; findings: ReportedFinding[]; round: number } | undefined;
  let lastFailure: ModelFailure | undefined;
  for (let round = 0; round <= options.maxRepairRounds; round++) {
    options.onProgress?.({ kind: 'request', round, messages: [...messages] });
    const reply = await sendWithLimits(model, messages, options, (chunk) => options.onProgress?.({ kind: 'text', round, chunk }));
    let draft: NormalizedSpec;
    try {
      draft = normalizeSpec(extractSpec(reply), { template, numbering });
    } catch (error) {
      if (!(error instanceof ModelFailure)) throw error;
      lastFailure = error;
      options.onProgress?.({ kind: 'unusable', round, reason: error.message });
      messages.push({ role: 'assistant', content: reply.slice(0, 2000) }, { role: 'user', content: formatRepairPrompt(error.message) });
      continue;
    }
    const findings = reportedFindings(findingsToRepair(draft.markdown, template), draft.markdown);
    options.onProgress?.({ kind: 'checked', round, findings });
    if (!best || findings.length <= best.findings.length) best = { draft, findings, round };
    if (findings.length === 0) break;
    // The model sees the normalized draft, so the findings' line numbers match what it reads.
    messages.push({ role: 'assistant', content: draft.markdown }, { role: 'user', content: repairPrompt(findings) });
  }
  if (!best) throw lastFailure ?? new ModelFailure('malformed', `${model.name} gave no spec`);
  // Wording the model kept vague gets a clarification marker, as in the deterministic translation.
  const markdown = fixText(best.draft.markdown, (text) => lintText({ text, template }).findings.filter((finding) => WORDING_RULES.has(finding.ruleId))).text;
  return {
    kind: 'spec',
    markdown,
    ids: best.draft.ids,
    model: model.name,
    repairRounds: best.round,
    remaining: reportedFindings(findingsToRepair(markdown, template), markdown),
  };
}
