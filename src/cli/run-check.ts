/** `specwise check`: every file's rules, and on folders the cross-file rules too. */
import { allRules } from '../config.js';
import type { ConfigError } from '../core/config/locate.js';
import type { Finding } from '../core/rule.js';
import type { TraceFinding } from '../trace/runner.js';
import { UsageError, type CheckArgs } from './args.js';
import { cacheFilePath, RunCache } from './cache.js';
import { displayPath, formatConfigError, type FileOutcome } from './check.js';
import { selectFiles } from './files.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatFileText, formatTextSummary } from './formatters/text.js';
import type { CliIo } from './io.js';
import { absolutePosix, nodeHost } from './node-host.js';
import { countFindings, type FileResult } from './result.js';
import { scan, traceIndexOf } from './scan.js';
import { VERSION } from './version.js';

/** The cache holds what the files produced under these options; others start it over. */
export function cacheKey(cwd: string, args: { config?: string; template?: string; fix?: boolean }): string {
  return JSON.stringify({ cwd, config: args.config, template: args.template, fix: args.fix === true });
}

export async function openCache(io: CliIo, args: { cache: boolean; cacheLocation?: string; config?: string; template?: string; fix?: boolean }): Promise<RunCache | undefined> {
  if (!args.cache) return undefined;
  return RunCache.load(cacheFilePath(io.cwd, args.cacheLocation), VERSION, cacheKey(io.cwd, args));
}

export function saveCache(cache: RunCache | undefined, seen: ReadonlySet<string>, io: CliIo): void {
  if (!cache) return;
  cache.retain(seen);
  try {
    cache.save();
  } catch (error) {
    io.stderr(`specwise: could not write the cache: ${(error as Error).message}\n`);
  }
}

/** A cross-file finding as a finding of its file, with the other files' paths as the CLI shows them. */
function asFileFinding(finding: TraceFinding, cwd: string): Finding {
  const { path, ...rest } = finding;
  return { ...rest, related: finding.related?.map((related) => ({ ...related, path: related.path === path ? undefined : displayPath(related.path!, cwd) })) };
}

function byPosition(a: Finding, b: Finding): number {
  return a.start.line - b.start.line || a.start.column - b.start.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  if (args.config !== undefined && !(await nodeHost.exists(absolutePosix(io.cwd, args.config)))) {
    throw new UsageError(`Config file not found: '${args.config}'.`);
  }
  const { files, directories } = selectFiles(args.paths, io.cwd);
  const job = { lint: true, trace: directories.length > 0 };
  const cache = await openCache(io, args);
  let results: FileResult[] = [];
  const outcomes: FileOutcome[] = [];
  const configErrors = new Map<string, ConfigError[]>();
  const configFiles = new Set<string>();
  const checkedFrom = new Set<string>();
  // Outcomes arrive in file order; text output is written as they come, unless cross-file findings are still to join them.
  await scan({
    files,
    args,
    cwd: io.cwd,
    job,
    cache,
    deliver(outcome) {
      if (outcome.usageError) throw new UsageError(outcome.usageError);
      for (const message of outcome.messages) io.stderr(`${message}\n`);
      if (outcome.configErrors.length > 0) configErrors.set(outcome.configFile ?? '', outcome.configErrors);
      if (outcome.configFile) configFiles.add(outcome.configFile);
      if (outcome.checkedFrom) checkedFrom.add(outcome.checkedFrom);
      outcomes.push(outcome);
      if (!outcome.result) return;
      // A copy: cross-file findings join it below, and the outcome may be the cache's.
      const result = { ...outcome.result, findings: outcome.result.findings.filter((finding) => !args.quiet || finding.severity === 'error') };
      results.push(result);
      if (args.format === 'text' && !job.trace) io.stdout(formatFileText(result));
    },
  });
  const seen = new Set(files.map((file) => absolutePosix(io.cwd, file.path)));
  if (job.trace) {
    const index = await traceIndexOf(outcomes, configFiles, cache);
    for (const path of index.paths()) seen.add(path);
    const byPath = new Map(results.map((result) => [result.path, result]));
    for (const finding of index.findings()) {
      if (args.quiet && finding.severity !== 'error') continue;
      const path = displayPath(finding.path, io.cwd);
      let result = byPath.get(path);
      if (!result) {
        const facts = index.facts(finding.path);
        result = { path, template: '', reason: `a ${facts?.role ?? 'traced'} file${facts?.feature ? ` of ${displayPath(facts.feature, io.cwd)}` : ''}, read for traceability`, findings: [] };
        byPath.set(path, result);
      }
      result.findings.push(asFileFinding(finding, io.cwd));
    }
    results = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const result of results) result.findings.sort(byPosition);
    if (args.format === 'text') for (const result of results) io.stdout(formatFileText(result));
  }
  saveCache(cache, seen, io);
  for (const directory of directories) {
    if (!checkedFrom.has(directory)) io.stderr(`specwise: no spec files under '${directory}' (see "files" in the configuration).\n`);
  }
  if (args.format === 'json') io.stdout(formatJson(results));
  else if (args.format === 'sarif') io.stdout(formatSarif(results, allRules, VERSION));
  else io.stdout(formatTextSummary(results));
  for (const errors of configErrors.values()) for (const error of errors) io.stderr(`${formatConfigError(error, io.cwd)}\n`);
  if (configErrors.size > 0) {
    io.stderr('specwise: invalid configuration; files were checked with the default settings.\n');
    return 2;
  }
  const { errors, warnings } = countFindings(results);
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  if (tooManyWarnings) io.stderr(`specwise: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}.\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
