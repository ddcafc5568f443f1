import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigHost } from '../core/config/load.js';
import { toPosix } from '../core/paths.js';

/** Engine paths are '/'-separated; on Windows `C:/x` works with Node's fs as is. */
export const nodeHost: ConfigHost = {
  async readFile(file) {
    try {
      return await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  async exists(file) {
    try {
      await access(file, constants.F_OK);
      return true;
    } catch {
      return false;
    }
  },
};

export function absolutePosix(cwd: string, file: string): string {
  return toPosix(path.resolve(cwd, file));
}
