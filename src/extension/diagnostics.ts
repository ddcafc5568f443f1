import * as vscode from 'vscode';
import type { ConfigError } from '../core/config/locate.js';
import type { Finding } from '../core/rule.js';
import { configDiagnostic, toDiagnostic } from './convert.js';
import { shownFindings } from './mapping.js';
import type { DocumentState, SpecService } from './service.js';
import { readSettings } from './settings.js';

/** What a check published for a document: the state, and how many findings the list holds of how many. */
export interface CheckOutcome {
  state: DocumentState | undefined;
  shown: number;
  total: number;
}

/** Keeps the Problems panel in step with the documents: debounced on type, immediate on open and save. */
export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('specwise');
  private readonly configCollection = vscode.languages.createDiagnosticCollection('specwise-config');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document's last check on typing started, and how long it took. */
  private readonly lastChecks = new Map<string, { startedAt: number; durationMs: number }>();
  private readonly listeners = new Set<(outcome: CheckOutcome, document: vscode.TextDocument) => void>();
  /** Files "Check All Specs in Workspace" checked: their findings stay when their editors close. */
  private readonly checkedInWorkspace = new Set<string>();

  constructor(private readonly service: SpecService) {}

  onDidCheck(listener: (outcome: CheckOutcome, document: vscode.TextDocument) => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Publishes a spec's findings: at most the editor's limit, errors and warnings first. Returns how many were shown. */
  publish(uri: vscode.Uri, findings: readonly Finding[]): number {
    const shown = shownFindings(findings);
    const { infoSeverity } = readSettings(uri);
    this.collection.set(uri, shown.map((finding) => toDiagnostic(uri, finding, infoSeverity)));
    return shown.length;
  }

  markCheckedInWorkspace(uri: vscode.Uri): void {
    this.checkedInWorkspace.add(uri.toString());
  }

  async check(document: vscode.TextDocument): Promise<CheckOutcome | undefined> {
    if (document.isClosed) return undefined;
    try {
      const state = await this.service.state(document);
      // A newer version superseded this run: its own check will publish.
      if (document.isClosed || (state?.kind === 'spec' && state.analysis.version !== document.version)) return undefined;
      const outcome: CheckOutcome = { state, shown: 0, total: 0 };
      if (state?.kind === 'skipped') {
        const message = `Specwise skipped this file: ${state.reason}.`;
        this.collection.set(document.uri, [Object.assign(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information), { source: 'specwise' })]);
      } else if (state?.kind === 'spec') {
        outcome.total = state.analysis.result.findings.length;
        outcome.shown = this.publish(document.uri, state.analysis.result.findings);
      } else {
        this.collection.delete(document.uri);
      }
      if (state) await this.publishConfigErrors(state.settings.configFile, state.settings.configErrors, document.uri);
      for (const listener of this.listeners) listener(outcome, document);
      return outcome;
    } catch (error) {
      this.service.logError(`checking ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  /**
   * Checks after an edit: at once when the document has not been checked for a while (a
   * single keystroke is answered without delay), else when the interval since the last check
   * ends. The interval is the debounce setting, or twice the last check's time if longer, so a
   * long spec never keeps the extension host busy while the user types.
   */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const settings = readSettings(document.uri);
    if (settings.run !== 'onType') return;
    if (this.timers.has(key)) return;
    const last = this.lastChecks.get(key);
    const interval = Math.max(settings.debounceMs, 2 * (last?.durationMs ?? 0));
    const wait = last ? Math.max(0, last.startedAt + interval - Date.now()) : 0;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.timedCheck(document);
      }, wait),
    );
  }

  /** A check whose start and duration set when the next one may run. */
  private async timedCheck(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const startedAt = Date.now();
    this.lastChecks.set(key, { startedAt, durationMs: 0 });
    await this.check(document);
    this.lastChecks.set(key, { startedAt, durationMs: Date.now() - startedAt });
  }

  /**
   * The document's last editor closed: its findings go, unless "Check All Specs in Workspace"
   * checked it; then the saved file is checked again, in case unsaved edits were discarded.
   */
  async forget(document: vscode.TextDocument, recheckSaved: (uri: vscode.Uri) => Promise<void>): Promise<void> {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.lastChecks.delete(key);
    this.service.forget(document.uri);
    if (!this.checkedInWorkspace.has(key)) {
      this.collection.delete(document.uri);
      return;
    }
    await recheckSaved(document.uri);
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
