import * as vscode from 'vscode';
import { describeTemplateChoice } from '../core/config/resolve.js';
import { healthOf, healthSummary } from './health-view.js';
import type { DocumentAnalysis } from './service.js';

/** "Spec: 2 missing · 5 warnings" for the active spec; clicking opens Spec Health. */
export class SpecStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('specwise.health', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Specwise spec health';
    this.item.command = 'specwise.showHealth';
  }

  update(analysis: DocumentAnalysis | undefined, document: vscode.TextDocument): void {
    if (vscode.window.activeTextEditor?.document !== document) return;
    if (!analysis) {
      this.item.hide();
      return;
    }
    const health = healthOf(analysis);
    this.item.text = `$(checklist) Spec: ${healthSummary(health)}`;
    this.item.tooltip = `${describeTemplateChoice(analysis.settings)}\nClick for Spec Health.`;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
