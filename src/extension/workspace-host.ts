import * as vscode from 'vscode';
import type { ConfigHost } from '../core/config/load.js';

/**
 * Config files read through `workspace.fs`, so virtual and remote workspaces work. Engine
 * paths are URI paths; `base` supplies the scheme and authority.
 */
export function workspaceHost(base: vscode.Uri): ConfigHost {
  const toUri = (path: string) => base.with({ path });
  return {
    async readFile(path) {
      try {
        return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(toUri(path)));
      } catch {
        return undefined;
      }
    },
    async exists(path) {
      try {
        await vscode.workspace.fs.stat(toUri(path));
        return true;
      } catch {
        return false;
      }
    },
    async folders(path) {
      try {
        const entries = await vscode.workspace.fs.readDirectory(toUri(path));
        return entries.filter(([, type]) => (type & vscode.FileType.Directory) !== 0).map(([name]) => name).sort();
      } catch {
        return undefined;
      }
    },
  };
}
