// Chat models for the end-to-end tests, registered by the companion extension through
// vscode.lm.registerLanguageModelChatProvider. The scripted model answers from the shared
// replies (a defective first draft, then its repair) and records every request; the others
// fail the ways real models do.
import * as vscode from 'vscode';
import { DEFECTIVE_DRAFT, REPAIRED_DRAFT } from '../../fixtures/model/replies.js';

export const VENDOR = 'specwise-test';
export const SCRIPTED_MODEL = 'specwise-test-model';
export const REFUSING_MODEL = 'specwise-test-no-permission';
export const BLOCKED_MODEL = 'specwise-test-blocked';
export const SILENT_MODEL = 'specwise-test-silent';
export const CHATTY_MODEL = 'specwise-test-chatty';

/** A request as the provider received it: the model, and each message's role and text. */
export interface RecordedRequest {
  model: string;
  messages: { role: 'user' | 'assistant'; text: string }[];
}

/** What a measurable criterion looks like, for the rewrites the scripted model proposes. */
const REWRITES: Record<string, string> = {
  'Users are happy with exports.': 'Given a finance admin exports the monthly report, when the PDF opens, then it shows every usage figure of the month within 10 seconds.',
};

function textOf(message: vscode.LanguageModelChatRequestMessage): string {
  return message.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** The scripted model's answer: a draft, its repair, or rewrites of the lines it is shown. */
function scriptedReply(messages: RecordedRequest['messages']): string {
  const last = messages[messages.length - 1].text;
  if (last.startsWith('These lines of a Markdown spec fail the checks')) {
    const rewrites = [...last.matchAll(/^Line (\d+): (".*")$/gm)].flatMap(([, line, quoted]) => {
      const before = JSON.parse(quoted) as string;
      const fixed = Object.entries(REWRITES).find(([judgement]) => before.includes(judgement));
      return fixed ? [{ line: Number(line), text: before.replace(fixed[0], fixed[1]) }] : [];
    });
    return `\`\`\`json\n${JSON.stringify(rewrites, null, 2)}\n\`\`\``;
  }
  return last.startsWith('Specwise checked the spec you wrote') ? REPAIRED_DRAFT : DEFECTIVE_DRAFT;
}

const MODELS = [
  { id: SCRIPTED_MODEL, name: 'Specwise Test Model' },
  { id: REFUSING_MODEL, name: 'Refusing Test Model' },
  { id: BLOCKED_MODEL, name: 'Blocked Test Model' },
  { id: SILENT_MODEL, name: 'Silent Test Model' },
  { id: CHATTY_MODEL, name: 'Chatty Test Model' },
];

export function registerFakeModels(): { requests: RecordedRequest[]; disposable: vscode.Disposable } {
  const requests: RecordedRequest[] = [];
  const provider: vscode.LanguageModelChatProvider = {
    provideLanguageModelChatInformation: () =>
      // isUserSelectable lets the chat view pick the model (a field the API passes through).
      MODELS.map((model) => ({ ...model, family: model.id, version: '1.0.0', maxInputTokens: 100_000, maxOutputTokens: 16_000, capabilities: {}, isUserSelectable: true }) as vscode.LanguageModelChatInformation),
    async provideLanguageModelChatResponse(model, messages, _options, progress, token) {
      const recorded = messages.map((message) => ({ role: message.role === vscode.LanguageModelChatMessageRole.Assistant ? ('assistant' as const) : ('user' as const), text: textOf(message) }));
      requests.push({ model: model.id, messages: recorded });
      switch (model.id) {
        case REFUSING_MODEL:
          throw vscode.LanguageModelError.NoPermissions('The user did not allow Specwise to use this model.');
        case BLOCKED_MODEL:
          throw vscode.LanguageModelError.Blocked('Rate limit exceeded: try again in 60 seconds.');
        case SILENT_MODEL:
          // Answers only when cancelled, as a stalled connection would.
          await new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
          return;
        case CHATTY_MODEL:
          progress.report(new vscode.LanguageModelTextPart('I would love to help with that export! Let me know which format you prefer.'));
          return;
      }
      const reply = scriptedReply(recorded);
      // Streams in pieces, as real models do.
      for (let index = 0; index < reply.length; index += 80) progress.report(new vscode.LanguageModelTextPart(reply.slice(index, index + 80)));
    },
    provideTokenCount: async (_model, text) => Math.ceil((typeof text === 'string' ? text : textOf(text)).length / 4),
  };
  return { requests, disposable: vscode.lm.registerLanguageModelChatProvider(VENDOR, provider) };
}
