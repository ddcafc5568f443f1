// What the chat's buttons do. Each acts on the spec as it is when clicked: a translation is
// planned into its current text, a fix is looked up again, a rewrite applies only while the
// line still reads as it did.
import * as vscode from 'vscode';
import { DEFAULT_TEMPLATE } from '../core/config/resolve.js';
import { builtInTemplates } from '../templates/index.js';
import { toWorkspaceEdit } from './convert.js';
import type { SpecService } from './service.js';
import { readSettings } from './settings.js';
import { applyTranslationPlan, draftIntoSpec } from './translation.js';

export interface InsertTranslationArgs {
  uri: string;
  markdown: string;
  request: string;
  /** Show the refactor preview; default: the specwise.translate.preview setting. */
  preview?: boolean;
}

/** "Insert into <spec>": the drafted spec's parts go into the spec, ids continued, as one undo step (or the preview). */
export async function insertTranslation(service: SpecService, args: InsertTranslationArgs): Promise<{ uri: string; ids: string[] } | undefined> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const editor = await vscode.window.showTextDocument(document);
  const analysis = await service.analyze(document);
  const template = analysis?.result.template ?? builtInTemplates.get(DEFAULT_TEMPLATE)!;
  const plan = draftIntoSpec(document.getText(), template, args.markdown, args.request);
  if (plan.kind !== 'edits') return undefined;
  const applied = await applyTranslationPlan(plan, editor, args.preview ?? readSettings(document.uri).translatePreview);
  return applied && { uri: applied.toString(), ids: plan.ids };
}

function specFileName(markdown: string): string {
  const title = /^title:\s*"?(.*?)"?\s*$/m.exec(markdown)?.[1] ?? /^#\s+(.+)$/m.exec(markdown)?.[1] ?? 'new spec';
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'new-spec';
  return `specs/${slug}.md`;
}

/** "Create Spec File": writes the drafted spec to a new file in the workspace and opens it; never overwrites. */
export async function createSpecFile(args: { markdown: string; file?: string }): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: args.markdown });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const file = args.file ?? (await vscode.window.showInputBox({ prompt: 'File for the new spec, relative to the workspace folder', value: specFileName(args.markdown) }));
  if (!file) return undefined;
  const uri = vscode.Uri.joinPath(folder, file);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(`Specwise: ${file} already exists; not overwriting it.`);
    return undefined;
  } catch {
    // Free: write it.
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(args.markdown));
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** A review's fix button: the same finding and fix, found again in the spec as it is now. */
export async function applyFindingFix(service: SpecService, args: { uri: string; ruleId: string; message: string; fix: string }): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  await vscode.window.showTextDocument(document);
  const analysis = await service.analyze(document);
  const fix = analysis?.result.findings.find((finding) => finding.ruleId === args.ruleId && finding.message === args.message)?.fixes.find((candidate) => candidate.title === args.fix);
  if (!fix) {
    void vscode.window.showInformationMessage('Specwise: that finding is gone from the spec; nothing to fix.');
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, fix.edits));
}

/** A review's rewrite button: replaces the line while it still reads as it did (it may have moved). */
export async function applyRewrite(args: { uri: string; line: number; before: string; after: string }): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  await vscode.window.showTextDocument(document);
  const candidates = Array.from({ length: document.lineCount }, (_, index) => index).filter((index) => document.lineAt(index).text === args.before);
  const line = candidates.sort((a, b) => Math.abs(a - (args.line - 1)) - Math.abs(b - (args.line - 1)))[0];
  if (line === undefined) {
    void vscode.window.showInformationMessage(`Specwise: line ${args.line} has changed since the review; run @specwise /review again.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, document.lineAt(line).range, args.after);
  return vscode.workspace.applyEdit(edit);
}
