// The same suite under @vscode/test-electron, for machines that can download desktop VS Code.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './prepare.mjs';

const suite = path.join(ROOT, '.vscode-test', 'desktop-suite', 'index.cjs');
await build({ entryPoints: [path.join(ROOT, 'test', 'e2e', 'suite', 'index.ts')], outfile: suite, bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['vscode'], logLevel: 'error' });
const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'specwise-desktop-')), 'workspace');
cpSync(path.join(ROOT, 'test', 'e2e', 'fixture'), workspace, { recursive: true });
try {
  await runTests({ version: '1.139.1', extensionDevelopmentPath: ROOT, extensionTestsPath: suite, launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'] });
} catch (error) {
  console.error(`desktop end-to-end tests failed: ${error.message ?? error}`);
  process.exit(1);
}
