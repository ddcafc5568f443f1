// How an existing spec writes its ids and criteria, so a translation added to it continues
// its numbering and matches its style.
import type { SpecDocument } from '../core/model.js';
import type { TemplateMatch } from '../core/template-match.js';
import type { CriterionStyle, Numbering } from './render.js';

export interface Conventions {
  numbering: Numbering;
  style: CriterionStyle;
}

const ID = /(?<![\p{L}\p{N}_/#-])([A-Z]{1,5})-(\d{1,5})(?![\p{L}\p{N}_.-])/gu;
const EARS_CRITERION = /^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*[A-Z]+-\d+\*\*[^:\n]*:\s*)?(?:WHEN|IF|WHILE|WHERE)\b[^\n]*\bSHALL\b/m;

function sectionText(doc: SpecDocument, match: TemplateMatch, kind: string): string {
  return match.matched
    .filter((entry) => entry.templateSection.kind === kind)
    .map((entry) => doc.text.slice(entry.section.range.start, entry.section.range.end))
    .join('\n');
}

function mostUsedPrefix(text: string, exclude: RegExp): string | undefined {
  const counts = new Map<string, number>();
  for (const [, prefix] of text.matchAll(ID)) if (!exclude.test(prefix)) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Ids continue after the highest of each family in the spec; padding, prefixes and criterion style follow it. */
export function conventionsOf(doc: SpecDocument, match: TemplateMatch, defaults: { style: CriterionStyle; requirement: string; criterion: string; width: number }): Conventions {
  const next: Record<string, number> = {};
  const widths = new Map<string, number>();
  for (const [, prefix, digits] of doc.text.matchAll(ID)) {
    next[prefix] = Math.max(next[prefix] ?? 1, Number(digits) + 1);
    if (digits.length > 1 && digits.startsWith('0')) widths.set(prefix, Math.max(widths.get(prefix) ?? 0, digits.length));
  }
  const requirements = sectionText(doc, match, 'requirements');
  const criteria = sectionText(doc, match, 'success-criteria');
  const requirement = mostUsedPrefix(requirements, /^(?:NFR|AC|SC)$/) ?? defaults.requirement;
  const criterion = mostUsedPrefix(criteria, /^(?:REQ|FR|NFR)$/) ?? defaults.criterion;
  let style = defaults.style;
  if (EARS_CRITERION.test(criteria)) style = 'ears';
  else if (/\bGiven\b[^\n]*\bwhen\b[^\n]*\bthen\b/i.test(criteria)) style = criterion === 'SC' ? 'spec-kit' : 'given-when-then';
  const width = widths.get(requirement) ?? (requirement === defaults.requirement ? defaults.width : 0);
  return { numbering: { requirement, criterion, width, widths: Object.fromEntries(widths), next }, style };
}

