import * as vscode from 'vscode';
import type { SpecHealth } from '../core/health.js';
import { healthHtml } from './health-view-model.js';

export { healthOf, healthSummary } from './health-view-model.js';

export class HealthPanel {
  private panel: vscode.WebviewPanel | undefined;

  show(title: string, reports: { name: string; health: SpecHealth; uri: vscode.Uri }[]): vscode.WebviewPanel {
    if (!this.panel) {
      // Command links open the spec at a line; the page itself runs no script.
      this.panel = vscode.window.createWebviewPanel('specwise.health', 'Spec Health', vscode.ViewColumn.Beside, { enableScripts: false, enableCommandUris: ['specwise.revealLine'] });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.title = title;
    this.panel.webview.html = healthHtml(title, reports.map((report) => ({ ...report, uri: report.uri.toString() })));
    this.panel.reveal(undefined, true);
    return this.panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Opens a spec at a 1-based line: the health page's links. */
export async function revealLine(uri: string, line: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
}
