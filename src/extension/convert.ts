import * as vscode from 'vscode';
import type { Finding } from '../core/rule.js';

const SEVERITIES = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

export interface DiagnosticOptions {
  /** Show info findings as hints (dotted underline) instead of information. */
  infoAsHint: boolean;
}

function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** One engine finding as a VS Code diagnostic, with its rule id linked to the docs. */
export function toDiagnostic(document: vscode.TextDocument, finding: Finding, options: DiagnosticOptions): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toRange(document, finding.range.start, finding.range.end),
    finding.message,
    finding.severity === 'info' && options.infoAsHint ? vscode.DiagnosticSeverity.Hint : SEVERITIES[finding.severity],
  );
  diagnostic.source = 'specwise';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, related.range.start, related.range.end)), related.message),
    );
  }
  return diagnostic;
}
