/** The test and source files configurations name (`trace.tests`, `trace.sources`), found on disk. */
import path from 'node:path';
import type { EffectiveConfig } from '../core/config/load.js';
import { matches, walkBase } from '../core/config/resolve.js';
import { toPosix } from '../core/paths.js';
import { citationPatternsOf, type CitationPatterns } from '../trace/extract/code.js';
import { walkFiles } from './files.js';

export interface CodeFile {
  path: string;
  role: 'test' | 'source';
  patterns: CitationPatterns;
}

/** Every file a configuration's test or source globs match; a file both match is a test. */
export function codeFilesOf(configs: Iterable<EffectiveConfig>): CodeFile[] {
  const found = new Map<string, CodeFile>();
  for (const config of configs) {
    const { tests, sources } = config.trace;
    const patterns = citationPatternsOf(config.trace);
    for (const [role, globs] of [['test', tests], ['source', sources]] as const) {
      if (!globs) continue;
      walkFiles(path.resolve(walkBase(globs)), (native) => {
        const file = toPosix(native);
        if (!found.has(file) && matches(globs, file)) found.set(file, { path: file, role, patterns });
      });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
