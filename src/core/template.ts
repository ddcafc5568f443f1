import { z } from 'zod';
import { addTo } from './collections.js';

export const SECTION_KINDS = [
  'summary',
  'problem',
  'scope',
  'requirements',
  'user-stories',
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
  keywords: z
    .array(z.string().min(1))
    .optional()
    .describe('Words that, in any other heading, show the section is there under another title ("Downsides" for Drawbacks): missing-section then stays quiet.'),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD')
    .optional()
    .describe('The date the template gained this section: specs started earlier (front matter date, or a "Start Date:" or "Created:" line) are not asked for it.'),
  notWith: z
    .array(z.string().min(1))
    .optional()
    .describe(
      "Headings only an earlier version of the template had, which did not have this section: a document with one of them is not asked for it (spec-kit's early template, with 'Execution Flow (main)', had no Success Criteria).",
    ),
  within: z
    .string()
    .optional()
    .describe("Id of a section this one may also be nested in (spec-kit's Edge Cases under User Scenarios); otherwise only top-level headings match it."),
  combinesWith: z
    .string()
    .optional()
    .describe(
      "Id of a section one heading often holds together with this one: present under one of its aliases rather than its own title, it is taken to hold this one too (an RFC's single 'Proposal' or 'Detailed design' section is both its guide- and reference-level explanation).",
    ),
});

/**
 * Where a template's requirements find what verifies them:
 * - `cited-ids`: criteria, scenarios or tests cite the requirement's id (TPM specs);
 * - `story-scenarios`: each user story carries its own acceptance scenarios (spec-kit);
 * - `own-criteria`: each requirement block has its own numbered acceptance criteria (Kiro);
 * - `own-scenarios`: each `Requirement:` block has at least one `Scenario:` (OpenSpec);
 * - `none`: the template has no criteria to trace to (design proposals).
 */
export const COVERAGE_CONVENTIONS = ['cited-ids', 'story-scenarios', 'own-criteria', 'own-scenarios', 'none'] as const;
export const coverageSchema = z.enum(COVERAGE_CONVENTIONS).describe('Where requirements find what verifies them: cited-ids, story-scenarios, own-criteria, own-scenarios or none.');
export type CoverageConvention = z.infer<typeof coverageSchema>;

export type SectionKind = z.infer<typeof sectionKindSchema>;
export type Presence = z.infer<typeof presenceSchema>;
export type TemplateSection = z.infer<typeof templateSectionSchema>;

export interface Template {
  name: string;
  title: string;
  description?: string;
  /** How requirements are verified in specs of this template. */
  coverage: CoverageConvention;
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
  within?: string,
  since?: string,
): TemplateSection {
  // Translated titles repeat English ones ("Introduction", "Motivation"): each name once, never the title.
  const seen = new Set([title.toLowerCase()]);
  const unique = aliases.filter((alias) => !seen.has(alias.toLowerCase()) && seen.add(alias.toLowerCase()));
  return { id, title, kind, presence, aliases: unique, scaffold, within, since };
}

/** Each template once, with the other names that select it: "kiro (also ears)". */
export function describeTemplateNames(templates: ReadonlyMap<string, Template>): string[] {
  const names = new Map<Template, string[]>();
  for (const [name, template] of templates) addTo(names, template, name);
  return [...names].map(([template, all]) => {
    const others = all.filter((name) => name !== template.name);
    return others.length > 0 ? `${template.name} (also ${others.join(', ')})` : template.name;
  });
}
