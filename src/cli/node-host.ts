import { constants } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
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
  async folders(directory) {
    try {
      return (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    } catch {
      return undefined;
    }
  },
};

export function absolutePosix(cwd: string, file: string): string {
  return toPosix(path.resolve(cwd, file));
}
