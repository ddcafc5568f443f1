// Where a translation comes from (a language model verified by the rules, or the rules
// alone) and how it goes into the editor: one path for both, so the preview setting, the
// single undo step and the new-file case behave the same whatever drafted the spec.
import * as vscode from 'vscode';
import type { TextEdit } from '../core/fix.js';
import { parseSpec } from '../core/parse.js';
import type { Template } from '../core/template.js';
import { draftInsertion, fallbackMessage, ModelFailure, translateIntoWithModel, translateWithModel, translationSummary, type ModelProgress, type ModelTranslation } from '../model/index.js';
import { translate, translateInto } from '../translate/index.js';
import { editLabel } from './edit-labels.js';
import { abortSignalOf, chosenModel, languageModelChat } from './language-model.js';
import { readSettings } from './settings.js';
import { plural } from '../core/plural.js';

export type TranslationPlan =
  | { kind: 'edits'; edits: TextEdit[]; ids: string[] }
  | { kind: 'spec'; markdown: string; ids: string[] }
  | { kind: 'none'; message: string };

export interface PlannedTranslation {
  plan: TranslationPlan;
  source: 'model' | 'rules';
  /** The model's translation, when a model drafted it. */
  translation?: ModelTranslation;
  /** Why the model did not translate, when it was asked to. */
  fallback?: string;
}

export interface TranslationRequest {
  request: string;
  template: Template;
  /** The spec the translation goes into; none for a new spec. */
  specText?: string;
  /** Where the settings are read. */
  scope?: vscode.Uri;
}

async function byRules({ request, template, specText }: TranslationRequest): Promise<TranslationPlan> {
  if (specText !== undefined) {
    const plan = await translateInto(specText, template, request);
    return plan.kind === 'none' ? { kind: 'none', message: plan.message } : plan;
  }
  const translation = await translate(request, { template });
  return translation.kind === 'none' ? { kind: 'none', message: translation.message } : { kind: 'spec', markdown: translation.markdown, ids: translation.parts.ids };
}

function progressMessage(event: ModelProgress, model: string, maxRounds: number): string | undefined {
  if (event.kind === 'request') return event.round === 0 ? `${model} is drafting the spec…` : `${model} is fixing what the rules found (round ${event.round} of ${maxRounds})…`;
  if (event.kind === 'checked') return event.findings.length === 0 ? 'The rules pass.' : `The rules found ${plural(event.findings.length, 'problem')} in the draft.`;
  if (event.kind === 'unusable') return `${model}'s reply was not a spec.`;
  return undefined;
}

/** Tells the user why the model did not translate; when there is no model, offers to stop asking for one. */
function reportFallback(failure: ModelFailure): void {
  const message = `Specwise: ${fallbackMessage(failure)}`;
  if (failure.kind !== 'no-model') return void vscode.window.showWarningMessage(message);
  void vscode.window.showInformationMessage(message, 'Use the Rules Only').then((choice) => {
    if (choice) void vscode.workspace.getConfiguration('specwise').update('translate.model', 'off', vscode.ConfigurationTarget.Global);
  });
}

/**
 * Drafts with the model the settings choose, verified and repaired by the rules; on any
 * model failure (none offered, no consent, cancelled, rate-limited, timed out, malformed
 * output) says why and translates with the rules instead.
 */
export async function planTranslation(input: TranslationRequest): Promise<PlannedTranslation> {
  const settings = readSettings(input.scope);
  if (settings.translateModel === 'off') return { plan: await byRules(input), source: 'rules' };
  try {
    const drafted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Specwise', cancellable: true }, async (progress, token) => {
      progress.report({ message: 'Choosing a language model…' });
      const model = languageModelChat(await chosenModel(settings.translateModel));
      const options = {
        request: input.request,
        template: input.template,
        model,
        maxRepairRounds: settings.maxRepairRounds,
        timeoutMs: settings.modelTimeoutMs,
        signal: abortSignalOf(token),
        onProgress: (event: ModelProgress) => {
          const message = progressMessage(event, model.name, settings.maxRepairRounds);
          if (message) progress.report({ message });
        },
      };
      if (input.specText !== undefined) {
        const { edits, ids, translation } = await translateIntoWithModel(input.specText, options);
        return { plan: { kind: 'edits', edits, ids } as TranslationPlan, translation };
      }
      const translation = await translateWithModel(options);
      return { plan: { kind: 'spec', markdown: translation.markdown, ids: translation.ids } as TranslationPlan, translation };
    });
    void vscode.window.showInformationMessage(`Specwise: ${translationSummary(drafted.translation)}`);
    return { ...drafted, source: 'model' };
  } catch (error) {
    if (!(error instanceof ModelFailure)) throw error;
    reportFallback(error);
    return { plan: await byRules(input), source: 'rules', fallback: fallbackMessage(error) };
  }
}

/**
 * Puts a plan into the editor: edits to its spec apply as one undo step, or through the
 * refactor preview when `preview` is on; a whole spec opens as a new untitled document.
 * Returns where it went, or undefined when the user declined the edit.
 */
export async function applyTranslationPlan(plan: Exclude<TranslationPlan, { kind: 'none' }>, editor: vscode.TextEditor | undefined, preview: boolean): Promise<vscode.Uri | undefined> {
  if (plan.kind === 'spec' || !editor) {
    const markdown = plan.kind === 'spec' ? plan.markdown : '';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  const doc = parseSpec(editor.document.getText());
  for (const edit of plan.edits) {
    const range = new vscode.Range(editor.document.positionAt(edit.offset), editor.document.positionAt(edit.offset + edit.length));
    // The refactor preview groups the edits by what they do, in the spec's own section names.
    const metadata = { needsConfirmation: true, label: editLabel(doc, edit) };
    if (preview) workspaceEdit.replace(editor.document.uri, range, edit.newText, metadata);
    else workspaceEdit.replace(editor.document.uri, range, edit.newText);
  }
  return (await vscode.workspace.applyEdit(workspaceEdit, { isRefactoring: preview })) ? editor.document.uri : undefined;
}

/** A drafted spec (from the chat) into the open spec, as it is now: ids continue, parts join its sections. */
export function draftIntoSpec(specText: string, template: Template, markdown: string, request: string): TranslationPlan {
  const { edits, ids } = draftInsertion(specText, template, markdown, request);
  return { kind: 'edits', edits, ids };
}
