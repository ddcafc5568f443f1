import * as vscode from 'vscode';
import type { ConfigError } from '../core/config/locate.js';
import type { TextEdit } from '../core/fix.js';
import type { LineColumn } from '../core/positions.js';
import type { Finding } from '../core/rule.js';
import { configErrorRange, editorSeverity, type EditorSeverity } from './mapping.js';

const SEVERITIES: Record<EditorSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** Engine positions are 1-based lines and UTF-16 columns: VS Code's, plus one. */
function fromEngine(start: LineColumn, end: LineColumn): vscode.Range {
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}

/** One engine finding as a VS Code diagnostic, with its rule id linked to the docs; no document needed. Related places in other files need `uriOf`. */
export function toDiagnostic(uri: vscode.Uri, finding: Finding, infoSeverity: 'information' | 'hint', uriOf: (path: string) => vscode.Uri = (path) => uri.with({ path })): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    fromEngine(finding.start, finding.end),
    finding.message,
    SEVERITIES[editorSeverity(finding.severity, infoSeverity)],
  );
  diagnostic.source = 'specwise';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(related.path ? uriOf(related.path) : uri, fromEngine(related.start, related.end)), related.message),
    );
  }
  return diagnostic;
}

export function configDiagnostic(error: ConfigError, text: string): vscode.Diagnostic {
  const range = configErrorRange(error, text);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter),
    error.message,
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = 'specwise';
  diagnostic.code = 'config';
  return diagnostic;
}

/** Engine edits as one WorkspaceEdit: applied together, undone in one step. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    workspaceEdit.replace(document.uri, toRange(document, edit.offset, edit.offset + edit.length), edit.newText);
  }
  return workspaceEdit;
}
