// Traceability in one process: indexing the spec-driven corpora (time and memory), and
// keeping the index and the cross-file findings up to date while one file is edited.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SpecwiseProject } from '../src/config.js';
import { walkFiles } from '../src/cli/files.js';
import { nodeHost } from '../src/cli/node-host.js';
import { BlockParseCache } from '../src/core/block-parse.js';
import { MARKDOWN_FILE, toPosix } from '../src/core/paths.js';
import { markdownFacts } from '../src/trace/extract/markdown.js';
import { markdownTraceRole } from '../src/trace/classify.js';
import { readTraceFile } from '../src/trace/read-file.js';
import { WorkspaceIndex, type TraceFileContext } from '../src/trace/workspace-index.js';
import { percentile, random } from './stats.js';

const [mode, ...args] = process.argv.slice(2);

function markdownFiles(dir: string): string[] {
  const files: string[] = [];
  walkFiles(dir, (file) => {
    if (MARKDOWN_FILE.test(file)) files.push(toPosix(file));
  });
  return files.sort();
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Every spec-related file of the folders, read into one index, as the editor reads a workspace. */
async function indexFolders(dirs: string[]) {
  const index = new WorkspaceIndex();
  const contexts = new Map<string, { text: string; context: TraceFileContext; project: SpecwiseProject }>();
  let bytes = 0;
  for (const dir of dirs) {
    const project = new SpecwiseProject(nodeHost, { root: toPosix(dir) });
    for (const file of markdownFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      bytes += statSync(file).size;
      const read = await readTraceFile(project, file, text);
      if (!read) continue;
      index.update(read.facts, read.context);
      contexts.set(file, { text, context: read.context, project });
    }
  }
  return { index, contexts, bytes };
}

if (mode === 'index') {
  const before = heapMB();
  const started = performance.now();
  const { index, bytes } = await indexFolders(args);
  const findings = index.findings().length;
  const ms = performance.now() - started;
  console.log(JSON.stringify({ files: index.size, megabytes: bytes / 1e6, ms, findings, heapMB: heapMB() - before, rssMB: process.memoryUsage().rss / 2 ** 20 }));
} else if (mode === 'edits') {
  // Typing in a large tasks file and a large spec of the workspace: each one-character edit is
  // read again (with the file's block cache, as the editor keeps one per open document), the
  // index updated, and every cross-file finding brought up to date.
  const [countText, ...dirs] = args;
  const { index, contexts } = await indexFolders(dirs);
  index.findings();
  const byRole = (role: string) =>
    [...contexts.keys()]
      .filter((file) => index.facts(file)?.role === role)
      .sort((a, b) => contexts.get(b)!.text.length - contexts.get(a)!.text.length)
      .slice(0, 3);
  const targets = [...byRole('tasks'), ...byRole('spec')];
  const perFile = Math.ceil(Number(countText) / targets.length);
  const next = random(42);
  const incremental: number[] = [];
  const rebuild: number[] = [];
  for (const file of targets) {
    const { context, project } = contexts.get(file)!;
    let text = contexts.get(file)!.text;
    const settings = await project.settingsFor(file, text);
    const role = markdownTraceRole(file, settings)!;
    const cache = new BlockParseCache();
    markdownFacts({ path: file, text, ...role, template: settings.template, cache });
    for (let i = 0; i < perFile; i++) {
      const at = Math.floor(next() * text.length);
      text = next() < 0.7 ? text.slice(0, at) + 'e x1-#*\n'[Math.floor(next() * 8)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      const started = performance.now();
      index.update(markdownFacts({ path: file, text, ...role, template: settings.template, cache }), context);
      index.findings();
      incremental.push(performance.now() - started);
      // The baseline: the same facts, every feature resolved and checked again from scratch.
      if (i % 10 === 0) {
        const from = performance.now();
        const fresh = new WorkspaceIndex();
        for (const path of index.paths()) fresh.update(index.facts(path)!, contexts.get(path)?.context);
        fresh.findings();
        rebuild.push(performance.now() - from);
      }
    }
  }
  const summary = (times: number[]) => ({ median: percentile(times, 0.5), p95: percentile(times, 0.95) });
  console.log(JSON.stringify({ edits: incremental.length, files: targets.map((file) => ({ file: path.basename(path.dirname(file)) + '/' + path.basename(file), bytes: contexts.get(file)!.text.length })), incremental: summary(incremental), rebuild: summary(rebuild) }));
}
