/**
 * The real corpora in ../shared/corpus, how each is checked, and the fixed split of their
 * documents into a development half (read while tuning rules) and a held-out half (only
 * sampled to measure the result).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_ROOT = path.resolve(PROJECT_ROOT, '../shared/corpus');

export interface Corpus {
  name: string;
  dir: string;
  /** `specwise check` arguments, run from `dir`, as a user of that repository would. */
  args: string[];
}

export const CORPORA: readonly Corpus[] = [
  // The RFC folder is flattened (no `text/` folder), so it is checked by name with its template.
  { name: 'rust-rfcs', dir: path.join(CORPUS_ROOT, 'rust-rfcs'), args: ['--template', 'rfc', '*.md'] },
  { name: 'spec-kit-doit', dir: path.join(CORPUS_ROOT, 'spec-kit-doit'), args: ['.'] },
  { name: 'spec-kit-krate', dir: path.join(CORPUS_ROOT, 'spec-kit-krate'), args: ['.'] },
  { name: 'kiro-sce', dir: path.join(CORPUS_ROOT, 'kiro-sce'), args: ['.'] },
  { name: 'openspec', dir: path.join(CORPUS_ROOT, 'openspec'), args: ['.'] },
  // spec-kit, Kiro and OpenSpec folders of other public repositories, copied at the commits in
  // test/fixtures/precision/<name>-sources.tsv into the untracked .precision/ folder.
  { name: 'github-2026-11', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11'), args: ['.'] },
  { name: 'github-2026-11b', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11b'), args: ['.'] },
  { name: 'github-2026-11c', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11c'), args: ['.'] },
  { name: 'github-2026-11d', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11d'), args: ['.'] },
  { name: 'github-2026-11e', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11e'), args: ['.'] },
  { name: 'github-2026-11f', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11f'), args: ['.'] },
  { name: 'github-2026-11g', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11g'), args: ['.'] },
  { name: 'github-2026-11h', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11h'), args: ['.'] },
  { name: 'github-2026-11i', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11i'), args: ['.'] },
  { name: 'github-2026-11j', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11j'), args: ['.'] },
  { name: 'github-2026-11k', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11k'), args: ['.'] },
  { name: 'github-2026-11l', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11l'), args: ['.'] },
  { name: 'github-2026-11m', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11m'), args: ['.'] },
  { name: 'github-2026-11n', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11n'), args: ['.'] },
  { name: 'github-2026-11o', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11o'), args: ['.'] },
  { name: 'github-2026-11p', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11p'), args: ['.'] },
  { name: 'github-2026-11q', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11q'), args: ['.'] },
  { name: 'github-2026-11r', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11r'), args: ['.'] },
  { name: 'github-2026-11s', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11s'), args: ['.'] },
  { name: 'github-2026-11t', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11t'), args: ['.'] },
  { name: 'github-2026-11u', dir: path.join(PROJECT_ROOT, '.precision', 'github-2026-11u'), args: ['.'] },
];

export function availableCorpora(): Corpus[] {
  return CORPORA.filter((corpus) => existsSync(corpus.dir));
}

const CONTAINERS = new Set(['specs', 'changes', 'rfcs']);

/**
 * The unit a document is split with: its feature folder (spec-kit `specs/NNN-x`, Kiro
 * `specs/x`, OpenSpec `changes/x` or `specs/x`), so a feature's files stay on one side;
 * a loose file is its own unit.
 */
export function splitUnit(relativePath: string): string {
  const parts = relativePath.split('/');
  for (let i = 0; i < parts.length - 2; i++) {
    if (!CONTAINERS.has(parts[i])) continue;
    let end = i + 1;
    // Archive folders group features; the feature is the folder inside.
    while (end < parts.length - 2 && (parts[end] === 'archive' || parts[end].startsWith('_'))) end++;
    return parts.slice(0, end + 1).join('/');
  }
  return relativePath;
}

/** FNV-1a, 32 bits: a stable hash, the same on every machine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export type Split = 'dev' | 'heldout';

export function splitOf(corpus: string, relativePath: string): Split {
  return fnv1a(`${corpus}/${splitUnit(relativePath)}`) % 2 === 0 ? 'dev' : 'heldout';
}
