// Runs the suite inside the extension host: for @vscode/test-electron through `run()`,
// for the code-server harness from the companion extension's `activate`.
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { metrics } from './helpers.js';

export interface SuiteResult {
  passes: number;
  failures: number;
  durationMs: number;
  tests: { fullTitle: string; state: 'passed' | 'failed'; durationMs: number; error?: string }[];
  metrics?: Record<string, number>;
}

/** Loads the test files into mocha; they are bundled, so they register when imported. */
async function loadTests(mocha: Mocha): Promise<void> {
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  await import('./extension.test.js');
  await import('./editor-trust.test.js');
  await import('./large-spec.test.js');
  mocha.suite.emit('pre-require', globalThis, 'model.test', mocha);
  await import('./model.test.js');
  mocha.suite.emit('pre-require', globalThis, 'traceability.test', mocha);
  await import('./traceability.test.js');
}

export function runSuite(): Promise<SuiteResult> {
  // SPECWISE_E2E_GREP runs only the tests whose titles match, while working on them.
  const grep = process.env.SPECWISE_E2E_GREP;
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const result: SuiteResult = { passes: 0, failures: 0, durationMs: 0, tests: [] };
  const started = Date.now();
  return loadTests(mocha).then(
    () =>
      new Promise<SuiteResult>((resolve) => {
        const runner = mocha.run(() => {
          result.durationMs = Date.now() - started;
          result.metrics = metrics;
          resolve(result);
        });
        runner.on('pass', (test) => {
          result.passes++;
          result.tests.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        });
        runner.on('fail', (test, error: Error) => {
          result.failures++;
          result.tests.push({ fullTitle: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? error.message });
        });
      }),
  );
}

/** @vscode/test-electron's entry point. */
export async function run(): Promise<void> {
  const result = await runSuite();
  if (result.failures > 0) throw new Error(`${result.failures} end-to-end tests failed`);
}

/** The companion extension's entry: runs the suite when the harness asks for it. */
export function activate(): void {
  const resultFile = process.env.SPECWISE_E2E_RESULT;
  if (!resultFile) return;
  void runSuite()
    .catch((error: Error): SuiteResult => ({ passes: 0, failures: 1, durationMs: 0, tests: [{ fullTitle: 'suite setup', state: 'failed', durationMs: 0, error: error.stack ?? error.message }] }))
    .then((result) => vscode.workspace.fs.writeFile(vscode.Uri.file(resultFile), new TextEncoder().encode(JSON.stringify(result, null, 2))));
}
