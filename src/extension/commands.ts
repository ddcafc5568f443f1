import { DEFAULT_TEMPLATE } from '../core/config/resolve.js';
import * as vscode from 'vscode';
import { findConfigFile } from '../core/config/discover.js';
import { starterConfig } from '../core/config/starter.js';
import { mergedEdits } from '../core/fix.js';
import type { SpecDocument } from '../core/model.js';
import { joinPath } from '../core/paths.js';
import { renderSpecSkeleton } from '../core/scaffold.js';
import { builtInTemplates } from '../templates/index.js';
import type { Template } from '../core/template.js';
import { translateInto } from '../translate/index.js';
import { toSnippetWorkspaceEdit } from './convert.js';
import type { DiagnosticsManager } from './diagnostics.js';
import { healthOf, type HealthPanel } from './health-view.js';
import { offerSpecChoices } from './opt-in-actions.js';
import { announceWorkspaceCheck, checkWorkspace } from './workspace-check.js';
import { enginePath, type SpecService } from './service.js';
import { readSettings } from './settings.js';
import { applyTranslationPlan, draftIntoSpec, planTranslation } from './translation.js';
import { workspaceHost } from './workspace-host.js';
import type { SpecHealth } from '../core/health.js';

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

export interface InsertSectionsOptions {
  /** Which missing sections: all of them, the required ones, or these ids; asked for when recommended ones are missing. */
  sections?: 'all' | 'required' | string[];
}

/**
 * "Insert Missing Sections": the missing template sections at their template positions, as
 * one undoable edit whose placeholders are tab stops. Required ones are picked; recommended
 * ones are offered too.
 */
export async function insertMissingSections(service: SpecService, diagnostics: DiagnosticsManager, options: InsertSectionsOptions = {}): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Specwise: open a spec to insert its missing sections.');
    return 0;
  }
  let analysis = await service.analyze(editor.document);
  if (!analysis && editor.document.languageId === 'markdown' && (await offerSpecChoices(service, diagnostics, editor.document))) analysis = await service.analyze(editor.document);
  if (!analysis) return 0;
  const missing = analysis.result.findings.filter((finding) => finding.ruleId === 'missing-section' && finding.fixes.length > 0);
  if (missing.length === 0) {
    void vscode.window.showInformationMessage(`Specwise: no section of template '${analysis.result.template.name}' is missing.`);
    return 0;
  }
  let chosen = missing;
  const requested = options.sections;
  if (requested === 'required') chosen = missing.filter((finding) => finding.data?.presence === 'required');
  else if (Array.isArray(requested)) chosen = missing.filter((finding) => requested.includes(String(finding.data?.section)));
  else if (requested !== 'all' && missing.some((finding) => finding.data?.presence !== 'required')) {
    const items = missing.map((finding) => ({
      label: finding.fixes[0].title.replace(/^Insert section '(.*)'$/, '$1'),
      description: String(finding.data?.presence ?? ''),
      picked: finding.data?.presence === 'required',
      finding,
    }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Insert missing sections', placeHolder: 'Required sections are selected; pick the recommended ones to add too' });
    if (!picked) return 0;
    chosen = picked.map((item) => item.finding);
  }
  if (chosen.length === 0) return 0;
  const edits = mergedEdits(analysis.result.doc.text, chosen.map((finding) => finding.fixes[0]));
  if (!(await vscode.workspace.applyEdit(toSnippetWorkspaceEdit(editor.document, edits)))) return 0;
  return chosen.length;
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
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterConfig(template, [...builtInTemplates.keys()], { schema: false })));
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

/**
 * "Show Spec Health": the active spec's sections, coverage and findings; for a Markdown file
 * that is not a spec, the ways to have it checked; with no editor (the Welcome page), every spec.
 */
