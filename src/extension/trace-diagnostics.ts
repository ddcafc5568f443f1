import * as vscode from 'vscode';
import { addTo } from '../core/collections.js';
import { toDiagnostic } from './convert.js';
import { enginePath } from './service.js';
import { readSettings } from './settings.js';
import type { TraceService } from './trace-service.js';

/**
 * Cross-file findings as diagnostics in the file each belongs to: for open documents, and
 * for every file after "Check All Specs in Workspace".
 */
export class TraceDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('specwise-trace');
  private everywhere = false;

  constructor(private readonly trace: TraceService) {}

  /** Publishes the current cross-file findings (of open documents, or of every file once asked). */
  publish(): void {
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    const byPath = new Map<string, vscode.Diagnostic[]>();
    // Per file, not per finding: the file's uri and its settings.
    const files = new Map<string, { key: string; uri: vscode.Uri; infoSeverity: 'information' | 'hint' } | undefined>();
    for (const finding of this.trace.index.findings()) {
      let file = files.get(finding.path);
      if (!files.has(finding.path)) {
        const uri = this.trace.uriOf(finding.path);
        const key = uri.toString();
        file = this.everywhere || open.has(key) ? { key, uri, infoSeverity: readSettings(uri).infoSeverity } : undefined;
        files.set(finding.path, file);
      }
      if (file) addTo(byPath, file.key, toDiagnostic(file.uri, finding, file.infoSeverity, (path) => this.trace.uriOf(path)));
    }
    const stale: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!byPath.has(uri.toString())) stale.push(uri);
    });
    for (const uri of stale) this.collection.delete(uri);
    for (const [key, diagnostics] of byPath) this.collection.set(vscode.Uri.parse(key), diagnostics);
  }

  /** A document opened after the trace was made: its findings show now, not at the next change. */
  showFor(uri: vscode.Uri): void {
    if (this.collection.has(uri)) return;
    const path = enginePath(uri);
    const findings = this.trace.index.findingsFor(path);
    if (findings.length === 0) return;
    const { infoSeverity } = readSettings(uri);
    this.collection.set(uri, findings.map((finding) => toDiagnostic(uri, finding, infoSeverity, (other) => this.trace.uriOf(other))));
  }

  /** After a workspace check: every file's cross-file findings, not only open ones. */
  showEverywhere(): void {
    this.everywhere = true;
    this.publish();
  }

  forget(uri: vscode.Uri): void {
    if (!this.everywhere) this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
