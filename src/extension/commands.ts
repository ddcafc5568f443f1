import { DEFAULT_TEMPLATE } from '../core/config/resolve.js';
import * as vscode from 'vscode';
import { lintText } from '../api.js';
import { findConfigFile } from '../core/config/discover.js';
import { starterConfig } from '../core/config/starter.js';
import { mergedEdits } from '../core/fix.js';
import type { SpecDocument } from '../core/model.js';
import { joinPath } from '../core/paths.js';
import { renderSpecSkeleton } from '../core/scaffold.js';
import { builtInTemplates } from '../templates/index.js';
import { translate, translateInto } from '../translate/index.js';
import { toDiagnostic, toWorkspaceEdit } from './convert.js';
import type { DiagnosticsManager } from './diagnostics.js';
import { healthOf, type HealthPanel } from './health-view.js';
import { enginePath, type SpecService } from './service.js';
import { readSettings } from './settings.js';
import { workspaceHost } from './workspace-host.js';
import { specHealth } from '../core/health.js';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function baseFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

export interface NewSpecOptions {
  template?: string;
  /** Path relative to the workspace folder; asked for when absent. */
  file?: string;
}

/** "New Spec from Template…": creates and opens the file; never overwrites. Returns the new file. */
export async function newSpec(service: SpecService, options: NewSpecOptions = {}): Promise<vscode.Uri | undefined> {
  const folder = baseFolder();
  if (!folder) {
    void vscode.window.showErrorMessage('Specwise: open a folder to create a spec in.');
    return undefined;
  }
  const { config } = await service.project(folder).configFor(joinPath(enginePath(folder), 'new.md'));
  let template = options.template;
  if (!template) {
    const picked = await vscode.window.showQuickPick(
      [...config.templates.values()].map((entry) => ({ label: entry.name, description: entry.title, detail: entry.description })),
      { placeHolder: 'Template for the new spec' },
    );
    template = picked?.label;
  }
  const chosen = template && config.templates.get(template);
  if (!chosen) return undefined;
  const file = options.file ?? (await vscode.window.showInputBox({ prompt: 'File for the new spec, relative to the workspace folder', value: `specs/new-${chosen.name}.md` }));
  if (!file) return undefined;
  const uri = vscode.Uri.joinPath(folder, file);
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(`Specwise: ${file} already exists; not overwriting it.`);
    return undefined;
  }
  const name = file.split('/').pop()!.replace(/(\.spec)?\.(md|markdown)$/i, '').replace(/[-_]+/g, ' ');
  const title = name.charAt(0).toUpperCase() + name.slice(1);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderSpecSkeleton(chosen, title)));
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** "Insert Missing Sections": every missing required section, at its template position, as one undoable edit. */
export async function insertMissingSections(service: SpecService): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  const analysis = editor && (await service.analyze(editor.document));
  if (!editor || !analysis) {
    void vscode.window.showInformationMessage('Specwise: the active file is not a spec.');
    return 0;
  }
  const fixes = analysis.result.findings
    .filter((finding) => finding.ruleId === 'missing-section' && finding.data?.presence === 'required')
    .flatMap((finding) => finding.fixes.slice(0, 1));
  if (fixes.length === 0) {
    void vscode.window.showInformationMessage('Specwise: no required section is missing.');
    return 0;
  }
  await vscode.workspace.applyEdit(toWorkspaceEdit(editor.document, mergedEdits(analysis.result.doc.text, fixes)));
  return fixes.length;
}

export interface WorkspaceCheckResult {
  files: number;
  findings: number;
}

/** "Check All Specs in Workspace": diagnostics for every spec file, opened or not. */
export async function checkWorkspace(service: SpecService, diagnostics: DiagnosticsManager, reports?: Map<string, ReturnType<typeof specHealth>>): Promise<WorkspaceCheckResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Specwise: checking specs', cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/{node_modules,.git}/**', undefined, token);
      let files = 0;
      let findings = 0;
      for (const [index, uri] of uris.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
        const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
        try {
          const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          const settings = await service.settingsFor(uri, text);
          if (!settings.isSpec) continue;
          const result = lintText({ text, uri: uri.toString(), template: settings.template, settings: settings.settings, templates: settings.templates });
          diagnostics.collection.set(uri, result.findings.map((finding) => toDiagnostic(uri, finding, readSettings(uri).infoSeverity)));
          reports?.set(vscode.workspace.asRelativePath(uri), specHealth(result.analysis, result.template, result.findings));
          files++;
          findings += result.findings.length;
        } catch (error) {
          service.logError(`checking ${uri.toString()} (${index + 1} of ${uris.length})`, error);
        }
      }
      return { files, findings };
    },
  );
}

