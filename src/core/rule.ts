import type { z } from 'zod';
import type { Fix } from './fix.js';
import type { SpecDocument } from './model.js';
import type { LineColumn, OffsetRange } from './positions.js';
import type { Template } from './template.js';
import type { TemplateMatch } from './template-match.js';

export type Severity = 'error' | 'warning' | 'info' | 'off';
export type ActiveSeverity = Exclude<Severity, 'off'>;

export const DOCS_BASE_URL = 'https://github.com/specwise/specwise/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export interface RelatedLocation {
  range: OffsetRange;
  message: string;
}

export interface Report {
  message: string;
  range: OffsetRange;
  /** Machine-readable facts about the finding, e.g. `{ section: 'risks' }`. */
  data?: Record<string, unknown>;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Lowers this finding's severity below the rule's (e.g. recommended sections report info). */
  severity?: ActiveSeverity;
}

export interface RelatedFinding extends RelatedLocation {
  start: LineColumn;
  end: LineColumn;
}

export interface Finding extends Omit<Report, 'severity' | 'related'> {
  related?: RelatedFinding[];
  ruleId: string;
  severity: ActiveSeverity;
  docsUrl: string;
  start: LineColumn;
  end: LineColumn;
  fixes: Fix[];
}

export interface RuleContext<Options> {
  doc: SpecDocument;
  template: Template;
  options: Options;
  /** Every template the file's config knows, by name. */
  templates: ReadonlyMap<string, Template>;
  /** The template matched against the document, computed once and shared by all rules. */
  readonly match: TemplateMatch;
  /** Computes a value once per document check and shares it between rules. */
  shared<T>(key: string, compute: () => T): T;
  report(report: Report): void;
}

export interface Rule<Options = Record<string, never>> {
  id: string;
  description: string;
  /** URL of the rule's documentation page. */
  docs: string;
  defaultSeverity: Severity;
  /** Validates and fills defaults of the rule's options from config. */
  options?: z.ZodType<Options>;
  check(context: RuleContext<Options>): void;
}

// Rules differ in their options type; the registry stores them uniformly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
