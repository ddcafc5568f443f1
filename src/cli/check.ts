import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../api.js';
import { SpecwiseProject } from '../config.js';
import type { ConfigError } from '../core/config/locate.js';
import { decodeSpecFile, sizeReason, type SpecFileContent } from '../core/file-policy.js';
import { toPosix } from '../core/paths.js';
import type { Finding } from '../core/rule.js';
import { describeTemplateNames } from '../core/template.js';
import { fixText } from '../core/fix-all.js';
import { builtInRules } from '../rules/index.js';
import { UsageError, type CheckArgs } from './args.js';
import type { CliIo } from './io.js';
import { selectFiles, type SelectedFile } from './files.js';
import { checkInWorkers, workerCount } from './parallel.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatFileText, formatTextSummary } from './formatters/text.js';
import { absolutePosix, nodeHost } from './node-host.js';
import { countFindings, type FileResult } from './result.js';
import { VERSION } from './version.js';

/** Never read more than this, whatever `maxFileSize` says (it is capped lower by the schema). */
const HARD_FILE_LIMIT = 100 * 1024 * 1024;

export class FileReadError extends Error {}

/** Reads a file as UTF-8 text, or says why it is not checked. */
export function readSpecFile(file: string): SpecFileContent {
  let bytes: Buffer;
  try {
    if (statSync(file).size > HARD_FILE_LIMIT) return { skipped: `file is over ${HARD_FILE_LIMIT} bytes` };
    bytes = readFileSync(file);
  } catch (error) {
    throw new FileReadError(`Cannot read '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  return decodeSpecFile(bytes);
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

/** What checking one file produced; plain data, so worker threads can send it back. */
export interface FileOutcome {
  result?: FileResult;
  /** The directory or glob argument it came from, when it was checked. */
  checkedFrom?: string;
  configFile?: string;
  configErrors: ConfigError[];
  messages: string[];
  usageError?: string;
}

/** Reads, resolves and checks one file (and fixes it with --fix). */
export async function checkFile(file: SelectedFile, project: SpecwiseProject, args: CheckArgs, cwd: string): Promise<FileOutcome> {
  const display = displayPath(file.path, cwd);
  const outcome: FileOutcome = { configErrors: [], messages: [] };
  const content = readSpecFile(file.path);
  if ('skipped' in content) {
    if (file.explicit) outcome.result = { path: display, template: '', findings: [], skipped: content.skipped };
    return outcome;
  }
  const settings = await project.settingsFor(toPosix(file.path), content.text, args.template);
  outcome.configFile = settings.configFile;
  outcome.configErrors = settings.configErrors;
  if (!file.explicit && !settings.isSpec) return outcome;
  const tooLarge = sizeReason(content.bytes, settings.maxFileSize);
  if (tooLarge) {
    outcome.result = { path: display, template: settings.template.name, findings: [], skipped: tooLarge };
    return outcome;
  }
  outcome.checkedFrom = file.from;
  if (args.template !== undefined && !settings.templates.has(args.template)) {
    outcome.usageError = `Unknown template '${args.template}'; available templates: ${describeTemplateNames(settings.templates).join(', ')}.`;
    return outcome;
  }
  const request = { uri: file.path, template: settings.template, settings: settings.settings, templates: settings.templates };
  let fixed: number | undefined;
  let findings: Finding[];
  if (args.fix && content.validUtf8) {
    const fixedText = fixText(content.text, (text) => lintText({ ...request, text }).findings);
    if (fixedText.applied > 0) writeFileSync(file.path, (content.bom ? '\uFEFF' : '') + fixedText.text);
    fixed = fixedText.applied;
    findings = fixedText.findings;
  } else {
    if (args.fix) outcome.messages.push(`specwise: not fixing '${display}': it is not valid UTF-8.`);
    findings = lintText({ ...request, text: content.text }).findings;
  }
  const shown = args.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
  const reason = file.explicit && !settings.isSpec ? 'named on the command line' : settings.specReason;
  outcome.result = { path: display, template: settings.template.name, templateSource: settings.templateSource, reason, findings: shown, fixed };
  return outcome;
}

export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  if (args.config !== undefined && !(await nodeHost.exists(absolutePosix(io.cwd, args.config)))) {
    throw new UsageError(`Config file not found: '${args.config}'.`);
  }
  const { files, directories } = selectFiles(args.paths, io.cwd);
  const results: FileResult[] = [];
  const configErrors = new Map<string, ConfigError[]>();
  const checkedFrom = new Set<string>();
  // Outcomes arrive in file order; text output is written as they come.
  await checkAll(files, args, io, (outcome) => {
    if (outcome.usageError) throw new UsageError(outcome.usageError);
    for (const message of outcome.messages) io.stderr(`${message}\n`);
    if (outcome.configErrors.length > 0) configErrors.set(outcome.configFile ?? '', outcome.configErrors);
    if (outcome.checkedFrom) checkedFrom.add(outcome.checkedFrom);
    if (!outcome.result) return;
    results.push(outcome.result);
    if (args.format === 'text') io.stdout(formatFileText(outcome.result));
  });
  for (const directory of directories) {
    if (!checkedFrom.has(directory)) io.stderr(`specwise: no spec files under '${directory}' (see "files" in the configuration).\n`);
  }
  if (args.format === 'json') io.stdout(formatJson(results));
  else if (args.format === 'sarif') io.stdout(formatSarif(results, builtInRules, VERSION));
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

/** Checks files, on worker threads when there are enough files and cores, delivering outcomes in file order. */
async function checkAll(files: SelectedFile[], args: CheckArgs, io: CliIo, deliver: (outcome: FileOutcome) => void): Promise<void> {
  const threads = workerCount(files.length, args.jobs);
  if (threads > 1) return checkInWorkers(files, args, io.cwd, threads, deliver);
  const project = projectFor(io, args.config);
  for (const file of files) deliver(await checkFile(file, project, args, io.cwd));
}