export async function showHealth(service: SpecService, diagnostics: DiagnosticsManager, panel: HealthPanel, scope: 'file' | 'workspace' = 'file'): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((candidate) => candidate.document.languageId === 'markdown');
  if (scope === 'workspace' || !editor) {
    const reports = new Map<string, { health: SpecHealth; uri: vscode.Uri }>();
    const result = await checkWorkspace(service, diagnostics, reports);
    announceWorkspaceCheck(result);
    const entries = [...reports].sort(([a], [b]) => a.localeCompare(b)).map(([name, report]) => ({ name, ...report }));
    return panel.show('Spec Health: workspace', entries).webview.html;
  }
  let analysis = await service.analyze(editor.document);
  if (!analysis && editor.document.languageId === 'markdown' && (await offerSpecChoices(service, diagnostics, editor.document))) analysis = await service.analyze(editor.document);
  if (!analysis) {
    if (editor.document.languageId !== 'markdown') void vscode.window.showInformationMessage('Specwise: open a Markdown spec to see its health.');
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(editor.document.uri);
  return panel.show(`Spec Health: ${name}`, [{ name, health: healthOf(analysis), uri: editor.document.uri }]).webview.html;
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
      /** What drafted it: a language model (verified by the rules) or the rules alone. */
      source: 'model' | 'rules';
      /** The model's name, its repair rounds, and what the rules still find, for a model translation. */
      model?: string;
      repairRounds?: number;
      remaining?: { ruleId: string; line: number; message: string }[];
      /** Why the model did not translate, when one was asked to. */
      fallback?: string;
    }
  | { kind: 'none'; message: string; fallback?: string };

/** The section under the cursor, as the text to translate when nothing is selected. */
function sectionAtCursor(editor: vscode.TextEditor, doc: SpecDocument): string {
  const offset = editor.document.offsetAt(editor.selection.active);
  const section = [...doc.sections].reverse().find((candidate) => candidate.range.start <= offset && offset < candidate.range.end);
  return section ? doc.text.slice(section.bodyRange.start, section.bodyRange.end) : doc.text;
}

/** The template for a new spec: the workspace configuration's, else the default-template setting's. */
export async function newSpecTemplate(service: SpecService): Promise<Template> {
  const folder = baseFolder();
  const configured = folder ? (await service.project(folder).configFor(joinPath(enginePath(folder), 'new.md'))).config.templates.get(readSettings(folder).defaultTemplate) : undefined;
  return configured ?? builtInTemplates.get(DEFAULT_TEMPLATE)!;
}

/**
 * "Translate Requirement to Spec": a language model drafts when the settings allow one, and
 * the rules verify and repair its draft; otherwise, or when the model fails, the rules
 * translate. In a spec, the edits (ids continued, rows in the spec's tables, criteria in its
 * style) apply as one undo step, or through the refactor preview when the setting asks for
 * it; elsewhere the spec opens as a new file.
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
  const template = analysis?.result.template ?? (await newSpecTemplate(service));
  const specText = editor && analysis ? editor.document.getText() : undefined;
  const planned = await planTranslation({ request: text, template, specText, scope: editor?.document.uri ?? baseFolder() });
  let plan = planned.plan;
  if (plan.kind === 'none') {
    void vscode.window.showInformationMessage(`Specwise: ${plan.message}`);
    return { kind: 'none', message: plan.message, fallback: planned.fallback };
  }
  // The spec changed while the model drafted: plan the same draft into the spec as it is now.
  if (plan.kind === 'edits' && editor && specText !== undefined && editor.document.getText() !== specText) {
    const current = editor.document.getText();
    if (planned.translation) plan = draftIntoSpec(current, template, planned.translation.markdown, text);
    else {
      const replanned = await translateInto(current, template, text);
      if (replanned.kind === 'none') return { kind: 'none', message: replanned.message };
      plan = replanned;
    }
  }
  if (plan.kind === 'none') return { kind: 'none', message: plan.message };
  const preview = options.preview ?? (editor ? readSettings(editor.document.uri).translatePreview : false);
  const uri = await applyTranslationPlan(plan, plan.kind === 'edits' ? editor : undefined, preview);
  if (!uri) return undefined;
  const translation = planned.translation;
  return {
    kind: plan.kind,
    uri: uri.toString(),
    ids: plan.ids,
    source: planned.source,
    ...(translation ? { model: translation.model, repairRounds: translation.repairRounds, remaining: translation.remaining.map(({ ruleId, line, message }) => ({ ruleId, line, message })) } : {}),
    ...(planned.fallback ? { fallback: planned.fallback } : {}),
  };
}
