import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../api.js';
import { SpecwiseProject } from '../config.js';
import type { ConfigHost } from '../core/config/load.js';
import type { ConfigError } from '../core/config/locate.js';
import { decodeSpecFile, sizeReason, type SpecFileContent } from '../core/file-policy.js';
import { toPosix } from '../core/paths.js';
import type { Finding } from '../core/rule.js';
import { describeTemplateNames } from '../core/template.js';
import { fixText } from '../core/fix-all.js';
import { feedsRulesOrMatrix, markdownTraceRole } from '../trace/classify.js';
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
  const tooLarge = sizeReason(content.bytes, settings.maxFileSize);
  const role = job.trace && !tooLarge ? markdownTraceRole(path, settings) : undefined;
  const traced = role && feedsRulesOrMatrix(role) ? role : undefined;
  if (traced) outcome.traceContext = { settings: settings.settings, tracesTests: settings.trace.tests !== undefined };
  const isChecked = job.lint && (file.explicit || settings.isSpec);
  if (traced && !(isChecked && traced.role === 'spec')) outcome.facts = markdownFacts({ path, text: content.text, ...traced, template: settings.template });
  if (!isChecked) return outcome;
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