/** "Open Configuration": the config that applies to the active file, created from the starter if there is none. */
export async function openConfiguration(): Promise<vscode.Uri | undefined> {
  const folder = baseFolder();
  if (!folder) return undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  const start = active && vscode.workspace.getWorkspaceFolder(active) ? enginePath(active).replace(/\/[^/]*$/, '') : enginePath(folder);
  const found = await findConfigFile(start, workspaceHost(folder), enginePath(folder));
  const uri = found ? folder.with({ path: found }) : vscode.Uri.joinPath(folder, '.specwise.jsonc');
  if (!found) {
    const template = readSettings(folder).defaultTemplate;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterConfig(template, [...builtInTemplates.keys()])));
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

export async function showHealth(service: SpecService, diagnostics: DiagnosticsManager, panel: HealthPanel, scope: 'file' | 'workspace' = 'file'): Promise<string | undefined> {
  if (scope === 'workspace') {
    const reports = new Map<string, ReturnType<typeof specHealth>>();
    await checkWorkspace(service, diagnostics, reports);
    const entries = [...reports].sort(([a], [b]) => a.localeCompare(b)).map(([name, health]) => ({ name, health }));
    return panel.show('Spec Health: workspace', entries).webview.html;
  }
  const editor = vscode.window.activeTextEditor;
  const analysis = editor && (await service.analyze(editor.document));
  if (!editor || !analysis) {
    void vscode.window.showInformationMessage('Specwise: open a spec to see its health.');
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(editor.document.uri);
  return panel.show(`Spec Health: ${name}`, [{ name, health: healthOf(analysis) }]).webview.html;
}

export interface TranslateCommandOptions {
  /** Text to translate instead of the selection (tests, other extensions). */
  text?: string;
  /** Show the refactor preview before applying; default: the specwise.translate.preview setting. */
  preview?: boolean;
}

export type TranslateCommandResult =
  | {
      kind: 'spec' | 'edits';
      /** Where the translation went: the current spec, or a new untitled spec. */
      uri: string;
      /** Requirement and NFR ids written. */
      ids: string[];
    }
  | { kind: 'none'; message: string };

/** The section under the cursor, as the text to translate when nothing is selected. */
function sectionAtCursor(editor: vscode.TextEditor, doc: SpecDocument): string {
  const offset = editor.document.offsetAt(editor.selection.active);
  const section = [...doc.sections].reverse().find((candidate) => candidate.range.start <= offset && offset < candidate.range.end);
  return section ? doc.text.slice(section.bodyRange.start, section.bodyRange.end) : doc.text;
}

/**
 * "Translate Requirement to Spec": in a spec, the engine plans the edits (ids continued, rows in
 * the spec's tables, criteria in its style) and they apply as one undo step, or through the
 * refactor preview when the setting asks for it; elsewhere the spec opens as a new file.
 */
export async function translateRequirement(service: SpecService, options: TranslateCommandOptions = {}): Promise<TranslateCommandResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  const analysis = editor && (await service.analyze(editor.document));
  let text = options.text;
  if (text === undefined && editor) {
    text = editor.selection.isEmpty ? (analysis ? sectionAtCursor(editor, analysis.result.doc) : editor.document.getText()) : editor.document.getText(editor.selection);
  }
  if (!text || text.trim() === '') {
    void vscode.window.showInformationMessage('Specwise: select a business requirement to translate.');
    return undefined;
  }
  const folder = baseFolder();
  const template = analysis?.result.template ?? (folder ? (await service.project(folder).configFor(joinPath(enginePath(folder), 'new.md'))).config.templates.get(readSettings(folder).defaultTemplate) : undefined) ?? builtInTemplates.get(DEFAULT_TEMPLATE)!;
  const plan = editor && analysis ? await translateInto(editor.document.getText(), template, text) : await translate(text, { template });
  if (plan.kind === 'none') {
    void vscode.window.showInformationMessage(`Specwise: ${plan.message}`);
    return { kind: 'none', message: plan.message };
  }
  if (plan.kind === 'spec' || !editor) {
    const markdown = plan.kind === 'spec' ? plan.markdown : '';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(document);
    return { kind: 'spec', uri: document.uri.toString(), ids: plan.kind === 'spec' ? plan.parts.ids : [] };
  }
  const preview = options.preview ?? readSettings(editor.document.uri).translatePreview;
  const workspaceEdit = new vscode.WorkspaceEdit();
  const metadata = { needsConfirmation: true, label: 'Translate requirement to spec' };
  for (const edit of plan.edits) {
    const range = new vscode.Range(editor.document.positionAt(edit.offset), editor.document.positionAt(edit.offset + edit.length));
    if (preview) workspaceEdit.replace(editor.document.uri, range, edit.newText, metadata);
    else workspaceEdit.replace(editor.document.uri, range, edit.newText);
  }
  const applied = await vscode.workspace.applyEdit(workspaceEdit, { isRefactoring: preview });
  return applied ? { kind: 'edits', uri: editor.document.uri.toString(), ids: plan.ids } : undefined;
}
