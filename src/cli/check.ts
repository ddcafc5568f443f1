import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../api.js';
import { SpecwiseProject } from '../config.js';
import type { ConfigError } from '../core/config/locate.js';
import { toPosix } from '../core/paths.js';
import { builtInRules } from '../rules/index.js';
import { UsageError, type CheckArgs } from './args.js';
import type { CliIo } from './io.js';
import { selectFiles } from './files.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatText } from './formatters/text.js';
import { absolutePosix, nodeHost } from './node-host.js';
import { countFindings, type FileResult } from './result.js';
import { VERSION } from './version.js';

/** Files larger than this are reported as skipped instead of parsed. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export class FileReadError extends Error {}

/** Reads a file as UTF-8 text, or says why it is not checked. */
export function readSpecFile(file: string): { text: string } | { skipped: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new FileReadError(`Cannot read '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (bytes.length > MAX_FILE_BYTES) return { skipped: `file is ${bytes.length} bytes, over the ${MAX_FILE_BYTES}-byte limit` };
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return toPosix(relative.startsWith('..') || path.isAbsolute(relative) ? file : relative);
}

export function formatConfigError(error: ConfigError, cwd: string): string {
  return `${displayPath(error.file, cwd)}:${error.line}:${error.column} error config ${error.message}`;
}

export function projectFor(io: CliIo, configArg: string | undefined): SpecwiseProject {
  const configFile = configArg === undefined ? undefined : absolutePosix(io.cwd, configArg);
  return new SpecwiseProject(nodeHost, { root: toPosix(io.cwd), configFile });
}

export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const project = projectFor(io, args.config);
  if (args.config !== undefined && !(await nodeHost.exists(absolutePosix(io.cwd, args.config)))) {
    throw new UsageError(`Config file not found: '${args.config}'.`);
  }
  const { files, directories } = selectFiles(args.paths, io.cwd);
  const results: FileResult[] = [];
  const configErrors = new Map<string, ConfigError[]>();
  const checkedFrom = new Set<string>();
  for (const file of files) {
    const display = displayPath(file.path, io.cwd);
    const content = readSpecFile(file.path);
    if ('skipped' in content) {
      if (file.explicit) results.push({ path: display, template: '', findings: [], skipped: content.skipped });
      continue;
    }
    const settings = await project.settingsFor(toPosix(file.path), content.text, args.template);
    if (settings.configErrors.length > 0) configErrors.set(settings.configFile ?? '', settings.configErrors);
    if (!file.explicit && !settings.isSpec) continue;
    checkedFrom.add(file.from);
    if (args.template !== undefined && !settings.templates.has(args.template)) {
      throw new UsageError(`Unknown template '${args.template}'; available templates: ${[...settings.templates.keys()].join(', ')}.`);
    }
    const { findings } = lintText({ text: content.text, uri: file.path, template: settings.template, settings: settings.settings, templates: settings.templates });
    const shown = args.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
    results.push({ path: display, template: settings.template.name, findings: shown });
  }
  for (const directory of directories) {
    if (!checkedFrom.has(directory)) io.stderr(`specwise: no spec files under '${directory}' (see "files" in the configuration).\n`);
  }
  if (args.format === 'json') io.stdout(formatJson(results));
  else if (args.format === 'sarif') io.stdout(formatSarif(results, builtInRules, VERSION));
  else io.stdout(formatText(results));
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
