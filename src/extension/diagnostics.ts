import * as vscode from 'vscode';
import type { ConfigError } from '../core/config/locate.js';
import { configDiagnostic, toDiagnostic } from './convert.js';
import type { DocumentAnalysis, SpecService } from './service.js';
import { readSettings } from './settings.js';

/** Keeps the Problems panel in step with the documents: debounced on type, immediate on open and save. */
export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('specwise');
  private readonly configCollection = vscode.languages.createDiagnosticCollection('specwise-config');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<(analysis: DocumentAnalysis | undefined, document: vscode.TextDocument) => void>();

  constructor(private readonly service: SpecService) {}

  onDidCheck(listener: (analysis: DocumentAnalysis | undefined, document: vscode.TextDocument) => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  async check(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    if (document.isClosed) return undefined;
    try {
      const analysis = await this.service.analyze(document);
      // A newer version superseded this run: its own check will publish.
      if (document.isClosed || (analysis && analysis.version !== document.version)) return analysis;
      const skipped = this.service.skippedReason(document);
      if (skipped) {
        this.collection.set(document.uri, [Object.assign(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), skipped, vscode.DiagnosticSeverity.Information), { source: 'specwise' })]);
      } else if (!analysis) {
        this.collection.delete(document.uri);
      } else {
        const { infoSeverity } = readSettings(document.uri);
        this.collection.set(document.uri, analysis.result.findings.map((finding) => toDiagnostic(document.uri, finding, infoSeverity)));
        await this.publishConfigErrors(analysis.settings.configFile, analysis.settings.configErrors, document.uri);
      }
      for (const listener of this.listeners) listener(analysis, document);
      return analysis;
    } catch (error) {
      this.service.logError(`checking ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const settings = readSettings(document.uri);
    if (settings.run !== 'onType') return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, settings.debounceMs),
    );
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(document.uri);
    this.service.forget(document.uri);
  }

  async recheckOpen(): Promise<void> {
    this.configCollection.clear();
    await Promise.all(vscode.workspace.textDocuments.map((document) => this.check(document)));
  }

  async publishConfigErrors(configFile: string | undefined, errors: readonly ConfigError[], like: vscode.Uri): Promise<void> {
    if (!configFile) return;
    const uri = like.with({ path: configFile });
    if (errors.length === 0) {
      this.configCollection.delete(uri);
      return;
    }
    let text = '';
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      // The file is gone; the errors still say so.
    }
    this.configCollection.set(uri, errors.map((error) => configDiagnostic(error, text)));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.collection.dispose();
    this.configCollection.dispose();
  }
}
