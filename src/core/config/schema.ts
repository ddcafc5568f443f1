import { z } from 'zod';
import type { RuleInfo } from '../rule.js';
import { coverageSchema, templateSectionSchema } from '../template.js';

export const severitySchema = z.enum(['error', 'warning', 'info', 'off']);

const NAME = /^[a-z0-9][a-z0-9-]*$/;

const templateNameSchema = z.string().regex(NAME, 'a template name: lowercase letters, digits and dashes');

export const templateDefinitionSchema = z
  .strictObject({
    title: z.string().min(1).optional().describe('Human-readable name of the template.'),
    description: z.string().optional(),
    extends: templateNameSchema.optional().describe('A built-in or configured template whose sections this one starts from.'),
    coverage: coverageSchema.optional().describe('Where requirements find what verifies them (default: the extended template\'s, else cited-ids).'),
    sections: z
      .array(templateSectionSchema)
      .default([])
      .describe('Sections in template order. With `extends`, a section with an existing id replaces it in place; new ids are appended.'),
    omit: z.array(z.string()).default([]).describe('Section ids of the extended template to leave out.'),
  })
  .describe('A spec template: the sections a spec must, should or may have, in order.');

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;

/** `"warning"` or `["warning", { ...options }]`, with the rule's own option schema. */
function ruleSettingSchema(rule: RuleInfo) {
  const options = (rule.options ?? z.strictObject({})) as z.ZodType;
  return z
    .union([severitySchema, z.tuple([severitySchema, options])], {
      error: `expected a severity ('error', 'warning', 'info' or 'off') or [severity, options] for rule '${rule.id}'`,
    })
    .describe(`${rule.description} Default: ${rule.defaultSeverity}.`);
}

function rulesSchema(rules: readonly RuleInfo[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const rule of rules) shape[rule.id] = ruleSettingSchema(rule).optional();
  return z.strictObject(shape).describe('Rule severities and options, by rule id.');
}

/** A citation pattern compiles as a regular expression with a group for the ids. */
function citationPatternProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  return /\((?!\?[:=!<])|\(\?<[a-zA-Z]/.test(source) ? undefined : 'it needs a capture group (or a group named ids) around the ids';
}

function traceSchema(globs: z.ZodArray<z.ZodString>, citationNames: readonly [string, ...string[]]) {
  return z
    .strictObject({
      tests: globs.optional().describe('Test files whose citations of requirement ids count as tests (requirement-without-test runs when this is set).'),
      sources: globs.optional().describe('Source files whose citations of requirement ids count as implementation.'),
      citations: z
        .array(z.enum(citationNames))
        .optional()
        .describe(`Built-in citation patterns for test and source files (default: all): ${citationNames.join(', ')}.`),
      patterns: z
        .array(
          z.string().superRefine((source, context) => {
            const problem = citationPatternProblem(source);
            if (problem) context.addIssue({ code: 'custom', message: `Invalid citation pattern '${source}': ${problem}` });
          }),
        )
        .optional()
        .describe('More citation patterns: regular expressions whose first capture group (or group named ids) holds requirement ids.'),
    })
    .describe('Traceability: which test and source files cite requirements, and how.');
}

/** The config file schema; the single source of truth for validation and `schemas/specwise.schema.json`. */
export function buildConfigSchema(rules: readonly RuleInfo[], citationNames: readonly [string, ...string[]]) {
  const ruleSettings = rulesSchema(rules);
  const globs = z.array(z.string().min(1)).describe('Glob patterns, relative to the config file.');
  return z
    .strictObject({
      $schema: z.string().optional().describe('The JSON schema of this file, for editors.'),
      extends: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .describe("Presets ('specwise:recommended', 'specwise:strict') or config files relative to this one, applied in order before this file."),
      template: templateNameSchema.optional().describe('The template for spec files (default: tech-spec).'),
      templates: z.record(templateNameSchema, templateDefinitionSchema).optional().describe('Team templates by name; they may extend built-in ones.'),
      files: globs.optional().describe('Which Markdown files are specs. Default: files under specs/, requirements/ and rfcs/, *.spec.md, *-spec.md, *_spec.md, PRD*.md and requirements*.md.'),
      ignores: globs.optional().describe('Markdown files that are never specs, even when `files` matches them.'),
      requireRecommended: z.boolean().optional().describe('Treat recommended template sections as required.'),
      maxFileSize: z
        .number()
        .int()
        .min(1024)
        .max(100 * 1024 * 1024)
        .optional()
        .describe('Files larger than this many bytes are skipped with a message, not parsed (default 2 MB).'),
      overrides: z
        .array(
          z.strictObject({
            files: globs.min(1),
            template: templateNameSchema.optional(),
            rules: ruleSettings.optional(),
          }),
        )
        .optional()
        .describe('Per-glob settings; later entries win.'),
      rules: ruleSettings.optional(),
      trace: traceSchema(globs, citationNames).optional(),
    })
    .describe('Specwise configuration (.specwise.json or .specwise.jsonc).');
}

export type ConfigSchema = ReturnType<typeof buildConfigSchema>;
export type ConfigFile = z.infer<ConfigSchema>;
export type RuleSettingInput = z.infer<typeof severitySchema> | [z.infer<typeof severitySchema>, Record<string, unknown>];
