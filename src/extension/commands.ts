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
import type { Template } from '../core/template.js';
import { translateInto } from '../translate/index.js';
import { toDiagnostic, toWorkspaceEdit } from './convert.js';
import type { DiagnosticsManager } from './diagnostics.js';
import { healthOf, type HealthPanel } from './health-view.js';
import { enginePath, type SpecService } from './service.js';
import { readSettings } from './settings.js';
import { applyTranslationPlan, draftIntoSpec, planTranslation } from './translation.js';
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
