/**
 * Hand labels of rule findings on the real corpora, and how they are scored again against
 * what the rules report today.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CheckArgs } from '../../src/cli/args.js';
import { checkFile, projectFor } from '../../src/cli/check.js';
import { toPosix } from '../../src/core/paths.js';
import { MARKDOWN_FILE } from '../../src/core/paths.js';
import { readTraceFile } from '../../src/trace/read-file.js';
import { traceRules } from '../../src/trace/rules/index.js';
import { WorkspaceIndex } from '../../src/trace/workspace-index.js';
import { CORPORA, PROJECT_ROOT } from './corpora.js';

export const LABELS_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'precision');

export type Verdict = 'TP' | 'FP';

export interface Label {
  corpus: string;
  /** Path inside the corpus folder, '/'-separated. */
  file: string;
  line: number;
  rule: string;
  /** What tells findings of one rule on one line apart (section, id, term, field). */
  key: string;
  message: string;
  verdict: Verdict;
  reason: string;
}

export interface LabelSet {
  name: string;
  /** Which documents, which rule version, and how the sample was drawn. */
  description: string;
  /**
   * The precision and the share of true findings still reported that each rule had on this
   * set when it was last recorded (`score --record`): neither may drop. Held-out sets are
   * held to 0.9 instead.
   */
  floors?: Record<string, { precision: number; recall: number }>;
  labels: Label[];
}

export interface FindingLike {
  ruleId: string;
  line: number;
  message: string;
  data?: Record<string, unknown>;
}

export function findingKey(finding: { data?: Record<string, unknown> }): string {
  const data = finding.data ?? {};
  for (const field of ['section', 'id', 'block', 'term', 'placeholder', 'field', 'suggestedId', 'status', 'task', 'requirement']) {
    if (data[field] !== undefined) return String(data[field]);
  }
  return '';
}

export function labelId(label: Pick<Label, 'corpus' | 'file' | 'line' | 'rule' | 'key'>): string {
  return `${label.corpus}/${label.file}:${label.line}:${label.rule}:${label.key}`;
}

export function loadLabelSets(): LabelSet[] {
  return readdirSync(LABELS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(LABELS_DIR, name), 'utf8')) as LabelSet);
}

const TRACE_RULES = new Set(traceRules.map((rule) => rule.id));
/** Rules that read across features: their labels need the whole corpus indexed. */
const WORKSPACE_RULES = new Set(traceRules.filter((rule) => rule.checkWorkspace).map((rule) => rule.id));

function markdownUnder(folder: string, out: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') markdownUnder(full, out);
    } else if (MARKDOWN_FILE.test(entry.name)) {
      out.push(full);
    }
  }
}

/**
 * Cross-file findings of the labeled files, as `specwise check .` in the corpus reports
 * them: each labeled file's feature is indexed whole (a feature's findings depend on its
 * files only), or the whole corpus for rules that read across features.
 */
/** Facts of each corpus file, read once per process: every label set indexes the same features. */
const tracedFiles = new Map<string, Awaited<ReturnType<typeof readTraceFile>>>();

async function readTraced(project: ReturnType<typeof projectFor>, file: string) {
  if (!tracedFiles.has(file)) tracedFiles.set(file, await readTraceFile(project, file, readFileSync(file, 'utf8')));
  return tracedFiles.get(file);
}

