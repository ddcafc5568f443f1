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
