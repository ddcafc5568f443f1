// Engine-only measurements in one process: edit latency with the editor's block cache against
// a full re-check, and the scaling series.
import { readFileSync } from 'node:fs';
import { lintText } from '../src/api.js';
import { BlockParseCache } from '../src/core/block-parse.js';
import { doubledSpec, generatedSpec } from './generated-spec.js';
import { percentile, random } from './stats.js';

const [mode, ...args] = process.argv.slice(2);

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

if (mode === 'edits') {
  // Typing: each edit inserts or deletes one character at a random place and is checked
  // as the editor checks it (with the document's block cache) and from scratch.
  const [countText, ...files] = args;
  const perFile = Math.ceil(Number(countText) / files.length);
  const next = random(42);
  const incremental: number[] = [];
  const full: number[] = [];
  for (const file of files) {
    let text = readFileSync(file, 'utf8');
    const cache = new BlockParseCache();
    lintText({ text, cache });
    for (let i = 0; i < perFile; i++) {
      const at = Math.floor(next() * text.length);
      text = next() < 0.7 ? text.slice(0, at) + 'e x#`*\n'[Math.floor(next() * 7)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      incremental.push(timed(() => lintText({ text, cache })));
      full.push(timed(() => lintText({ text, fullParse: true })));
    }
  }
  const summary = (times: number[]) => ({ median: percentile(times, 0.5), p95: percentile(times, 0.95) });
  console.log(JSON.stringify({ edits: incremental.length, bytes: files.map((file) => readFileSync(file, 'utf8').length), incremental: summary(incremental), full: summary(full) }));
} else if (mode === 'scaling') {
  // Each size is the previous spec twice, so only the size changes; best of five runs
  // (the least disturbed by other load on the machine).
  const sources = args.map((file) => readFileSync(file, 'utf8'));
  const rows: { bytes: number; ms: number }[] = [];
  let text = generatedSpec(125_000, sources);
  lintText({ text: text.slice(0, 50_000) });
  for (let copy = 1; text.length <= 2_100_000; copy++) {
    const spec = text;
    rows.push({ bytes: spec.length, ms: Math.min(...[1, 2, 3, 4, 5].map(() => timed(() => lintText({ text: spec })))) });
    text = doubledSpec(text, copy);
  }
  console.log(JSON.stringify(rows));
}
