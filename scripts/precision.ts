/**
 * Measuring rules on the real corpora (docs/precision.md):
 *
 *   tsx scripts/precision.ts run                      check every corpus, keep the JSON in .precision/
 *   tsx scripts/precision.ts sample --set NAME --split dev|heldout|set-aside|all [--per-rule 30] [--seed 1] [--rules a,b] [--corpora a,b] [--untouched]
 *                                                     draw a sample and write a labeling sheet
 *                                                     (--untouched: only from files no label set has read;
 *                                                     set-aside: only from test/fixtures/precision/heldout-3-files.txt)
 *   tsx scripts/precision.ts merge --set NAME --description TEXT FILE.tsv...
 *                                                     turn verdicts (index TAB TP|FP|SKIP TAB reason) into a fixture
 *                                                     (SKIP: an artifact of how the corpus was copied; left out)
 *   tsx scripts/precision.ts score [--record]         score every fixture against today's rules
 *                                                     (--record: keep today's precision as each set's floor)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../src/cli/main.js';
import { availableCorpora, PROJECT_ROOT, splitOf, type Split } from '../test/precision/corpora.js';
import { currentFindings, findingKey, LABELS_DIR, labelId, loadLabelSets, score, type Label, type LabelSet } from '../test/precision/labels.js';

const WORK = path.join(PROJECT_ROOT, '.precision');

interface JsonFinding {
  ruleId: string;
  line: number;
  message: string;
  data: Record<string, unknown>;
}
interface JsonOutput {
  files: { path: string; template: string; findings: JsonFinding[] }[];
}

interface Item {
  index: number;
  corpus: string;
  file: string;
  template: string;
  line: number;
  rule: string;
  key: string;
  message: string;
}

function option(argv: string[], name: string, fallback?: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : fallback;
}

async function run(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  for (const corpus of availableCorpora()) {
    const out: string[] = [];
    const err: string[] = [];
    const started = Date.now();
    await main(['check', '--format', 'json', ...corpus.args], { cwd: corpus.dir, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) });
    const output = JSON.parse(out.join('')) as JsonOutput;
    writeFileSync(path.join(WORK, `findings-${corpus.name}.json`), JSON.stringify(output));
    const counts: Record<string, number> = {};
    for (const file of output.files) for (const finding of file.findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
    console.log(`${corpus.name}: ${output.files.length} files, ${((Date.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(counts));
    if (err.length > 0) console.log(err.join('').slice(0, 500));
  }
}

/** mulberry32: a small seeded generator, so a sample can be drawn again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Up to `perRule` findings of each rule, taken in turn from each corpus so every corpus is represented. */
/** The files set aside before the third tuning round, as `corpus/path`. */
function setAsideFiles(): Set<string> {
  const text = readFileSync(path.join(LABELS_DIR, 'heldout-3-files.txt'), 'utf8');
  return new Set(text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')));
}

function sample(split: Split | 'set-aside' | 'all', perRule: number, seed: number, rules: Set<string> | undefined, exclude: Set<string>, excludeFiles: Set<string>, corpora: Set<string> | undefined): Item[] {
  const pools = new Map<string, Map<string, Omit<Item, 'index'>[]>>();
  const setAside = split === 'set-aside' ? setAsideFiles() : undefined;
  for (const corpus of availableCorpora()) {
    if (corpora && !corpora.has(corpus.name)) continue;
    const output = JSON.parse(readFileSync(path.join(WORK, `findings-${corpus.name}.json`), 'utf8')) as JsonOutput;
    for (const file of output.files) {
      const inSplit = setAside ? setAside.has(`${corpus.name}/${file.path}`) : split === 'all' || splitOf(corpus.name, file.path) === split;
      if (!inSplit || excludeFiles.has(`${corpus.name}/${file.path}`)) continue;
      for (const finding of file.findings) {
        if (rules && !rules.has(finding.ruleId)) continue;
        const item = { corpus: corpus.name, file: file.path, template: file.template, line: finding.line, rule: finding.ruleId, key: findingKey(finding), message: finding.message };
        if (exclude.has(labelId(item))) continue;
        const byCorpus = pools.get(finding.ruleId) ?? new Map();
        pools.set(finding.ruleId, byCorpus);
        const pool = byCorpus.get(corpus.name) ?? [];
        byCorpus.set(corpus.name, pool);
        pool.push(item);
      }
    }
  }
  const next = random(seed);
  const items: Item[] = [];
  for (const rule of [...pools.keys()].sort()) {
    const queues = [...pools.get(rule)!.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, pool]) => shuffle(pool, next));
    let taken = 0;
    while (taken < perRule && queues.some((queue) => queue.length > 0)) {
      for (const queue of queues) {
        const item = queue.pop();
        if (!item || taken >= perRule) continue;
        items.push({ index: items.length + 1, ...item });
        taken++;
      }
    }
  }
  return items;
}

