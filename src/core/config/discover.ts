import { dirname, joinPath } from '../paths.js';
import type { ConfigHost } from './load.js';

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = ['.specwise.jsonc', '.specwise.json'] as const;

/**
 * The nearest config file in `startDir` or an ancestor. The search stops after `stopDir`
 * (the workspace root) or after a directory that holds `.git` (the repository root).
 */
export async function findConfigFile(startDir: string, host: ConfigHost, stopDir?: string): Promise<string | undefined> {
  let dir = startDir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = joinPath(dir, name);
      if (await host.exists(candidate)) return candidate;
    }
    if (dir === stopDir || (await host.exists(joinPath(dir, '.git')))) return undefined;
    const parent = dirname(dir);
    if (parent === dir || parent === '.') return undefined;
    dir = parent;
  }
}
