import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'specwise.specwise';

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture folder open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export interface TraceNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  kind: string;
  gap?: boolean;
  children: TraceNode[];
}

export interface SpecwiseApi {
  findings(document: vscode.TextDocument): Promise<{ ruleId: string; severity: string; data?: Record<string, unknown> }[] | undefined>;
  status(): Promise<{ text: string; tooltip: string; command?: string } | undefined>;
  traced(): Promise<number>;
  traceabilityView(): Promise<TraceNode[]>;
  activationMs: number;
}

/** Polls a condition that has no event (the status item): every 50 ms, up to the timeout. */
export async function eventually<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  let value = await read();
  while (!accept(value)) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** Numbers the suite measured, printed by the harness. */
export const metrics: Record<string, number> = {};

export async function activateSpecwise(): Promise<SpecwiseApi> {
  const extension = vscode.extensions.getExtension<SpecwiseApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function specwiseDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'specwise');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Resolves when the uri's Specwise diagnostics satisfy the predicate: waits on events, never on sleeps. */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = specwiseDiagnostics(uri);
      if (!predicate(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const rules = specwiseDiagnostics(uri).map((diagnostic) => `${ruleOf(diagnostic)}@${diagnostic.range.start.line + 1}`);
      reject(new Error(`timed out waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; diagnostics now: ${rules.join(', ') || 'none'}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export async function openSpec(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document);
}

export async function writeWorkspaceFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function readWorkspaceFile(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));
}

async function waitForFile(uri: vscode.Uri, timeoutMs: number): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

let presses = 0;

/** Asks the harness to press a key in the browser (a modal dialog's default button); false when no harness listens. */
export async function pressKey(key: string): Promise<boolean> {
  const dir = process.env.SPECWISE_E2E_SCREENSHOTS;
  if (!dir) return false;
  const name = `press-${key}-${++presses}`;
  const base = vscode.Uri.file(dir);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(base, `request-${name}`), new Uint8Array());
  return waitForFile(vscode.Uri.joinPath(base, `${name}.done`), 20_000);
}

/**
 * Asks the harness to type text into what has the focus in the browser, once the element
 * `into` (a CSS selector, such as the rename box) is shown; false when it never shows or no
 * harness listens.
 */
export async function typeText(text: string, into?: string): Promise<boolean> {
  const dir = process.env.SPECWISE_E2E_SCREENSHOTS;
  if (!dir) return false;
  const name = `type-${++presses}`;
  const base = vscode.Uri.file(dir);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(base, `request-${name}`), new TextEncoder().encode(JSON.stringify({ text, into })));
  return waitForFile(vscode.Uri.joinPath(base, `${name}.done`), 20_000);
}

/** Resolves when the condition holds, checking it again every 100 ms (for state no event announces). */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  for (let waited = 0; waited <= timeoutMs; waited += 100) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Asks the harness for a screenshot of the current state, once the elements `shown` (CSS or
 * Playwright selectors) are visible if any are given (a no-op when no harness listens).
 */
export async function screenshot(name: string, shown?: string | string[]): Promise<void> {
  const dir = process.env.SPECWISE_E2E_SCREENSHOTS;
  if (!dir) return;
  const base = vscode.Uri.file(dir);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(base, `request-${name}`), shown ? new TextEncoder().encode(JSON.stringify({ shown })) : new Uint8Array());
  const done = vscode.Uri.joinPath(base, `${name}.png`);
  for (let waited = 0; waited < 20_000; waited += 250) {
    try {
      await vscode.workspace.fs.stat(done);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
