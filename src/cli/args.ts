export class UsageError extends Error {}

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check';
  paths: string[];
  config?: string;
  template?: string;
  format: OutputFormat;
  maxWarnings?: number;
  quiet: boolean;
  fix: boolean;
  /** Worker threads; default: one per core when there are enough files. */
  jobs?: number;
  /** Keep findings and traceability facts of unchanged files between runs. */
  cache: boolean;
  /** The cache file, or a folder for `.specwisecache` (default: `.specwisecache` here). */
  cacheLocation?: string;
}

export type TraceFormat = 'text' | 'md' | 'csv' | 'json' | 'html';

export interface TraceArgs {
  command: 'trace';
  paths: string[];
  config?: string;
  format: TraceFormat;
  failOnGaps: boolean;
  jobs?: number;
  cache: boolean;
  cacheLocation?: string;
}

export interface InitArgs {
  command: 'init';
  template?: string;
}

export interface NewArgs {
  command: 'new';
  template?: string;
  file: string;
  config?: string;
}

export interface TranslateArgs {
  command: 'translate';
  /** A file, or '-' for standard input. */
  input: string;
  template?: string;
  idPrefix?: string;
  config?: string;
  /** Draft with a language model: the model named here, else SPECWISE_MODEL. */
  model?: { name?: string };
  /** With --model: exit 2 when the model fails, instead of translating with the rules. */
  noFallback: boolean;
  /** With --model: repair rounds after the first draft. */
  maxRounds?: number;
}


export interface McpArgs {
  command: 'mcp';
  config?: string;
}

export interface TemplatesArgs {
  command: 'templates';
  config?: string;
}

export type ParsedArgs = CheckArgs | TraceArgs | InitArgs | McpArgs | NewArgs | TemplatesArgs | TranslateArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage: specwise <command> [options]

Commands:
  check [paths or globs...]       Check spec files (default: the current directory);
                                  folders also get the cross-file (traceability) rules
  trace [paths...]                Print the requirement x criteria, tasks, tests and design matrix, gaps first
  init [--template NAME]          Write a commented .specwise.jsonc here
  new [--template NAME] FILE      Write a new spec from a template
  templates                       List built-in and configured templates
  translate FILE|- [--template NAME] [--id-prefix REQ] [--model [NAME]]
                                  Turn a business requirement into a technical spec
  mcp [--config FILE]             Serve check, translate and templates to coding
                                  agents over MCP on standard input and output

