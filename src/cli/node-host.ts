import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigHost } from '../core/config/load.js';
import { toPosix } from '../core/paths.js';

/**
 * Engine paths are '/'-separated; on Windows `C:/x` works with Node's fs as is. The calls are
 * synchronous: the CLI checks one file at a time per thread, and a local stat costs far less
 * than a round trip through libuv's thread pool, thousands of times per run.
 */
export const nodeHost: ConfigHost = {
  async readFile(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  async exists(file) {
    return existsSync(file);
  },
  async folders(directory) {
    try {
      return readdirSync(directory, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    } catch {
      return undefined;
    }
  },
};

export function absolutePosix(cwd: string, file: string): string {
  return toPosix(path.resolve(cwd, file));
}
