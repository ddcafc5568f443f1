/** The engine's public surface, shared by the CLI and the extension. */
import type { BlockParseCache } from './core/block-parse.js';
import { CLOSELY_READ_KINDS } from './core/lazy.js';
import type { SpecDocument } from './core/model.js';
import { parseSpec } from './core/parse.js';
import { matchTemplate } from './core/template-match.js';
import { createAnalysisContext, type AnalysisContext, type Finding } from './core/rule.js';
import { checkSpec, type RuleSetting } from './core/runner.js';
import type { Template } from './core/template.js';
import { builtInRules } from './rules/index.js';
import { builtInTemplates, DEFAULT_TEMPLATE_NAME } from './templates/index.js';

export interface LintRequest {
  text: string;
  uri?: string;
  template?: Template;
  settings?: Readonly<Record<string, RuleSetting>>;
  /** Templates the file may name in its front matter. */
  templates?: ReadonlyMap<string, Template>;
  /** Block parses of earlier versions of the same document, reused where blocks are unchanged. */
  cache?: BlockParseCache;
  /** Parse every block, even those no rule reads (for tools that walk the whole tree). */
  fullParse?: boolean;
}

export interface LintResult {
  doc: SpecDocument;
  template: Template;
  findings: Finding[];
  /** The analysis the rules shared: template match, units, requirement ids. */
  analysis: AnalysisContext;
}

/** Parses once and runs every built-in rule over the shared model. */
export function lintText(request: LintRequest): LintResult {
  const template = request.template ?? builtInTemplates.get(DEFAULT_TEMPLATE_NAME)!;
  const inspected = (draft: SpecDocument) => {
    const { kinds } = matchTemplate(draft, template);
    return draft.sections.filter((section) => CLOSELY_READ_KINDS.has(kinds.get(section)!)).map((section) => section.range);
  };
  const doc = parseSpec(request.text, request.uri, { cache: request.cache, inspected: request.fullParse ? undefined : inspected, keepCacheOpen: true });
  const templates = request.templates ?? builtInTemplates;
  const analysis = createAnalysisContext(doc, template, request.cache);
  const findings = checkSpec(doc, { template, rules: builtInRules, settings: request.settings, templates, analysis });
  // What this version used stays for the next; the rest goes.
  request.cache?.sweep();
  return { doc, template, findings, analysis };
}

export { applyFixes, type Fix, type TextEdit } from './core/fix.js';
export type { Finding } from './core/rule.js';
export { parseSpec };
