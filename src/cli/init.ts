import { DEFAULT_TEMPLATE } from '../core/config/resolve.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtInTemplates } from '../templates/index.js';
import { UsageError, type InitArgs } from './args.js';
import type { CliIo } from './io.js';
import { starterConfig } from '../core/config/starter.js';

export function runInit(args: InitArgs, io: CliIo): number {
  const template = args.template ?? DEFAULT_TEMPLATE;
  if (!builtInTemplates.has(template)) {
    throw new UsageError(`Unknown template '${template}'; built-in templates: ${[...builtInTemplates.keys()].join(', ')}.`);
  }
  const file = path.join(io.cwd, '.specwise.jsonc');
  try {
    writeFileSync(file, starterConfig(template, [...builtInTemplates.keys()]), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EEXIST' ? `'.specwise.jsonc' already exists; not overwriting it.` : `Cannot write '${file}': ${code}.`);
  }
  io.stdout(`Wrote .specwise.jsonc (template '${template}').\n`);
  return 0;
}
