import type { ConfigHost } from '../../src/core/config/load.js';
import { SpecwiseProject } from '../../src/config.js';
import { readTraceFile } from '../../src/trace/read-file.js';
import { WorkspaceIndex } from '../../src/trace/workspace-index.js';

/** Files in memory, as a config host sees a workspace. */
export function memoryHost(files: ReadonlyMap<string, string>): ConfigHost {
  const folders = (path: string) => {
    const prefix = `${path.replace(/\/$/, '')}/`;
    const names = new Set<string>();
    for (const file of files.keys()) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]);
    return [...names].filter((name) => [...files.keys()].some((file) => file.startsWith(`${prefix}${name}/`))).sort();
  };
  return {
    readFile: async (path) => files.get(path),
    exists: async (path) => files.has(path) || [...files.keys()].some((file) => file.startsWith(`${path}/`)),
    folders: async (path) => folders(path),
  };
}

export const ROOT = '/ws';

/** An index of in-memory files (paths relative to /ws), read the way the CLI and the editor read them. */
export async function indexOf(files: Record<string, string>): Promise<{ index: WorkspaceIndex; project: SpecwiseProject; paths: Map<string, string> }> {
  const paths = new Map(Object.entries(files).map(([relative, text]) => [`${ROOT}/${relative}`, text]));
  const project = new SpecwiseProject(memoryHost(paths), { root: ROOT });
  const index = new WorkspaceIndex();
  for (const [path, text] of paths) {
    const read = await readTraceFile(project, path, text);
    if (read) index.update(read.facts, read.context);
  }
  return { index, project, paths };
}

/** `file:line rule` for each cross-file finding, paths relative to /ws. */
export function summary(index: WorkspaceIndex): string[] {
  return index
    .findings()
    .map((finding) => `${finding.path.slice(ROOT.length + 1)}:${finding.start.line} ${finding.ruleId}${finding.data?.id ? ` ${String(finding.data.id)}` : ''}`)
    .sort();
}
