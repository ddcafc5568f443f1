import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.resolve(PROJECT_ROOT, '../shared/corpus/rust-rfcs');

/** The real RFC corpus, read in place; empty when the shared folder is absent. */
export function corpusFiles(): string[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(CORPUS_DIR, name));
}

/** Collects what the CLI writes, for in-process runs. */
export function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { cwd, stdout: (text: string) => void out.push(text), stderr: (text: string) => void err.push(text) },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** An mdast tree as plain data: keys in order, undefined fields and `data` left out, so two builds of it compare equal. */
export function canonicalTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalTree);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .filter((key) => record[key] !== undefined && key !== 'data')
      .sort()
      .map((key) => [key, canonicalTree(record[key])]),
  );
}
