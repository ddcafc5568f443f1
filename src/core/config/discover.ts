import { dirname, joinPath } from '../paths.js';
import type { ConfigHost } from './load.js';

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = ['.specwise.jsonc', '.specwise.json'] as const;

/** What one directory says: its own config file, or whether the search stops there. */
export async function configFileIn(dir: string, host: ConfigHost, stopDir?: string): Promise<{ file?: string; stop: boolean }> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = joinPath(dir, name);
    if (await host.exists(candidate)) return { file: candidate, stop: true };
  }
  const parent = dirname(dir);
  return { stop: dir === stopDir || parent === dir || parent === '.' || (await host.exists(joinPath(dir, '.git'))) };
}

/**
 * The nearest config file in `startDir` or an ancestor. The search stops after `stopDir`
 * (the workspace root) or after a directory that holds `.git` (the repository root).
 */
export async function findConfigFile(startDir: string, host: ConfigHost, stopDir?: string): Promise<string | undefined> {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const { file, stop } = await configFileIn(dir, host, stopDir);
    if (file || stop) return file;
  }
}
