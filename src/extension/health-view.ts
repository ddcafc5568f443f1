import * as vscode from 'vscode';
import type { SpecHealth } from '../core/health.js';
import { healthHtml } from './health-view-model.js';

export { healthOf, healthSummary } from './health-view-model.js';

export class HealthPanel {
  private panel: vscode.WebviewPanel | undefined;

  show(title: string, reports: { name: string; health: SpecHealth }[]): vscode.WebviewPanel {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('specwise.health', 'Spec Health', vscode.ViewColumn.Beside, { enableScripts: false });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.title = title;
    this.panel.webview.html = healthHtml(title, reports);
    this.panel.reveal(undefined, true);
    return this.panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