Options:
  --config FILE         Use this config file instead of discovering one
  --template NAME       The template to use (check: for every file)
  --format FORMAT       check output: text (default), json or sarif;
                        trace output: text (default), md, csv, json or html
  --max-warnings N      check: exit 1 when there are more than N warnings
  --quiet               check: report errors only
  --fix                 check: apply safe fixes (placeholders and scaffolds, never rewording)
  --jobs N              check, trace: threads (default: one less than the cores, for many files)
  --cache               check, trace: reuse what unchanged files gave last time
  --cache-location PATH check, trace: the cache file, or a folder for .specwisecache
  --fail-on-gaps        trace: exit 1 when a requirement lacks a task or test, a task
                        has no requirement, or a citation names no requirement
  --model [NAME]        translate: draft with a language model at SPECWISE_MODEL_URL
                        (an OpenAI-compatible API base; model NAME or SPECWISE_MODEL; key
                        SPECWISE_MODEL_KEY), checked and repaired by the rules; each
                        request may take SPECWISE_MODEL_TIMEOUT seconds (default 120)
  --max-rounds N        translate --model: repair rounds after the first draft (default 2)
  --no-fallback         translate --model: exit 2 when the model fails, instead of
                        translating with the rules
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over the limit
(translate: the text holds no requirement; trace --fail-on-gaps: gaps), 2 bad arguments,
unreadable files or invalid config (translate --model --no-fallback: also when the model fails).`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const TRACE_FORMATS: readonly TraceFormat[] = ['text', 'md', 'csv', 'json', 'html'];
const FLAGS = new Set(['--quiet', '--fix', '--cache', '--fail-on-gaps', '--no-fallback']);

const ALLOWED: Record<string, readonly string[]> = {
  check: ['--config', '--template', '--format', '--max-warnings', '--quiet', '--fix', '--jobs', '--cache', '--cache-location'],
  trace: ['--config', '--format', '--fail-on-gaps', '--jobs', '--cache', '--cache-location'],
  init: ['--template'],
  new: ['--template', '--config'],
  templates: ['--config'],
  translate: ['--template', '--id-prefix', '--config', '--model', '--max-rounds', '--no-fallback'],
  mcp: ['--config'],
};

interface RawArgs {
  positional: string[];
  options: Map<string, string | true>;
  /** `--model NAME` took the next argument as its value (it may be the FILE instead). */
  modelFromNext?: boolean;
}

function scan(command: string, rest: readonly string[]): RawArgs {
  const raw: RawArgs = { positional: [], options: new Map() };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-') || arg === '-') {
      raw.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!ALLOWED[command].includes(flag)) throw new UsageError(`Unknown option '${arg}' for '${command}'. Run 'specwise --help' for the options.`);
    if (FLAGS.has(flag)) {
      if (eq > 0) throw new UsageError(`Option ${flag} takes no value.`);
      raw.options.set(flag, true);
      continue;
    }
    // The model's name is optional: `--model`, `--model NAME` or `--model=NAME`.
    if (flag === '--model' && eq < 0) {
      const next = rest[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        raw.options.set(flag, rest[++i]);
        raw.modelFromNext = true;
      } else raw.options.set(flag, true);
      continue;
    }
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`Option ${flag} needs a value.`);
    raw.options.set(flag, value);
  }
  return raw;
}

function text(raw: RawArgs, flag: string): string | undefined {
  const value = raw.options.get(flag);
  return typeof value === 'string' ? value : undefined;
}

/** Parses `specwise` arguments; throws UsageError with a message for the user. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  const [command, ...rest] = argv;
  if (!(command in ALLOWED)) throw new UsageError(`Unknown command '${command}'. Run 'specwise --help' for the list of commands.`);
  const raw = scan(command, rest);
  switch (command) {
    case 'init':
      if (raw.positional.length > 0) throw new UsageError(`'init' takes no paths; it writes .specwise.jsonc in the current directory.`);
      return { command, template: text(raw, '--template') };
    case 'new':
      if (raw.positional.length !== 1) throw new UsageError(`'new' needs exactly one FILE to create, e.g. 'specwise new --template prd specs/search.md'.`);
      return { command, template: text(raw, '--template'), file: raw.positional[0], config: text(raw, '--config') };
    case 'translate':
      return parseTranslate(raw);
    case 'mcp':
      if (raw.positional.length > 0) throw new UsageError(`'mcp' takes no paths; it serves MCP on standard input and output.`);
      return { command, config: text(raw, '--config') };

    case 'templates':
      if (raw.positional.length > 0) throw new UsageError(`'templates' takes no paths.`);
      return { command, config: text(raw, '--config') };
    case 'trace':
      return parseTrace(raw);
    default:
      return parseCheck(raw);
  }
}

function parseTranslate(raw: RawArgs): TranslateArgs {
  let modelName = raw.options.get('--model');
  // `translate --model request.txt`: the argument after --model was the FILE, not a model name.
  if (raw.positional.length === 0 && raw.modelFromNext && typeof modelName === 'string') {
    raw.positional.push(modelName);
    modelName = true;
  }
  if (raw.positional.length !== 1) throw new UsageError(`'translate' needs exactly one FILE, or - for standard input.`);
  const idPrefix = text(raw, '--id-prefix');
  if (idPrefix !== undefined && !/^[A-Z][A-Z0-9]{0,9}$/.test(idPrefix)) throw new UsageError(`--id-prefix needs upper-case letters and digits, such as REQ or FR; got '${idPrefix}'.`);
  const args: TranslateArgs = { command: 'translate', input: raw.positional[0], template: text(raw, '--template'), idPrefix, config: text(raw, '--config'), noFallback: raw.options.has('--no-fallback') };
  if (modelName !== undefined) args.model = typeof modelName === 'string' ? { name: modelName } : {};
  if (!args.model && (args.noFallback || raw.options.has('--max-rounds'))) throw new UsageError(`${args.noFallback ? '--no-fallback' : '--max-rounds'} goes with --model.`);
  const maxRounds = text(raw, '--max-rounds');
  if (maxRounds !== undefined) {
    if (!/^\d$/.test(maxRounds)) throw new UsageError(`--max-rounds needs a whole number from 0 to 9, got '${maxRounds}'.`);
    args.maxRounds = Number(maxRounds);
  }
  return args;
}

function jobsOf(raw: RawArgs): number | undefined {
  const jobs = text(raw, '--jobs');
  if (jobs === undefined) return undefined;
  if (!/^[1-9]\d{0,2}$/.test(jobs)) throw new UsageError(`--jobs needs a whole number from 1 to 999, got '${jobs}'.`);
  return Number(jobs);
}

function cacheLocationOf(raw: RawArgs): string | undefined {
  const location = text(raw, '--cache-location');
  if (location !== undefined && !raw.options.has('--cache')) throw new UsageError('--cache-location needs --cache.');
  if (location === '') throw new UsageError('--cache-location needs a file or folder.');
  return location;
}

function parseTrace(raw: RawArgs): TraceArgs {
  const format = text(raw, '--format') ?? 'text';
  if (!TRACE_FORMATS.includes(format as TraceFormat)) throw new UsageError(`Unknown trace format '${format}'; expected one of: ${TRACE_FORMATS.join(', ')}.`);
  return {
    command: 'trace',
    paths: raw.positional,
    config: text(raw, '--config'),
    format: format as TraceFormat,
    failOnGaps: raw.options.has('--fail-on-gaps'),
    jobs: jobsOf(raw),
    cache: raw.options.has('--cache'),
    cacheLocation: cacheLocationOf(raw),
  };
}

function parseCheck(raw: RawArgs): CheckArgs {
  const format = text(raw, '--format') ?? 'text';
  if (!FORMATS.includes(format as OutputFormat)) throw new UsageError(`Unknown format '${format}'; expected one of: ${FORMATS.join(', ')}.`);
  const args: CheckArgs = {
    command: 'check',
    paths: raw.positional,
    config: text(raw, '--config'),
    template: text(raw, '--template'),
    format: format as OutputFormat,
    quiet: raw.options.has('--quiet'),
    fix: raw.options.has('--fix'),
    jobs: jobsOf(raw),
    cache: raw.options.has('--cache'),
    cacheLocation: cacheLocationOf(raw),
  };
  const maxWarnings = text(raw, '--max-warnings');
  if (maxWarnings !== undefined) {
    if (!/^\d+$/.test(maxWarnings) || !Number.isSafeInteger(Number(maxWarnings))) {
      throw new UsageError(`--max-warnings needs a non-negative whole number, got '${maxWarnings}'.`);
    }
    args.maxWarnings = Number(maxWarnings);
  }
  return args;
}
