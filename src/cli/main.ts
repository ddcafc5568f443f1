import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../api.js';
import type { Template } from '../core/template.js';
import { builtInRules } from '../rules/index.js';
import { builtInTemplates, DEFAULT_TEMPLATE_NAME } from '../templates/index.js';
import { parseArgs, USAGE, UsageError, type CheckArgs } from './args.js';
import { selectFiles } from './files.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatText } from './formatters/text.js';
import { countFindings, type FileResult } from './result.js';

declare const SPECWISE_VERSION: string | undefined;
const VERSION = typeof SPECWISE_VERSION === 'string' ? SPECWISE_VERSION : '0.0.0-dev';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

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

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

function resolveTemplate(name: string | undefined): Template {
  const templateName = name ?? DEFAULT_TEMPLATE_NAME;
  const template = builtInTemplates.get(templateName);
  if (!template) {
    throw new UsageError(`Unknown template '${templateName}'; built-in templates: ${[...builtInTemplates.keys()].join(', ')}.`);
  }
  return template;
}

function runCheck(args: CheckArgs, io: CliIo): number {
  const template = resolveTemplate(args.template);
  const { files, notes } = selectFiles(args.paths, io.cwd);
  for (const note of notes) io.stderr(`specwise: ${note}\n`);
  const results: FileResult[] = files.map((file) => {
    const display = displayPath(file, io.cwd);
    const content = readSpecFile(file);
    if ('skipped' in content) return { path: display, template: template.name, findings: [], skipped: content.skipped };
    const { findings } = lintText({ text: content.text, uri: file, template });
    const shown = args.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
    return { path: display, template: template.name, findings: shown };
  });
  if (args.format === 'json') io.stdout(formatJson(results));
  else if (args.format === 'sarif') io.stdout(formatSarif(results, builtInRules, VERSION));
  else io.stdout(formatText(results));
  const { errors, warnings } = countFindings(results);
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  if (tooManyWarnings) io.stderr(`specwise: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}.\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** The whole CLI: arguments in, exit code out; all output goes through `io`. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    return runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileReadError) {
      io.stderr(`specwise: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
