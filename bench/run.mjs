// npm run bench: compares Specwise with the bare parse and markdownlint-cli2 on the same files,
// and measures edit latency and scaling. Prints Markdown; --write saves it to docs/performance.md.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/rust-rfcs');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const files = readdirSync(CORPUS).filter((name) => name.endsWith('.md')).sort();
const megabytes = files.reduce((sum, name) => sum + statSync(path.join(CORPUS, name)).size, 0) / 1e6;

/** Median wall time and peak RSS of a command, from GNU time. */
function measure(label, command, args, cwd = CORPUS) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    walls.push(Number(process.hrtime.bigint() - started) / 1e9);
    rss.push(Number(result.stderr.trim().split('\n').pop()) / 1024);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${label} failed: ${result.stderr.slice(-500)}`);
  }
  walls.sort((a, b) => a - b);
  rss.sort((a, b) => a - b);
  process.stderr.write(`[bench] ${label}: ${walls.map((wall) => wall.toFixed(1)).join(', ')} s\n`);
  return { label, wall: walls[Math.floor(walls.length / 2)], rss: rss[Math.floor(rss.length / 2)] };
}

function node(script, ...args) {
  return ['node', [script, ...args]];
}

const corpusFiles = files.map((name) => path.join(CORPUS, name));
const markdownlint = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const rows = [
  measure('bare parse (unified + remark-parse + gfm + frontmatter), 1 thread', ...node(path.join(ROOT, 'bench', 'bare-parse.mjs'), ...corpusFiles)),
  measure('specwise check, 1 thread', ...node(path.join(ROOT, 'bin', 'specwise.cjs'), 'check', '--template', 'rfc', '--format', 'json', '--jobs', '1', '*.md')),
  measure(`specwise check, ${os.availableParallelism()} threads`, ...node(path.join(ROOT, 'bin', 'specwise.cjs'), 'check', '--template', 'rfc', '--format', 'json', '*.md')),
  measure('markdownlint-cli2, default rules', ...node(markdownlint, '*.md')),
];
const largest = [...corpusFiles].sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 1)[0];
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const edits = JSON.parse(spawnSync(tsx, [path.join(ROOT, 'bench', 'engine.ts'), 'edits', largest, process.env.BENCH_EDITS ?? '50'], { encoding: 'utf8' }).stdout);
const scaling = JSON.parse(spawnSync(tsx, [path.join(ROOT, 'bench', 'engine.ts'), 'scaling', ...['2094-nll.md', '1210-impl-specialization.md', '0517-io-os-reform.md'].map((name) => path.join(CORPUS, name))], { encoding: 'utf8' }).stdout);

const base = rows[0];
const lint = rows[3];
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${RUNS} runs.`,
  '',
  `Corpus: ${files.length} Rust RFCs, ${megabytes.toFixed(1)} MB.`,
  '',
  '| run | wall time | peak RSS | time vs bare parse | time vs markdownlint-cli2 |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.label} | ${row.wall.toFixed(1)} s | ${row.rss.toFixed(0)} MB | ${(row.wall / base.wall).toFixed(2)}× | ${(row.wall / lint.wall).toFixed(2)}× |`),
  '',
  `Editing: ${process.env.BENCH_EDITS ?? '50'} random one-character edits to the largest RFC (${(edits.bytes / 1024).toFixed(0)} KB), each followed by a full re-check: median ${edits.median.toFixed(0)} ms, p95 ${edits.p95.toFixed(0)} ms.`,
  '',
  '| generated spec | check time | ratio to half the size |',
  '| --- | --- | --- |',
  ...scaling.map((row, index) => `| ${(row.bytes / 1000).toFixed(0)} KB | ${row.ms.toFixed(0)} ms | ${index === 0 ? '' : `${(row.ms / scaling[index - 1].ms).toFixed(2)}×`} |`),
];
const parallel = rows[2];
const single = rows[1];
const worstScaling = Math.max(...scaling.slice(1).map((row, index) => row.ms / scaling[index].ms));
const status = (met) => (met ? 'met' : 'not met');
lines.push(
  '',
  '| target | measured | status |',
  '| --- | --- | --- |',
  `| parallel check at most 0.5× markdownlint-cli2's wall time | ${(parallel.wall / lint.wall).toFixed(2)}× | ${status(parallel.wall <= 0.5 * lint.wall)} |`,
  `| parallel check peak memory below markdownlint-cli2's | ${parallel.rss.toFixed(0)} MB vs ${lint.rss.toFixed(0)} MB | ${status(parallel.rss < lint.rss)} |`,
  `| single-thread check cheaper than the bare parse | ${(single.wall / base.wall).toFixed(2)}× | ${status(single.wall < base.wall)} |`,
  `| one-character edit on a large spec under 30 ms (median) | ${edits.median.toFixed(0)} ms | ${status(edits.median < 30)} |`,
  `| doubling the size at most 2.2× the time, up to 2 MB | ${worstScaling.toFixed(2)}× | ${status(worstScaling <= 2.2)} |`,
);
const output = lines.join('\n');
process.stdout.write(`${output}\n`);
if (process.argv.includes('--write')) {
  const doc = `# Performance\n\nOutput of \`npm run bench -- --write\` (${'`bench/run.mjs`'}) for version ${JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))).version}.\n\n${output}\n`;
  writeFileSync(path.join(ROOT, 'docs', 'performance.md'), doc);
}
