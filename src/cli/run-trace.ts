/** `specwise trace`: the requirement × criteria, tasks, tests and design matrix of the features under the paths. */
import type { ConfigError } from '../core/config/locate.js';
import { traceMatrix, gapCount, type TraceMatrix } from '../trace/matrix.js';
import { TRACE_REPORTS } from '../trace/report/index.js';
import type { RunCache } from './cache.js';
import { UsageError, type CheckArgs, type TraceArgs } from './args.js';
import { displayPath, formatConfigError, type FileOutcome } from './check.js';
import { selectFiles } from './files.js';
import type { CliIo } from './io.js';
import { absolutePosix, nodeHost } from './node-host.js';
import { openCache, saveCache } from './run-check.js';
import { scan, traceIndexOf } from './scan.js';

export interface TraceRequest {
  /** Folders, files or globs; none: `cwd`. */
  paths: readonly string[];
  cwd: string;
  config?: string;
  jobs?: number;
  cache?: RunCache;
}

export interface TraceOutcome {
  matrix: TraceMatrix;
  /** Invalid configurations, by file: those files were traced with the defaults. */
  configErrors: ConfigError[];
  /** Every file read, for the cache. */
  seen: Set<string>;
}

/** Reads what the files under the paths define and cite, and builds the matrix (UsageError for a path that does not exist). */
export async function traceFiles(request: TraceRequest): Promise<TraceOutcome> {
  const { paths, cwd, cache } = request;
  if (request.config !== undefined && !(await nodeHost.exists(absolutePosix(cwd, request.config)))) {
    throw new UsageError(`Config file not found: '${request.config}'.`);
  }
  const { files } = selectFiles([...paths], cwd);
  const outcomes: FileOutcome[] = [];
  const configErrors = new Map<string, ConfigError[]>();
  const configFiles = new Set<string>();
  // The same per-file work as check, without the rules: only what files define and cite.
  const fileArgs: CheckArgs = { command: 'check', paths: [...paths], config: request.config, format: 'json', quiet: false, fix: false, jobs: request.jobs, cache: cache !== undefined };
  await scan({
    files: files.map((file) => ({ ...file, explicit: false })),
    args: fileArgs,
    cwd,
    job: { lint: false, trace: true },
    cache,
    deliver(outcome) {
      if (outcome.configErrors.length > 0) configErrors.set(outcome.configFile ?? '', outcome.configErrors);
      if (outcome.configFile) configFiles.add(outcome.configFile);
      outcomes.push(outcome);
    },
  });
  const index = await traceIndexOf(outcomes, configFiles, cache);
  const seen = new Set([...files.map((file) => absolutePosix(cwd, file.path)), ...index.paths()]);
  const matrix = traceMatrix(index.features().values(), index.workspaceLinks(), index.findings());
  return { matrix, configErrors: [...configErrors.values()].flat(), seen };
}

export async function runTrace(args: TraceArgs, io: CliIo): Promise<number> {
  const cache = await openCache(io, args);
  const { matrix, configErrors, seen } = await traceFiles({ paths: args.paths, cwd: io.cwd, config: args.config, jobs: args.jobs, cache });
  saveCache(cache, seen, io);
  io.stdout(TRACE_REPORTS[args.format](matrix, (path) => displayPath(path, io.cwd)));
  for (const error of configErrors) io.stderr(`${formatConfigError(error, io.cwd)}\n`);
  if (configErrors.length > 0) {
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
