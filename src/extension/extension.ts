import * as vscode from 'vscode';
import { lintText } from '../api.js';
import { toDiagnostic } from './convert.js';

const DEBOUNCE_MS = 300;

/** Checks Markdown documents and keeps one diagnostic collection in step with their versions. */
class SpecChecker implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('specwise');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  check(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown') return;
    const { findings } = lintText({ text: document.getText(), uri: document.uri.toString() });
    const infoAsHint = vscode.workspace.getConfiguration('specwise', document.uri).get<boolean>('showInfoAsHint', false);
    this.diagnostics.set(document.uri, findings.map((finding) => toDiagnostic(document, finding, { infoAsHint })));
  }

  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed && document.version === version) this.check(document);
      }, DEBOUNCE_MS),
    );
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.diagnostics.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.diagnostics.dispose();
  }
}

export function activate(context: vscode.ExtensionContext): void {
  const checker = new SpecChecker();
  context.subscriptions.push(
    checker,
    vscode.workspace.onDidOpenTextDocument((document) => checker.check(document)),
    vscode.workspace.onDidChangeTextDocument((event) => checker.schedule(event.document)),
    vscode.workspace.onDidSaveTextDocument((document) => checker.check(document)),
    vscode.workspace.onDidCloseTextDocument((document) => checker.forget(document)),
  );
  for (const document of vscode.workspace.textDocuments) checker.check(document);
}

export function deactivate(): void {}
