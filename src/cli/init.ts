import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtInTemplates } from '../templates/index.js';
import { UsageError, type InitArgs } from './args.js';
import type { CliIo } from './io.js';

export const SCHEMA_URL = 'https://raw.githubusercontent.com/specwise/specwise/main/schemas/specwise.schema.json';

/** The commented starter config that `specwise init` writes. */
export function starterConfig(template: string): string {
  return `{
  // Specwise configuration: https://github.com/specwise/specwise/blob/main/docs/configuration.md
  "$schema": "${SCHEMA_URL}",

  // Presets applied first: "specwise:recommended" (defaults) or "specwise:strict".
  "extends": ["specwise:recommended"],

  // The template for spec files: ${[...builtInTemplates.keys()].join(', ')} or one defined below.
  "template": "${template}",

  // Which Markdown files are specs (globs relative to this file). Without "files":
  // specs/, requirements/ and rfcs/ folders, *.spec.md, PRD*.md and requirements*.md.
  // "files": ["specs/**/*.md"],

  // Team templates; "extends" starts from a built-in one.
  // "templates": {
  //   "kep": {
  //     "title": "Enhancement proposal",
  //     "extends": "tech-spec",
  //     "sections": [
  //       { "id": "risks", "title": "Risks and Mitigations", "aliases": ["Risks"], "kind": "risks", "presence": "required" }
  //     ]
  //   }
  // },

  // Per-glob settings; later entries win.
  // "overrides": [
  //   { "files": ["keps/**/README.md"], "template": "kep", "rules": { "empty-section": "warning" } }
  // ],

  // Rule severities ("error", "warning", "info", "off"), or [severity, options].
  "rules": {
    // "section-order": "off"
  }
}
`;
}

export function runInit(args: InitArgs, io: CliIo): number {
  const template = args.template ?? 'tech-spec';
  if (!builtInTemplates.has(template)) {
    throw new UsageError(`Unknown template '${template}'; built-in templates: ${[...builtInTemplates.keys()].join(', ')}.`);
  }
  const file = path.join(io.cwd, '.specwise.jsonc');
  try {
    writeFileSync(file, starterConfig(template), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EEXIST' ? `'.specwise.jsonc' already exists; not overwriting it.` : `Cannot write '${file}': ${code}.`);
  }
  io.stdout(`Wrote .specwise.jsonc (template '${template}').\n`);
  return 0;
}
