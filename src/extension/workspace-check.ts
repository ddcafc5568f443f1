import * as vscode from 'vscode';
import { lintText } from '../api.js';
import { decodeSpecFile, sizeReason, binaryReason } from '../core/file-policy.js';
import { specHealth, type SpecHealth } from '../core/health.js';
import type { DiagnosticsManager } from './diagnostics.js';
import type { SpecService } from './service.js';
import { plural } from '../core/plural.js';

export interface WorkspaceCheckResult {
  /** Specs checked. */
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  /** Specs not checked, with the reason (binary, too large). */
  skipped: { file: string; reason: string }[];
  /** Cross-file findings of the workspace (a requirement no task covers, an unknown id in a task). */
  traceGaps?: number;
}

/** The words of the closing notification: "3 specs · 2 errors · 45 warnings · 7 trace gaps". */
export function workspaceSummary(result: WorkspaceCheckResult): string {
  const parts = [plural(result.files, 'spec'), plural(result.errors, 'error'), plural(result.warnings, 'warning')];
  if (result.traceGaps) parts.push(plural(result.traceGaps, 'trace gap'));
  if (result.skipped.length > 0) parts.push(`${result.skipped.length} skipped`);
  return parts.join(' · ');
}

/** The text of a workspace file: the open document's when it is open (unsaved edits included), else the file's bytes. */
async function readText(uri: vscode.Uri): Promise<{ text: string } | { skipped: string }> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) {
    const binary = binaryReason(open.getText());
    return binary ? { skipped: binary } : { text: open.getText() };
  }
  return decodeSpecFile(await vscode.workspace.fs.readFile(uri));
}

/**
 * Checks one file from disk or its open document, with the same policy as the CLI: not a
 * spec, binary, too large. Publishes its diagnostics; returns what it found.
 */
export async function checkFile(service: SpecService, diagnostics: DiagnosticsManager, uri: vscode.Uri): Promise<{ skipped?: string; findings?: ReturnType<typeof lintText> } | undefined> {
  const content = await readText(uri);
  if ('skipped' in content) {
    // A binary file is only skipped if it would be a spec by its name; its bytes hold no front matter.
    const settings = await service.settingsFor(uri, '');
    return settings.isSpec ? { skipped: content.skipped } : undefined;
  }
  const settings = await service.settingsFor(uri, content.text);
  if (!settings.isSpec) return undefined;
  const tooLarge = sizeReason(new TextEncoder().encode(content.text).length, settings.maxFileSize);
  if (tooLarge) return { skipped: tooLarge };
  const result = lintText({ text: content.text, uri: uri.toString(), template: settings.template, settings: settings.settings, templates: settings.templates });
  diagnostics.publish(uri, result.findings);
  return { findings: result };
}

/** "Check All Specs in Workspace": every spec file, opened or not; progress names specs only; a summary at the end. */
export async function checkWorkspace(service: SpecService, diagnostics: DiagnosticsManager, reports?: Map<string, { health: SpecHealth; uri: vscode.Uri }>): Promise<WorkspaceCheckResult> {
  const result: WorkspaceCheckResult = { files: 0, findings: 0, errors: 0, warnings: 0, skipped: [] };
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Specwise: checking specs', cancellable: true }, async (progress, token) => {
    const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/{node_modules,.git}/**', undefined, token);
    for (const [index, uri] of uris.entries()) {
      if (token.isCancellationRequested) break;
      const name = vscode.workspace.asRelativePath(uri);
      try {
        const checked = await checkFile(service, diagnostics, uri);
        if (!checked) continue;
        progress.report({ message: `${name} (${index + 1} of ${uris.length} files)`, increment: 0 });
        if (checked.skipped) {
          result.skipped.push({ file: name, reason: checked.skipped });
          diagnostics.collection.set(uri, [Object.assign(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Specwise skipped this file: ${checked.skipped}.`, vscode.DiagnosticSeverity.Information), { source: 'specwise' })]);
          continue;
        }
        const lint = checked.findings!;
        diagnostics.markCheckedInWorkspace(uri);
        reports?.set(name, { health: specHealth(lint.analysis, lint.template, lint.findings), uri });
        result.files++;
        result.findings += lint.findings.length;
        for (const finding of lint.findings) {
          if (finding.severity === 'error') result.errors++;
          else if (finding.severity === 'warning') result.warnings++;
        }
      } catch (error) {
        service.logError(`checking ${uri.toString()} (${index + 1} of ${uris.length})`, error);
      }
    }
  });
  return result;
}

/** The closing notification, with a button to the Problems panel. */
export function announceWorkspaceCheck(result: WorkspaceCheckResult): void {
  void vscode.window.showInformationMessage(`Specwise: ${workspaceSummary(result)}`, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
