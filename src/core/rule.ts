import type { z } from 'zod';
import type { Fix } from './fix.js';
import type { SpecDocument } from './model.js';
import type { LineColumn, OffsetRange } from './positions.js';
import type { Template } from './template.js';
import { matchTemplate, type TemplateMatch } from './template-match.js';
import type { BlockParseCache } from './block-parse.js';

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
  /** Another file the location is in (cross-file findings); absent for the finding's own file. */
  path?: string;
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

/** What analyses shared between rules (units, ids) need: the document, the match, a memo. */
export interface AnalysisContext {
  doc: SpecDocument;
  readonly match: TemplateMatch;
  shared<T>(key: string, compute: () => T): T;
  /**
   * A value computed from text alone, kept across versions of the document when the editor
   * passes its cache: after an edit, only text that changed is analysed again. The key must
   * hold everything the value depends on.
   */
  remember<T>(key: string, compute: () => T): T;
}

export interface RuleContext<Options> extends AnalysisContext {
  doc: SpecDocument;
  template: Template;
  options: Options;
  /** Every template the file's config knows, by name. */
  templates: ReadonlyMap<string, Template>;
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

/** What the configuration schema, SARIF and the docs need of a rule, single-file or cross-file. */
export type RuleInfo = Pick<Rule<unknown>, 'id' | 'description' | 'docs' | 'defaultSeverity'> & { options?: z.ZodType };

// Rules differ in their options type; the registry stores them uniformly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** The analysis shared by every rule of one check (and by the outline and health views). */
export function createAnalysisContext(doc: SpecDocument, template: Template, cache?: BlockParseCache): AnalysisContext {
  const memo = new Map<string, unknown>();
  let match: TemplateMatch | undefined;
  return {
    doc,
    get match() {
      match ??= matchTemplate(doc, template);
      return match;
    },
    shared<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
    remember<T>(key: string, compute: () => T): T {
      return cache ? cache.lookup(key, compute) : compute();
    },
  };
}