async function traceFindings(labels: readonly Label[], byFile: Map<string, FindingLike[]>): Promise<void> {
  const corpora = new Map(CORPORA.map((corpus) => [corpus.name, corpus]));
  for (const name of new Set(labels.filter((label) => TRACE_RULES.has(label.rule)).map((label) => label.corpus))) {
    const corpus = corpora.get(name)!;
    const project = projectFor({ cwd: corpus.dir }, undefined);
    const ofCorpus = labels.filter((label) => label.corpus === name && TRACE_RULES.has(label.rule));
    const folders = new Set<string>();
    if (ofCorpus.some((label) => WORKSPACE_RULES.has(label.rule))) folders.add(toPosix(corpus.dir));
    else {
      for (const label of ofCorpus) {
        const file = toPosix(path.join(corpus.dir, label.file));
        const read = await readTraced(project, file);
        if (read?.facts.feature) folders.add(read.facts.feature);
      }
    }
    const index = new WorkspaceIndex();
    for (const folder of folders) {
      const files: string[] = [];
      if (statSync(folder).isDirectory()) markdownUnder(folder, files);
      else files.push(folder);
      for (const file of files) {
        const read = await readTraced(project, file);
        if (read) index.update(read.facts, read.context);
      }
    }
    for (const finding of index.findings()) {
      const key = `${name}/${path.relative(corpus.dir, finding.path).split(path.sep).join('/')}`;
      byFile.set(key, [...(byFile.get(key) ?? []), { ruleId: finding.ruleId, line: finding.start.line, message: finding.message, data: finding.data }]);
    }
  }
}

/** Findings today for each labeled file, checked the way `specwise check` run in its corpus checks it. */
export async function currentFindings(labels: readonly Label[]): Promise<Map<string, FindingLike[]>> {
  const byFile = new Map<string, FindingLike[]>();
  const corpora = new Map(CORPORA.map((corpus) => [corpus.name, corpus]));
  const projects = new Map<string, ReturnType<typeof projectFor>>();
  for (const label of labels) {
    const fileKey = `${label.corpus}/${label.file}`;
    if (byFile.has(fileKey)) continue;
    const corpus = corpora.get(label.corpus)!;
    const cwd = corpus.dir;
    const explicit = corpus.args.includes('--template');
    const template = explicit ? corpus.args[corpus.args.indexOf('--template') + 1] : undefined;
    const args: CheckArgs = { command: 'check', paths: [], format: 'json', quiet: false, fix: false, cache: false, template };
    let project = projects.get(corpus.name);
    if (!project) {
      project = projectFor({ cwd }, undefined);
      projects.set(corpus.name, project);
    }
    const outcome = await checkFile({ path: toPosix(path.join(cwd, label.file)), explicit, from: '.' }, project, args, cwd);
    byFile.set(
      fileKey,
      (outcome.result?.findings ?? []).map((finding) => ({ ruleId: finding.ruleId, line: finding.start.line, message: finding.message, data: finding.data })),
    );
  }
  await traceFindings(labels, byFile);
  return byFile;
}

export interface Score {
  rule: string;
  labeled: number;
  labeledTrue: number;
  /** Labeled findings the rules still report. */
  firing: number;
  firingTrue: number;
  /** Precision of the labeled findings still reported. */
  precision: number;
  /** Share of true findings still reported. */
  recall: number;
}

export function score(labels: readonly Label[], findings: Map<string, FindingLike[]>): Score[] {
  const byRule = new Map<string, Score>();
  for (const label of labels) {
    const entry = byRule.get(label.rule) ?? { rule: label.rule, labeled: 0, labeledTrue: 0, firing: 0, firingTrue: 0, precision: 1, recall: 1 };
    byRule.set(label.rule, entry);
    const fires = (findings.get(`${label.corpus}/${label.file}`) ?? []).some(
      (finding) => finding.ruleId === label.rule && finding.line === label.line && findingKey(finding) === label.key,
    );
    entry.labeled++;
    if (label.verdict === 'TP') entry.labeledTrue++;
    if (fires) {
      entry.firing++;
      if (label.verdict === 'TP') entry.firingTrue++;
    }
  }
  for (const entry of byRule.values()) {
    entry.precision = entry.firing === 0 ? 1 : entry.firingTrue / entry.firing;
    entry.recall = entry.labeledTrue === 0 ? 1 : entry.firingTrue / entry.labeledTrue;
  }
  return [...byRule.values()].sort((a, b) => (a.rule < b.rule ? -1 : 1));
}
