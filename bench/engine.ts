// Engine-only measurements in one process: full re-check after single-character edits, and the scaling series.
import { readFileSync } from 'node:fs';
import { lintText } from '../src/api.js';
import { generatedSpec } from './generated-spec.js';

const [mode, ...args] = process.argv.slice(2);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** A deterministic pseudo-random sequence, so runs are comparable. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

if (mode === 'edits') {
  const [file, countText] = args;
  const text = readFileSync(file, 'utf8');
  const next = random(42);
  lintText({ text });
  const times: number[] = [];
  for (let i = 0; i < Number(countText); i++) {
    const at = Math.floor(next() * text.length);
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const started = performance.now();
    lintText({ text: edited });
    times.push(performance.now() - started);
  }
  console.log(JSON.stringify({ bytes: text.length, median: median(times), p95: percentile(times, 0.95) }));
} else if (mode === 'scaling') {
  const sources = args.map((file) => readFileSync(file, 'utf8'));
  const rows: { bytes: number; ms: number }[] = [];
  for (const bytes of [125_000, 250_000, 500_000, 1_000_000, 2_000_000]) {
    const text = generatedSpec(bytes, sources);
    lintText({ text: text.slice(0, 50_000) });
    const started = performance.now();
    lintText({ text });
    rows.push({ bytes, ms: performance.now() - started });
  }
  console.log(JSON.stringify(rows));
}
