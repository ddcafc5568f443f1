import { DEFAULT_TEMPLATE } from '../core/config/resolve.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toPosix } from '../core/paths.js';
import { renderSpecSkeleton } from '../core/scaffold.js';
import { describeTemplateNames } from '../core/template.js';
import { fallbackMessage, ModelFailure } from '../model/index.js';
import { translate } from '../translate/index.js';
import { UsageError, type NewArgs, type TemplatesArgs, type TranslateArgs } from './args.js';
import { formatConfigError, projectFor } from './check.js';
import type { CliIo } from './io.js';
import { translateThroughEndpoint } from './model-translate.js';

/** Title from a file name: `specs/report-export.spec.md` → "Report export". */
export function titleFromFile(file: string): string {
  const base = path.basename(file).replace(/(\.spec)?\.(md|markdown)$/i, '').replace(/[-_]+/g, ' ').trim();
  return base.length > 0 ? base[0].toUpperCase() + base.slice(1) : 'New spec';
}

async function templatesFor(io: CliIo, configArg: string | undefined, probe: string) {
  const { config, errors } = await projectFor(io, configArg).configFor(toPosix(probe));
  for (const error of errors) io.stderr(`${formatConfigError(error, io.cwd)}\n`);
  if (errors.length > 0) throw new UsageError('invalid configuration.');
  return config;
}

export async function runNew(args: NewArgs, io: CliIo): Promise<number> {
  const file = path.resolve(io.cwd, args.file);
  const config = await templatesFor(io, args.config, file);
  const name = args.template ?? config.template ?? DEFAULT_TEMPLATE;
  const template = config.templates.get(name);
  if (!template) throw new UsageError(`Unknown template '${name}'; available templates: ${describeTemplateNames(config.templates).join(', ')}.`);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, renderSpecSkeleton(template, titleFromFile(file)), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EEXIST' ? `'${args.file}' already exists; not overwriting it.` : `Cannot write '${args.file}': ${code}.`);
  }
  io.stdout(`Wrote ${args.file} from template '${template.name}'.\n`);
  return 0;
}

export async function runTemplates(args: TemplatesArgs, io: CliIo): Promise<number> {
  const config = await templatesFor(io, args.config, path.join(io.cwd, 'probe.md'));
  const described = describeTemplateNames(config.templates);
  [...new Set(config.templates.values())].forEach((template, index) => {
    const marker = template.name === (config.template ?? DEFAULT_TEMPLATE) ? ' (default)' : '';
    io.stdout(`${described[index]}${marker}: ${template.title}\n`);
    for (const section of template.sections) {
      // Titles in other languages are matched too; listing them all would bury the English ones.
      const latin = section.aliases.filter((alias) => /^[\x20-\x7e]+$/.test(alias));
      const others = section.aliases.length - latin.length;
      const aliases = latin.length > 0 ? `  aliases: ${latin.join(', ')}${others > 0 ? ` (+${others} in other languages)` : ''}` : '';
      io.stdout(`  ${section.presence.padEnd(11)} ${section.id.padEnd(28)} ${section.title} [${section.kind}]${aliases}\n`);
    }
  });
  return 0;
}

export async function runTranslate(args: TranslateArgs, io: CliIo): Promise<number> {
  let text: string;
  if (args.input === '-') {
    if (!io.readStdin) throw new UsageError('standard input is not available.');
    text = await io.readStdin();
  } else {
    try {
      text = readFileSync(path.resolve(io.cwd, args.input), 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read '${args.input}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  }
  if (text.trim() === '') throw new UsageError('Nothing to translate: the input is empty.');
  const config = await templatesFor(io, args.config, path.join(io.cwd, 'translation.md'));
  const name = args.template ?? config.template ?? DEFAULT_TEMPLATE;
  const template = config.templates.get(name);
  if (!template) throw new UsageError(`Unknown template '${name}'; available templates: ${describeTemplateNames(config.templates).join(', ')}.`);
  if (args.model) {
    const drafted = await translateThroughEndpoint(text, template, args, io);
    if (!(drafted instanceof ModelFailure)) {
      io.stdout(drafted.markdown);
      return 0;
    }
    io.stderr(`specwise: ${args.noFallback ? `${drafted.message.replace(/[.\s]+$/, '')}.` : fallbackMessage(drafted)}\n`);
    if (args.noFallback) return 2;
  }
  const translation = await translate(text, { template, idPrefix: args.idPrefix });
  if (translation.kind === 'none') {
    io.stderr(`specwise: ${translation.message}\n`);
    return 1;
  }
  io.stdout(translation.markdown);
  return 0;
}
