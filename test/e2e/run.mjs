// End-to-end tests in a real VS Code (1.139, from code-server) driven by headless Chromium.
// Packages the extension, installs it with a test-only companion into a fresh extensions
// folder, opens a copy of the fixture workspace, runs the mocha suite in the extension host,
// prints its results, saves screenshots to test-results/e2e, and always cleans up.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { CACHE, CHROMIUM, CODE_SERVER_ENTRY, NODE_BIN, prepare, ROOT } from './prepare.mjs';

const TIMEOUT_MS = Number(process.env.SPECWISE_E2E_TIMEOUT_MS ?? 300_000);
const SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e');
const COMPANION = path.join(ROOT, 'test', 'e2e', 'companion');

function log(message) {
  process.stderr.write(`[e2e] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function packageExtensions(work) {
  log('packaging the extension');
  const vsix = path.join(work, 'specwise.vsix');
  run('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT });
  log('building the test companion');
  await build({
    entryPoints: [path.join(ROOT, 'test', 'e2e', 'suite', 'index.ts')],
    outfile: path.join(COMPANION, 'out', 'index.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'error',
  });
  cpSync(path.join(ROOT, 'LICENSE'), path.join(COMPANION, 'LICENSE'));
  const companionVsix = path.join(work, 'specwise-e2e.vsix');
  run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', companionVsix], { cwd: COMPANION, input: 'y\n' });
  return [vsix, companionVsix];
}

function startServer({ port, userData, extensions, workspace, resultFile }) {
  const env = {
    ...process.env,
    PATH: `${path.dirname(NODE_BIN)}${path.delimiter}${process.env.PATH}`,
    SPECWISE_E2E_RESULT: resultFile,
    SPECWISE_E2E_SCREENSHOTS: SCREENSHOTS,
  };
  const args = [CODE_SERVER_ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, workspace];
  const server = spawn(NODE_BIN, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('HTTP server listening')) resolve();
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`code-server exited with ${code} before it was ready:\n${output.slice(-2000)}`)));
  });
  return { server, ready, output: () => output };
}

function killGroup(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function printResult(result) {
  const lines = ['', '  Specwise in VS Code (code-server 4.139.1, VS Code 1.139.1)'];
  const failures = result.tests.filter((test) => test.state === 'failed');
  for (const test of result.tests) {
    const title = test.fullTitle.replace(/^Specwise in VS Code /, '');
    lines.push(test.state === 'passed' ? `    ✔ ${title} (${test.durationMs}ms)` : `    ${failures.indexOf(test) + 1}) ${title}`);
  }
  lines.push('', `  ${result.passes} passing (${(result.durationMs / 1000).toFixed(1)}s)`);
  for (const [name, value] of Object.entries(result.metrics ?? {})) lines.push(`  ${name}: ${value.toFixed(1)}`);
  if (result.failures > 0) lines.push(`  ${result.failures} failing`);
  failures.forEach((test, index) => lines.push('', `  ${index + 1}) ${test.fullTitle}:`, `     ${(test.error ?? '').split('\n').join('\n     ')}`));
  lines.push('', `${result.passes} passed, ${result.failures} failed`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  const started = Date.now();
  prepare();
  const { chromium } = await import('playwright-core');
  mkdirSync(CACHE, { recursive: true });
  const metricsFile = path.join(SCREENSHOTS, 'metrics.json');
  const lastMetrics = process.env.SPECWISE_E2E_GREP && existsSync(metricsFile) ? readFileSync(metricsFile) : undefined;
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (lastMetrics) writeFileSync(metricsFile, lastMetrics);
  const work = mkdtempSync(path.join(os.tmpdir(), 'specwise-e2e-'));
  const workspace = path.join(work, 'workspace');
  const extensions = path.join(work, 'extensions');
  const userData = path.join(work, 'user-data');
  const resultFile = path.join(work, 'result.json');
  cpSync(path.join(ROOT, 'test', 'e2e', 'fixture'), workspace, { recursive: true });
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  // No welcome page, no trust prompt, no telemetry notice in the screenshots.
  // Chat stays on for the @specwise tests; translation uses no model unless a test picks one.
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'specwise.translate.model': 'off' }));

  let server;
  let browser;
  const cleanup = () => {
    killGroup(server);
    browser?.close().catch(() => {});
  };
  process.once('SIGINT', () => (cleanup(), process.exit(130)));
  process.once('SIGTERM', () => (cleanup(), process.exit(143)));
  try {
    for (const vsix of await packageExtensions(work)) {
      run(NODE_BIN, [CODE_SERVER_ENTRY, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix]);
    }
    const port = await freePort();
    const started_ = startServer({ port, userData, extensions, workspace, resultFile });
    server = started_.server;
    await Promise.race([started_.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('code-server did not start in 60 s')), 60_000))]);
    log(`code-server on 127.0.0.1:${port}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // The chat tests read answers through the clipboard (Copy All), as a user would.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    const deadline = Date.now() + TIMEOUT_MS;
    const taken = new Set();
    while (!existsSync(resultFile)) {
      if (Date.now() > deadline) throw new Error(`no result after ${TIMEOUT_MS / 1000} s; server output:\n${started_.output().slice(-3000)}`);
      for (const request of readdirSync(SCREENSHOTS).filter((name) => name.startsWith('request-'))) {
        const name = request.slice('request-'.length);
        if (taken.has(name)) continue;
        taken.add(name);
        if (!name.endsWith('.done')) log(`${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);
        // "press-Enter-1": a key the suite cannot press from the extension host (a modal dialog's button).
        const press = /^press-(.+)-\d+$/.exec(name);
        if (press) {
          await page.keyboard.press(press[1]);
          writeFileSync(path.join(SCREENSHOTS, `${name}.done`), '');
        } else if (/^type-\d+$/.test(name)) {
          // Text for an input box (the rename widget), typed once the box is shown: the request file says which.
          const { text, into } = JSON.parse(readFileSync(path.join(SCREENSHOTS, request), 'utf8'));
          const box = into ? page.locator(into).first() : undefined;
          const shown = box ? await box.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false) : true;
          // The box has the focus when it opens; make sure of it, so nothing is typed into the editor behind it.
          // The box's proposal is replaced whole (keystrokes into a box that is still opening can be lost or appended).
          if (box && shown) await box.fill(text);
          else if (shown) await page.keyboard.type(text);
          writeFileSync(path.join(SCREENSHOTS, `${name}.${shown ? 'done' : 'missing'}`), '');
        } else {
          // A screenshot may wait until an element is shown (a view's rows render after its data is ready).
          const body = readFileSync(path.join(SCREENSHOTS, request), 'utf8');
          const { shown } = body ? JSON.parse(body) : {};
          for (const selector of [shown ?? []].flat()) {
            await page.locator(selector).first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => log(`${name}: '${selector}' not shown within 10 s`));
          }
          await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
        }
        rmSync(path.join(SCREENSHOTS, request), { force: true });
      }
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'final.png') });
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    printResult(result);
    // Measurements for npm run bench (activation time in real VS Code).
    // Only a whole run measures everything: a subset (SPECWISE_E2E_GREP) keeps the last whole run's numbers.
    if (!process.env.SPECWISE_E2E_GREP) writeFileSync(path.join(SCREENSHOTS, 'metrics.json'), JSON.stringify({ date: new Date().toISOString(), ...result.metrics }, null, 2));
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(ROOT, SCREENSHOTS)}`);
    return result.failures === 0 && result.passes > 0 ? 0 : 1;
  } finally {
    cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[e2e] ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