/** Headings outside fenced code, with their line numbers. */
function outline(lines: string[]): string[] {
  const result: string[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (!fence) fence = marker[1][0];
      else if (marker[1][0] === fence) fence = undefined;
      return;
    }
    if (!fence && /^#{1,4}\s/.test(line)) result.push(`${String(i + 1).padStart(5)}  ${line}`);
  });
  return result;
}

function excerpt(lines: string[], from: number, to: number, mark: number): string {
  const out: string[] = [];
  for (let n = Math.max(1, from); n <= Math.min(lines.length, to); n++) {
    const text = lines[n - 1].length > 400 ? `${lines[n - 1].slice(0, 400)} […]` : lines[n - 1];
    out.push(`${n === mark ? '>>' : '  '}${String(n).padStart(5)}  ${text}`);
  }
  return out.join('\n');
}

const ID_RULES = new Set(['duplicate-requirement-id', 'undefined-requirement-reference', 'requirement-without-acceptance']);
const SECTION_RULES = new Set(['missing-section', 'section-order', 'empty-section']);

function sheetEntry(item: Item): string {
  const corpus = availableCorpora().find((entry) => entry.name === item.corpus)!;
  const lines = readFileSync(path.join(corpus.dir, item.file), 'utf8').split(/\r?\n/);
  const parts = [`## ${item.index}. ${item.rule} — ${item.corpus}/${item.file}:${item.line}`, '', `- template: ${item.template}`, `- message: ${item.message}`, ''];
  if (SECTION_RULES.has(item.rule)) {
    const headings = outline(lines);
    parts.push('Headings of the document:', '```text', ...(headings.length > 80 ? [...headings.slice(0, 80), `… ${headings.length - 80} more`] : headings), '```', '');
  }
  parts.push('Context:', '```text', excerpt(lines, item.line - 8, item.line + 10, item.line), '```', '');
  const id = ID_RULES.has(item.rule) ? item.key : undefined;
  if (id) {
    const mentions = lines.map((line, i) => [i + 1, line] as const).filter(([, line]) => line.includes(id));
    parts.push(`Every line of the document that mentions ${id} (${mentions.length}):`, '```text', ...mentions.slice(0, 15).map(([n, line]) => `${String(n).padStart(5)}  ${line.slice(0, 300)}`), '```', '');
  }
  return parts.join('\n');
}

function writeSample(argv: string[]): void {
  const set = option(argv, 'set');
  const split = option(argv, 'split') as Split | 'set-aside' | 'all' | undefined;
  if (!set || (split !== 'dev' && split !== 'heldout' && split !== 'set-aside' && split !== 'all')) throw new Error('sample needs --set NAME and --split dev|heldout|set-aside|all');
  const perRule = Number(option(argv, 'per-rule', '30'));
  const seed = Number(option(argv, 'seed', '1'));
  const rules = option(argv, 'rules')?.split(',');
  const corpora = option(argv, 'corpora')?.split(',');
  const labelSets = loadLabelSets();
  const exclude = new Set(labelSets.flatMap((labelSet) => labelSet.labels.map(labelId)));
  const excludeFiles = new Set(argv.includes('--untouched') ? labelSets.flatMap((labelSet) => labelSet.labels.map((label) => `${label.corpus}/${label.file}`)) : []);
  const items = sample(split, perRule, seed, rules ? new Set(rules) : undefined, exclude, excludeFiles, corpora ? new Set(corpora) : undefined);
  writeFileSync(path.join(WORK, `${set}.items.json`), JSON.stringify(items, null, 1));
  const byRule = new Map<string, Item[]>();
  for (const item of items) byRule.set(item.rule, [...(byRule.get(item.rule) ?? []), item]);
  for (const [rule, group] of byRule) {
    writeFileSync(path.join(WORK, `${set}.${rule}.sheet.md`), `# ${set}: ${rule} (${group.length} findings)\n\n${group.map(sheetEntry).join('\n')}`);
  }
  console.log(`${items.length} items in ${byRule.size} sheets: ${[...byRule].map(([rule, group]) => `${rule} ${group.length}`).join(', ')}`);
}

