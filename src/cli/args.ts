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
}

export type ParsedArgs = CheckArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage: specwise <command> [options]

Commands:
  check [paths or globs...]   Check spec files (default: the current directory)

Options for check:
  --config FILE         Use this config file instead of discovering one
  --template NAME       Check every file against this built-in template
  --format FORMAT       text (default), json or sarif
  --max-warnings N      Exit 1 when there are more than N warnings
  --quiet               Report errors only
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over the limit,
2 bad arguments, unreadable files or invalid config.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** Parses `specwise` arguments; throws UsageError with a message for the user. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(`Unknown command '${command}'. Run 'specwise --help' for the list of commands.`);
  const args: CheckArgs = { command: 'check', paths: [], format: 'text', quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inlineValue ?? rest[++i];
      if (next === undefined || (inlineValue === undefined && next.startsWith('--'))) throw new UsageError(`Option ${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '--config':
        args.config = value();
        break;
      case '--template':
        args.template = value();
        break;
      case '--format': {
        const format = value();
        if (!FORMATS.includes(format as OutputFormat)) throw new UsageError(`Unknown format '${format}'; expected one of: ${FORMATS.join(', ')}.`);
        args.format = format as OutputFormat;
        break;
      }
      case '--max-warnings': {
        const raw = value();
        const count = Number(raw);
        if (!/^\d+$/.test(raw) || !Number.isSafeInteger(count)) throw new UsageError(`--max-warnings needs a non-negative whole number, got '${raw}'.`);
        args.maxWarnings = count;
        break;
      }
      case '--quiet':
        args.quiet = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option '${arg}'. Run 'specwise --help' for the options.`);
        args.paths.push(arg);
    }
  }
  return args;
}
