/** The test and source files configurations name (`trace.tests`, `trace.sources`), found on disk. */
import path from 'node:path';
import type { EffectiveConfig, GlobSet } from '../core/config/load.js';
import { matches } from '../core/config/resolve.js';
import { dirname, toPosix } from '../core/paths.js';
import { citationPatternsOf, type CitationPatterns } from '../trace/extract/code.js';
import { walkFiles } from './files.js';

export interface CodeFile {
  path: string;
  role: 'test' | 'source';
  patterns: CitationPatterns;
}

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

/** Every file a configuration's test or source globs match; a file both match is a test. */
export function codeFilesOf(configs: Iterable<EffectiveConfig>): CodeFile[] {
  const found = new Map<string, CodeFile>();
  for (const config of configs) {
    const { tests, sources } = config.trace;
    const patterns = citationPatternsOf(config.trace);
    for (const [role, globs] of [['test', tests], ['source', sources]] as const) {
      if (!globs) continue;
      walkFiles(path.resolve(walkRoot(globs)), (native) => {
        const file = toPosix(native);
        if (!found.has(file) && matches(globs, file)) found.set(file, { path: file, role, patterns });
      });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
