import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from './args.js';
import { MARKDOWN_FILE } from '../core/paths.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface SelectedFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line or matched by a glob there (always checked), not found in a directory. */
  explicit: boolean;
  /** The directory or glob argument that found the file. */
  from: string;
}

export interface FileSelection {
  /** Sorted by path, without duplicates. */
  files: SelectedFile[];
  /** Directory arguments, to tell the user when one holds no spec files. */
  directories: string[];
}

function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** Visits every file under a directory, skipping node_modules and .git, in a stable order. */
export function walkFiles(directory: string, visit: (file: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walkFiles(full, visit);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      visit(full);
    }
  }
}

function walk(directory: string, accept: (file: string) => boolean, out: string[]): void {
  walkFiles(directory, (file) => {
    if (accept(file)) out.push(file);
  });
}

/**
 * Expands CLI paths: named files and matches of quoted globs (relative to `cwd`) are always
 * checked; directories give Markdown files that are checked when they are specs. Anything
 * else is a usage error.
 */
export function selectFiles(inputs: readonly string[], cwd: string): FileSelection {
  const files = new Map<string, SelectedFile>();
  const directories: string[] = [];
  const add = (file: string, explicit: boolean, from: string) => {
    const existing = files.get(file);
    if (!existing || (explicit && !existing.explicit)) files.set(file, { path: file, explicit, from });
  };
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isFile()) {
      add(absolute, true, input);
    } else if (stats?.isDirectory()) {
      directories.push(input);
      const found: string[] = [];
      walk(absolute, (file) => MARKDOWN_FILE.test(file), found);
      for (const file of found) add(file, false, input);
    } else if (isGlob(input)) {
      const { base, glob } = picomatch.scan(input.replace(/\\/g, '/'));
      const root = path.resolve(cwd, base || '.');
      // Globs enter dot-folders such as .kiro/ and .github/; node_modules and .git are never walked.
      const matcher = picomatch(glob, { dot: true });
      const found: string[] = [];
      walk(root, (file) => matcher(path.relative(root, file).split(path.sep).join('/')), found);
      if (found.length === 0) throw new UsageError(`No files match the pattern '${input}'.`);
      for (const file of found) add(file, true, input);
    } else {
      throw new UsageError(`No such file or directory: '${input}'.`);
    }
  }
  return { files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), directories };
}
