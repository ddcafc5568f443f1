// VS Code's Language Model API as the engine's chat model, and the choice of model from the
// specwise.translate.model setting. Errors become ModelFailures with a message for users.
import * as vscode from 'vscode';
import { ModelFailure, type ChatMessage, type ChatModel } from '../model/index.js';

const JUSTIFICATION = 'Specwise drafts a spec from the business request, then checks it with its rules and asks the model to fix what they find.';

/** The API has no system role: the instructions open the first user message. */
function toLanguageModelMessages(messages: readonly ChatMessage[]): vscode.LanguageModelChatMessage[] {
  const result: vscode.LanguageModelChatMessage[] = [];
  let pending = '';
  for (const message of messages) {
    if (message.role === 'system') {
      pending += `${message.content}\n\n`;
      continue;
    }
    const content = pending + message.content;
    pending = '';
    result.push(message.role === 'assistant' ? vscode.LanguageModelChatMessage.Assistant(content) : vscode.LanguageModelChatMessage.User(content));
  }
  if (pending) result.push(vscode.LanguageModelChatMessage.User(pending.trimEnd()));
  return result;
}

function failureOf(error: unknown, name: string): ModelFailure {
  if (error instanceof ModelFailure) return error;
  if (error instanceof vscode.CancellationError) return new ModelFailure('cancelled', 'The model translation was cancelled');
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof vscode.LanguageModelError) {
    if (error.code === vscode.LanguageModelError.NoPermissions.name) return new ModelFailure('no-consent', `Specwise may not use ${name}: the permission was not given`);
    if (error.code === vscode.LanguageModelError.Blocked.name) return new ModelFailure('rate-limited', `${name} refused the request, usually because of a rate limit or quota (${message})`);
    if (error.code === vscode.LanguageModelError.NotFound.name) return new ModelFailure('no-model', `${name} is no longer available`);
  }
  if (/rate.?limit|\b429\b|quota|too many requests/i.test(message)) return new ModelFailure('rate-limited', `${name} is rate-limited (${message})`);
  return new ModelFailure('unavailable', `${name} failed: ${message}`);
}

export function languageModelChat(model: vscode.LanguageModelChat): ChatModel {
  const name = model.name || model.id;
  return {
    name,
    async send(messages, options) {
      const cancellation = new vscode.CancellationTokenSource();
      const cancel = () => cancellation.cancel();
      options.signal.addEventListener('abort', cancel, { once: true });
      try {
        const response = await model.sendRequest(toLanguageModelMessages(messages), { justification: JUSTIFICATION }, cancellation.token);
        let text = '';
        for await (const chunk of response.text) {
          text += chunk;
          options.onText?.(chunk);
        }
        return text;
      } catch (error) {
        throw failureOf(error, name);
      } finally {
        options.signal.removeEventListener('abort', cancel);
        cancellation.dispose();
      }
    },
  };
}

/** The model the setting names: 'auto' takes Copilot's first model, else any; an id or a family picks that one. */
export async function chosenModel(setting: string): Promise<vscode.LanguageModelChat> {
  if (setting === 'auto') {
    const models = await vscode.lm.selectChatModels();
    const model = models.find((candidate) => candidate.vendor === 'copilot') ?? models[0];
    if (!model) throw new ModelFailure('no-model', 'No language model is available (specwise.translate.model is "auto"; GitHub Copilot or another model provider offers one)');
    return model;
  }
  const [model] = [...(await vscode.lm.selectChatModels({ id: setting })), ...(await vscode.lm.selectChatModels({ family: setting }))];
  if (!model) throw new ModelFailure('no-model', `The language model '${setting}' named in specwise.translate.model is not available`);
  return model;
}

/** An AbortSignal that follows a VS Code cancellation token. */
export function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
