import { z } from 'zod';

export const SECTION_KINDS = [
  'summary',
  'problem',
  'scope',
  'requirements',
  'success-criteria',
  'risks',
  'dependencies',
  'test-plan',
  'timeline',
  'stakeholders',
  'release',
  'cost',
  'open-questions',
  'other',
] as const;

export const sectionKindSchema = z.enum(SECTION_KINDS).describe('The TPM responsibility this section covers; rules use it.');
export const presenceSchema = z
  .enum(['required', 'recommended', 'optional'])
  .describe('required: missing is an error-level finding; recommended: info; optional: never reported.');

export const templateSectionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes').describe('Stable id used in findings and configs.'),
  title: z.string().min(1).describe('The heading this section should have.'),
  aliases: z.array(z.string().min(1)).default([]).describe('Other headings that count as this section.'),
  kind: sectionKindSchema.default('other'),
  presence: presenceSchema.default('required'),
  scaffold: z.string().optional().describe('Starter body inserted by the scaffold fix (Markdown).'),
});

export type SectionKind = z.infer<typeof sectionKindSchema>;
export type Presence = z.infer<typeof presenceSchema>;
export type TemplateSection = z.infer<typeof templateSectionSchema>;

export interface Template {
  name: string;
  title: string;
  description?: string;
  sections: TemplateSection[];
}

/** Builds a template section with defaults, for built-in template data. */
export function section(
  id: string,
  title: string,
  kind: SectionKind,
  presence: Presence,
  aliases: string[],
  scaffold?: string,
): TemplateSection {
  return { id, title, kind, presence, aliases, scaffold };
}
