import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../api.js';
import { SpecwiseProject } from '../config.js';
import type { ConfigHost } from '../core/config/load.js';
import type { ConfigError } from '../core/config/locate.js';
import { toPosix } from '../core/paths.js';
import type { Finding } from '../core/rule.js';
import { describeTemplateNames } from '../core/template.js';
import { fixText } from '../core/fix-all.js';
import { markdownTraceRole } from '../trace/classify.js';
import { markdownFacts } from '../trace/extract/markdown.js';
import type { TraceFileFacts } from '../trace/model.js';
import type { TraceFileContext } from '../trace/workspace-index.js';
import type { CheckArgs } from './args.js';
import type { SelectedFile } from './files.js';
import type { CliIo } from './io.js';
import type { FileResult } from './result.js';
import { absolutePosix, nodeHost } from './node-host.js';

/** Never read more than this, whatever `maxFileSize` says (it is capped lower by the schema). */
const HARD_FILE_LIMIT = 100 * 1024 * 1024;

export class FileReadError extends Error {}

export interface SpecFileText {
  text: string;
  /** The file starts with a byte order mark (kept when fixes are written back). */
  bom: boolean;
  /** The bytes are valid UTF-8 (otherwise invalid bytes read as U+FFFD and the file is never rewritten). */
  validUtf8: boolean;
  bytes: number;
}

/** Reads a file as UTF-8 text, or says why it is not checked. */
export function readSpecFile(file: string): SpecFileText | { skipped: string } {
  let bytes: Buffer;
  try {
    if (statSync(file).size > HARD_FILE_LIMIT) return { skipped: `file is over ${HARD_FILE_LIMIT} bytes` };
    bytes = readFileSync(file);
  } catch (error) {
    throw new FileReadError(`Cannot read '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let validUtf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    validUtf8 = false;
  }
  // The BOM is dropped for checking, as editors do, so columns on line 1 match theirs.
  return { text: new TextDecoder('utf-8').decode(bytes), bom, validUtf8, bytes: bytes.length };
}

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return toPosix(relative.startsWith('..') || path.isAbsolute(relative) ? file : relative);
}

export function formatConfigError(error: ConfigError, cwd: string): string {
  return `${displayPath(error.file, cwd)}:${error.line}:${error.column} error config ${error.message}`;
}

export function projectFor(io: Pick<CliIo, 'cwd'>, configArg: string | undefined, host: ConfigHost = nodeHost): SpecwiseProject {
  const configFile = configArg === undefined ? undefined : absolutePosix(io.cwd, configArg);
  return new SpecwiseProject(host, { root: toPosix(io.cwd), configFile });
}

/** What to do with each file: check it with the rules, read its traceability facts, or both. */
export interface FileJob {
  lint: boolean;
  trace: boolean;
}

export const CHECK_ONLY: FileJob = { lint: true, trace: false };

/** What checking one file produced; plain data, so worker threads can send it back. */
export interface FileOutcome {
  /** Every finding, --quiet or not: the caller filters what it shows. */
  result?: FileResult;
  /** What the file defines and cites, when tracing. */
  facts?: TraceFileFacts;
  traceContext?: TraceFileContext;
  /** The directory or glob argument it came from, when it was checked. */
  checkedFrom?: string;
  configFile?: string;
  configErrors: ConfigError[];
  messages: string[];
  usageError?: string;
}

/** Reads, resolves and checks one file (and fixes it with --fix); with `job.trace`, reads what it defines and cites. */
export async function checkFile(file: SelectedFile, project: SpecwiseProject, args: CheckArgs, cwd: string, job: FileJob = CHECK_ONLY): Promise<FileOutcome> {
  const display = displayPath(file.path, cwd);
  const outcome: FileOutcome = { configErrors: [], messages: [] };
  const content = readSpecFile(file.path);
  if ('skipped' in content) {
    if (file.explicit) outcome.result = { path: display, template: '', findings: [], skipped: content.skipped };
    return outcome;
  }
  const path = toPosix(file.path);
  const settings = await project.settingsFor(path, content.text, args.template);
  outcome.configFile = settings.configFile;
  outcome.configErrors = settings.configErrors;
  const traced = job.trace && content.bytes <= settings.maxFileSize ? markdownTraceRole(path, settings) : undefined;
  if (traced) outcome.traceContext = { settings: settings.settings, tracesTests: settings.trace.tests !== undefined };
  const isChecked = job.lint && (file.explicit || settings.isSpec);
  if (traced && !(isChecked && traced.role === 'spec')) outcome.facts = markdownFacts({ path, text: content.text, ...traced, template: settings.template });
  if (!isChecked) return outcome;
  if (content.bytes > settings.maxFileSize) {
    outcome.result = { path: display, template: settings.template.name, findings: [], skipped: `file is ${content.bytes} bytes, over the ${settings.maxFileSize}-byte limit (maxFileSize)` };
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
    if (traced?.role === 'spec') outcome.facts = markdownFacts({ path, text: fixedText.text, ...traced, template: settings.template });
  } else {
    if (args.fix) outcome.messages.push(`specwise: not fixing '${display}': it is not valid UTF-8.`);
    const linted = lintText({ ...request, text: content.text });
    findings = linted.findings;
    // The spec's requirements come from the analysis the rules just made: it is parsed once.
    if (traced?.role === 'spec') outcome.facts = markdownFacts({ path, text: content.text, ...traced, template: settings.template, analysis: linted.analysis });
  }
  const reason = file.explicit && !settings.isSpec ? 'named on the command line' : settings.specReason;
  outcome.result = { path: display, template: settings.template.name, templateSource: settings.templateSource, reason, findings, fixed };
  return outcome;
}
