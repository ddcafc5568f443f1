import * as vscode from 'vscode';
import { describeTemplateChoice } from '../core/config/resolve.js';
import type { CheckOutcome } from './diagnostics.js';
import { healthOf, healthSummary } from './health-view.js';
import { escapeMarkdown } from './markdown-text.js';
import { statusText } from './status-text.js';

const LINK_COMMANDS = ['specwise.showHealth', 'specwise.openConfiguration', 'specwise.specActions'];

/**
 * One item for every Markdown file: a spec's health ("Spec: 2 missing · 5 warnings"), why a
 * file is not a spec and how to make it one, a skipped file's reason, and config errors.
 */
export class SpecStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('specwise.health', vscode.StatusBarAlignment.Left, 50);
  private visible = false;
  private last?: { outcome: CheckOutcome; document: vscode.TextDocument };

  /** `traceGaps`: the cross-file findings shown in a file. */
  constructor(private readonly traceGaps: (uri: vscode.Uri) => number = () => 0) {
    this.item.name = 'Specwise spec health';
  }

  /** Shows the active document's state again (its cross-file findings changed). */
  refresh(): void {
    if (this.last && !this.last.document.isClosed) this.update(this.last.outcome, this.last.document);
  }

  update(outcome: CheckOutcome, document: vscode.TextDocument): void {
    if (vscode.window.activeTextEditor?.document !== document) return;
    this.last = { outcome, document };
    const { state } = outcome;
    if (!state) {
      this.hide();
      return;
    }
    const summary = state.kind === 'spec' ? healthSummary(healthOf(state.analysis)) : undefined;
    const text = statusText({ kind: state.kind, summary, configErrors: state.settings.configErrors.length, shown: outcome.shown, total: outcome.total, traceGaps: this.traceGaps(document.uri) });
    this.item.text = text.text;
    this.item.backgroundColor = text.warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = { enabledCommands: LINK_COMMANDS };
    const reason = state.kind === 'spec' ? describeTemplateChoice(state.settings) : `Not checked: ${state.kind === 'skipped' ? state.reason : state.settings.specReason}.`;
    tooltip.appendMarkdown(escapeMarkdown(reason));
    for (const line of text.details) tooltip.appendMarkdown(`\n\n${line}`);
    const [firstError] = state.settings.configErrors;
    if (firstError) {
      tooltip.appendMarkdown('\n\n$(warning) ');
      tooltip.appendMarkdown(escapeMarkdown(`The configuration has ${state.settings.configErrors.length === 1 ? 'an error' : `${state.settings.configErrors.length} errors`}: ${firstError.message} (line ${firstError.line}). Checking goes on with the last valid settings.`));
      tooltip.appendMarkdown(' [Open Configuration](command:specwise.openConfiguration)');
    }
    tooltip.appendMarkdown(state.kind === 'not-spec' ? '\n\n[Check or opt in this file…](command:specwise.specActions)' : state.kind === 'spec' ? '\n\n[Show Spec Health](command:specwise.showHealth)' : '');
    this.item.tooltip = tooltip;
    this.item.command = state.kind === 'not-spec' ? 'specwise.specActions' : state.kind === 'spec' ? 'specwise.showHealth' : firstError ? 'specwise.openConfiguration' : undefined;
    this.item.show();
    this.visible = true;
  }

  hide(): void {
    this.item.hide();
    this.visible = false;
    this.last = undefined;
  }

  /** What the item shows now, for the end-to-end tests and other extensions. */
  current(): { text: string; tooltip: string; command?: string } | undefined {
    if (!this.visible) return undefined;
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''), command: typeof this.item.command === 'string' ? this.item.command : this.item.command?.command };
  }

  dispose(): void {
    this.item.dispose();
  }
}