function merge(argv: string[]): void {
  const set = option(argv, 'set');
  const description = option(argv, 'description');
  if (!set || !description) throw new Error('merge needs --set NAME and --description TEXT');
  const files = argv.filter((arg, i) => arg.endsWith('.tsv') && argv[i - 1] !== '--set');
  const items = new Map((JSON.parse(readFileSync(path.join(WORK, `${set}.items.json`), 'utf8')) as Item[]).map((item) => [item.index, item]));
  const labels: Label[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    for (const row of readFileSync(file, 'utf8').split('\n')) {
      const [index, verdict, ...reason] = row.split('\t');
      if (!/^\d+$/.test(index?.trim() ?? '')) continue;
      const item = items.get(Number(index));
      // SKIP: the finding comes from how the corpus was collected (a file it needs was not copied), not from the rule.
      if (item && verdict.trim() === 'SKIP') {
        skipped.push(`${index} (${reason.join(' ').trim()})`);
        continue;
      }
      if (!item || (verdict.trim() !== 'TP' && verdict.trim() !== 'FP')) throw new Error(`bad row in ${file}: ${row}`);
      labels.push({ corpus: item.corpus, file: item.file, line: item.line, rule: item.rule, key: item.key, message: item.message, verdict: verdict.trim() as Label['verdict'], reason: reason.join(' ').trim() });
    }
  }
  if (skipped.length > 0) console.log(`left out as artifacts of the copy: ${skipped.join('; ')}`);
  const missing = [...items.keys()].filter((index) => !labels.some((label) => labelId(label) === labelId(items.get(index)!)) && !skipped.some((entry) => entry.startsWith(`${index} `)));
  if (missing.length > 0) console.log(`not labeled: ${missing.join(', ')}`);
  labels.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const labelSet: LabelSet = { name: set, description, labels };
  mkdirSync(LABELS_DIR, { recursive: true });
  writeFileSync(path.join(LABELS_DIR, `${set}.json`), `${JSON.stringify(labelSet, null, 1)}\n`);
  console.log(`${labels.length} labels written to test/fixtures/precision/${set}.json`);
}

async function scoreAll(record: boolean): Promise<void> {
  const present = new Set(availableCorpora().map((corpus) => corpus.name));
  for (const labelSet of loadLabelSets()) {
    // A copied corpus that is not on this machine cannot be scored, nor its floors recorded.
    const absent = [...new Set(labelSet.labels.map((label) => label.corpus))].filter((corpus) => !present.has(corpus));
    if (absent.length > 0) {
      console.log(`\n${labelSet.name}: not scored, its corpus is not here (${absent.join(', ')})`);
      continue;
    }
    const findings = await currentFindings(labelSet.labels);
    if (record && !labelSet.name.startsWith('heldout')) {
      const floor = (value: number) => Math.floor(value * 100) / 100;
      const floors = Object.fromEntries(score(labelSet.labels, findings).map((entry) => [entry.rule, { precision: floor(entry.precision), recall: floor(entry.recall) }]));
      writeFileSync(path.join(LABELS_DIR, `${labelSet.name}.json`), `${JSON.stringify({ ...labelSet, floors }, null, 1)}\n`);
    }
    console.log(`\n${labelSet.name}: ${labelSet.description}`);
    console.log('| rule | labeled | labeled TP | still reported | of which TP | precision | TP still reported |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const entry of score(labelSet.labels, findings)) {
      console.log(`| ${entry.rule} | ${entry.labeled} | ${entry.labeledTrue} | ${entry.firing} | ${entry.firingTrue} | ${entry.precision.toFixed(2)} | ${entry.labeledTrue ? `${entry.firingTrue}/${entry.labeledTrue}` : '-'} |`);
    }
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'run') await run();
else if (command === 'sample') writeSample(rest);
else if (command === 'merge') merge(rest);
else if (command === 'score') await scoreAll(rest.includes('--record'));
else console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 10).join('\n'));
