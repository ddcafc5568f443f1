import type { SpecDocument } from '../core/model.js';
import { normalizeTitle } from '../core/normalize.js';
import type { OffsetRange } from '../core/positions.js';
import { CRITERION_PREFIXES, idOpening, idPrefix, requirementIndexOf } from '../core/requirements.js';
import { defineRule, ruleDocsUrl, type RuleContext } from '../core/rule.js';
import { stubText } from './requirement-without-acceptance.js';
import { missingSectionEdit } from '../core/scaffold.js';
import type { Template, TemplateSection } from '../core/template.js';
import { titleSection, type TemplateMatch } from '../core/template-match.js';

/** The heading of the nearest template neighbour, else the document's first heading or line. */
function anchorRange(doc: SpecDocument, template: Template, match: TemplateMatch, sectionId: string): OffsetRange {
  const index = template.sections.findIndex((entry) => entry.id === sectionId);
  const neighbours = [...template.sections.slice(0, index).reverse(), ...template.sections.slice(index + 1)];
  for (const neighbour of neighbours) {
    const present = match.byId.get(neighbour.id);
    if (present) return present.section.headingRange;
  }
  if (doc.sections.length > 0) return doc.sections[0].headingRange;
  const firstLine = doc.lines.lineAt(doc.frontMatter?.range.end ?? 0);
  return { start: doc.lines.lineStart(firstLine), end: doc.lines.lineEnd(firstLine) };
}

/** A labeled paragraph or list in place of a heading: "**Downsides:**", "Drawbacks:". */
function hasLabel(text: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  const words = keywords.map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^[ \\t]*(?:[-*+][ \\t]+)?[*_]{0,2}(?:${words})[*_]{0,2}[ \\t]*:`, 'im').test(text);
}

/** "## REQ-AS-001: On-device speech": requirements written as headings of their own, with no heading over them. */
function hasRequirementHeadings(doc: SpecDocument): boolean {
  return doc.sections.some((section) => {
    const id = idOpening(section.title);
    return id !== undefined && !CRITERION_PREFIXES.has(idPrefix(id));
  });
}

/** "Moved to 2071-named-existentials.md": a stub pointing elsewhere, not a spec missing its sections. */
function isRedirect(doc: SpecDocument): boolean {
  const body = doc.text.slice(doc.frontMatter?.range.end ?? 0);
  let words = 0;
  for (const _ of body.matchAll(/\S+/g)) if (++words >= 60) return false;
  return /\b(?:moved to|has moved|superseded by|replaced by|renamed to|now lives (?:at|in))\b/i.test(body);
}

/**
 * A substantial document (250 words or more) that matches fewer than half of the template's
 * sections is another kind of document (a charter, a roadmap), not a spec missing most of
 * its sections; a short draft still gets every missing section, so it can be scaffolded.
 */
function isOtherKind(doc: SpecDocument, match: TemplateMatch): boolean {
  const expected = match.template.sections.filter((entry) => entry.presence !== 'optional');
  const present = expected.filter((entry) => match.byId.has(entry.id)).length;
  if (present * 2 >= expected.length) return false;
  let words = 0;
  for (const _ of doc.text.matchAll(/\S+/g)) if (++words >= 250) return true;
  return false;
}

/** The section it combines with is there under another name ("Proposal", "Explanation and charter"): one section holds both. */
function isCombined(match: TemplateMatch, templateSection: TemplateSection, underOtherTitles: ReadonlySet<string>): boolean {
  const siblingId = templateSection.combinesWith;
  if (!siblingId) return false;
  if (underOtherTitles.has(siblingId)) return true;
  const present = match.byId.get(siblingId);
  const sibling = match.template.sections.find((entry) => entry.id === siblingId);
  return present !== undefined && sibling !== undefined && present.section.normalizedTitle !== normalizeTitle(sibling.title);
}

/**
 * The body a missing section is inserted with: a criteria section gets a stub citing each
 * requirement the spec defines, so none is left unverified and no id it lacks is cited.
 */
function scaffoldFor(context: RuleContext<unknown>, templateSection: TemplateSection): string | undefined {
  if (templateSection.kind !== 'success-criteria' || context.template.coverage !== 'cited-ids') return templateSection.scaffold;
  const ids = [...requirementIndexOf(context).definitions]
    .filter(([id, [definition]]) => !CRITERION_PREFIXES.has(idPrefix(id)) && definition.unit.kind === 'requirements')
    .map(([id]) => id);
  // No ids yet: the scaffold's own citation (REQ-1) matches the requirement scaffold.
  if (ids.length === 0) return templateSection.scaffold;
  return ids.map(stubText).join('\n');
}

export const missingSection = defineRule({
  id: 'missing-section',
  description: 'A required or recommended section of the active template has no matching heading.',
  docs: ruleDocsUrl('missing-section'),
  defaultSeverity: 'warning',
  check(context) {
    const { doc, template, match } = context;
    if (isRedirect(doc) || isOtherKind(doc, match)) return;
    // The title names the document ("Requirements Document"); it is no section under another name.
    const claimed = new Set([...match.matched.map((entry) => entry.section), titleSection(doc)]);
    const otherTitles = doc.sections.filter((section) => !claimed.has(section)).map((section) => ` ${section.normalizedTitle} `);
    const isUnderOtherTitle = (templateSection: TemplateSection) => {
      const keywords = (templateSection.keywords ?? []).map((keyword) => ` ${normalizeTitle(keyword)} `);
      return otherTitles.some((title) => keywords.some((keyword) => title.includes(keyword))) || hasLabel(doc.text, templateSection.keywords ?? []);
    };
    const underOtherTitles = new Set(match.missing.filter(isUnderOtherTitle).map((entry) => entry.id));
    for (const templateSection of match.missing) {
      if (templateSection.presence === 'optional' || underOtherTitles.has(templateSection.id) || isCombined(match, templateSection, underOtherTitles)) continue;
      if (templateSection.kind === 'requirements' && hasRequirementHeadings(doc)) continue;
      // "### Success Criteria" one level too deep, under "## Requirements": written, in the wrong place.
      if (otherTitles.includes(` ${normalizeTitle(templateSection.title)} `)) continue;
      const aliases = templateSection.aliases.slice(0, 3).map((alias) => `'${alias}'`);
      const orAliases = aliases.length > 0 ? ` (or ${aliases.join(', ')})` : '';
      context.report({
        message: `Missing ${templateSection.presence} section '${templateSection.title}'${orAliases} of template '${template.name}'.`,
        range: anchorRange(doc, template, match, templateSection.id),
        data: { section: templateSection.id, kind: templateSection.kind, presence: templateSection.presence },
        severity: templateSection.presence === 'recommended' ? 'info' : undefined,
        fixes: [
          {
            title: `Insert section '${templateSection.title}'`,
            edits: [missingSectionEdit(doc, template, match, { ...templateSection, scaffold: scaffoldFor(context, templateSection) })],
            safe: true,
          },
        ],
      });
    }
  },
});
