import path from 'node:path';
import type { ToolHost } from '../agents/index.js';
import { ToolInputError } from '../agents/index.js';
import { readSpecFile } from '../cli/check.js';
import { UsageError } from '../cli/args.js';
import { absolutePosix, nodeHost } from '../cli/node-host.js';
import { traceFiles } from '../cli/run-trace.js';
import { SpecwiseProject } from '../config.js';
import { toPosix } from '../core/paths.js';

/** Files and configuration of the folder the server runs in, as the CLI reads them. */
export function nodeToolHost(cwd: string, configFile?: string): ToolHost {
  const root = toPosix(cwd);
  const project = new SpecwiseProject(nodeHost, { root, configFile: configFile === undefined ? undefined : absolutePosix(cwd, configFile) });
  return {
    root,
    resolvePath: (file) => absolutePosix(cwd, file),
    async readText(file) {
      let content;
      try {
        content = readSpecFile(path.normalize(file));
      } catch (error) {
        throw new ToolInputError(error instanceof Error ? error.message : String(error));
      }
      if ('skipped' in content) throw new ToolInputError(`Not checking '${file}': ${content.skipped}.`);
      return content.text;
    },
    settingsFor: (file, text, template) => project.settingsFor(file, text, template),
    async trace(paths) {
      try {
        // One thread: the server answers one agent, and workers would outlive a short call.
        const { matrix, configErrors } = await traceFiles({ paths, cwd, config: configFile, jobs: 1 });
        return { matrix, configErrors };
      } catch (error) {
        if (error instanceof UsageError) throw new ToolInputError(error.message);
        throw error;
      }
    },
  };
}
