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

const docsUris = new Map<string, vscode.Uri>();

/** Parsed once per rule: a long spec has thousands of findings of a few rules. */
function docsUri(url: string): vscode.Uri {
  let uri = docsUris.get(url);
  if (!uri) docsUris.set(url, (uri = vscode.Uri.parse(url)));
  return uri;
}

/** One engine finding as a VS Code diagnostic, with its rule id linked to the docs; no document needed. Related places in other files need `uriOf`. */
export function toDiagnostic(uri: vscode.Uri, finding: Finding, infoSeverity: 'information' | 'hint', uriOf: (path: string) => vscode.Uri = (path) => uri.with({ path })): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    fromEngine(finding.start, finding.end),
    finding.message,
    SEVERITIES[editorSeverity(finding.severity, infoSeverity)],
  );
  diagnostic.source = 'specwise';
  diagnostic.code = { value: finding.ruleId, target: docsUri(finding.docsUrl) };
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

/** Placeholders a fix inserts for the author to replace: the snippet's tab stops. */
const TO_FILL = /TBD/g;

/**
 * Engine edits as one WorkspaceEdit of snippets: every TBD they insert becomes a tab stop,
 * so in the active editor the cursor lands on the first one and Tab walks the others. Edits
 * without a TBD stay plain; in an editor that is not active, VS Code applies them as text.
 */
export function toSnippetWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  if (!edits.some((edit) => edit.newText.includes('TBD'))) return toWorkspaceEdit(document, edits);
  const workspaceEdit = new vscode.WorkspaceEdit();
  let stop = 1;
  const entries = edits.map((edit) => {
    const range = toRange(document, edit.offset, edit.offset + edit.length);
    const snippet = new vscode.SnippetString();
    let at = 0;
    for (const match of edit.newText.matchAll(TO_FILL)) {
      snippet.appendText(edit.newText.slice(at, match.index));
      snippet.appendPlaceholder(match[0], stop++);
      at = match.index + match[0].length;
    }
    snippet.appendText(edit.newText.slice(at));
    const snippetEdit = new vscode.SnippetTextEdit(range, snippet);
    // The engine already indented the text: the editor must not indent it again.
    snippetEdit.keepWhitespace = true;
    return snippetEdit;
  });
  workspaceEdit.set(document.uri, entries);
  return workspaceEdit;
}
