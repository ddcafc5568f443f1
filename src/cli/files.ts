import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from './args.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|markdown)$/i;

export interface FileSelection {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Notes for the user, e.g. a directory with no spec files. */
  notes: string[];
}

function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** Every file under a directory, skipping node_modules and .git, in a stable order. */
function walk(directory: string, accept: (file: string) => boolean, out: string[]): void {
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
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, accept, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && accept(full)) {
      out.push(full);
    }
  }
}

/**
 * Expands CLI paths: files are always checked, directories give their Markdown files,
 * quoted globs are matched relative to `cwd`. A path that is neither is a usage error.
 */
export function selectFiles(inputs: readonly string[], cwd: string): FileSelection {
  const files = new Set<string>();
  const notes: string[] = [];
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isFile()) {
      files.add(absolute);
    } else if (stats?.isDirectory()) {
      const found: string[] = [];
      walk(absolute, (file) => MARKDOWN.test(file), found);
      if (found.length === 0) notes.push(`No Markdown files under '${input}'.`);
      for (const file of found) files.add(file);
    } else if (isGlob(input)) {
      const { base, glob } = picomatch.scan(input.replace(/\\/g, '/'));
      const root = path.resolve(cwd, base || '.');
      const matcher = picomatch(glob, { dot: false });
      const found: string[] = [];
      walk(root, (file) => matcher(path.relative(root, file).split(path.sep).join('/')), found);
      if (found.length === 0) throw new UsageError(`No files match the pattern '${input}'.`);
      for (const file of found) files.add(file);
    } else {
      throw new UsageError(`No such file or directory: '${input}'.`);
    }
  }
  return { files: [...files].sort(), notes };
}
