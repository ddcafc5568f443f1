/** `specwise trace`: the requirement × criteria, tasks, tests and design matrix of the features under the paths. */
import type { ConfigError } from '../core/config/locate.js';
import { traceMatrix, gapCount } from '../trace/matrix.js';
import { TRACE_REPORTS } from '../trace/report/index.js';
import { UsageError, type CheckArgs, type TraceArgs } from './args.js';
import { displayPath, formatConfigError, type FileOutcome } from './check.js';
import { selectFiles } from './files.js';
import type { CliIo } from './io.js';
import { absolutePosix, nodeHost } from './node-host.js';
import { openCache, saveCache } from './run-check.js';
import { scan, traceIndexOf } from './scan.js';

export async function runTrace(args: TraceArgs, io: CliIo): Promise<number> {
  if (args.config !== undefined && !(await nodeHost.exists(absolutePosix(io.cwd, args.config)))) {
    throw new UsageError(`Config file not found: '${args.config}'.`);
  }
  const { files } = selectFiles(args.paths, io.cwd);
  const cache = await openCache(io, args);
  const outcomes: FileOutcome[] = [];
  const configErrors = new Map<string, ConfigError[]>();
  const configFiles = new Set<string>();
  // The same per-file work as check, without the rules: only what files define and cite.
  const fileArgs: CheckArgs = { command: 'check', paths: args.paths, config: args.config, format: 'json', quiet: false, fix: false, jobs: args.jobs, cache: args.cache };
  await scan({
    files: files.map((file) => ({ ...file, explicit: false })),
    args: fileArgs,
    cwd: io.cwd,
    job: { lint: false, trace: true },
    cache,
    deliver(outcome) {
      if (outcome.configErrors.length > 0) configErrors.set(outcome.configFile ?? '', outcome.configErrors);
      if (outcome.configFile) configFiles.add(outcome.configFile);
      outcomes.push(outcome);
    },
  });
  const index = await traceIndexOf(outcomes, configFiles, cache);
  const seen = new Set([...files.map((file) => absolutePosix(io.cwd, file.path)), ...index.paths()]);
  saveCache(cache, seen, io);
  const findings = index.findings();
  const matrix = traceMatrix(index.features().values(), index.workspaceLinks(), findings);
  io.stdout(TRACE_REPORTS[args.format](matrix, (path) => displayPath(path, io.cwd)));
  for (const errors of configErrors.values()) for (const error of errors) io.stderr(`${formatConfigError(error, io.cwd)}\n`);
  if (configErrors.size > 0) {
    io.stderr('specwise: invalid configuration; files were traced with the default settings.\n');
    return 2;
  }
  if (matrix.features.length === 0) io.stderr(`specwise: no spec files under ${args.paths.length > 0 ? args.paths.map((entry) => `'${entry}'`).join(', ') : 'this folder'}: nothing to trace.\n`);
  const gaps = gapCount(matrix);
  if (args.failOnGaps && gaps > 0) {
    io.stderr(`specwise: ${gaps} traceability gaps (--fail-on-gaps).\n`);
    return 1;
  }
  return 0;
}
