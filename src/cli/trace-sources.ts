/** The test and source files configurations name (`trace.tests`, `trace.sources`), found on disk. */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { EffectiveConfig, GlobSet } from '../core/config/load.js';
import { matches } from '../core/config/resolve.js';
import { dirname, toPosix } from '../core/paths.js';
import { citationPatternsOf, type CitationPatterns } from '../trace/extract/code.js';

export interface CodeFile {
  path: string;
  role: 'test' | 'source';
  patterns: CitationPatterns;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** The folder a glob set's walk starts from: its base, moved up by the patterns' leading `../`. */
function walkRoot(globs: GlobSet): string {
  let root = globs.base;
  for (const pattern of globs.patterns) {
    let base = globs.base;
    for (let rest = pattern.replace(/^\.\//, ''); rest.startsWith('../'); rest = rest.slice(3)) base = dirname(base);
    if (base.length < root.length) root = base;
  }
  return root;
}

function walk(directory: string, visit: (file: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = `${directory}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, visit);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      visit(full);
    }
  }
}

/** Every file a configuration's test or source globs match; a file both match is a test. */
export function codeFilesOf(configs: Iterable<EffectiveConfig>): CodeFile[] {
  const found = new Map<string, CodeFile>();
  for (const config of configs) {
    const { tests, sources } = config.trace;
    const patterns = citationPatternsOf(config.trace);
    for (const [role, globs] of [['test', tests], ['source', sources]] as const) {
      if (!globs) continue;
      walk(toPosix(path.resolve(walkRoot(globs))), (file) => {
        if (!found.has(file) && matches(globs, file)) found.set(file, { path: file, role, patterns });
      });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
