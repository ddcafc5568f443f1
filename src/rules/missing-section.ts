import type { SpecDocument } from '../core/model.js';
import type { OffsetRange } from '../core/positions.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { missingSectionEdit } from '../core/scaffold.js';
import type { Template } from '../core/template.js';
import type { TemplateMatch } from '../core/template-match.js';

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

export const missingSection = defineRule({
  id: 'missing-section',
  description: 'A required or recommended section of the active template has no matching heading.',
  docs: ruleDocsUrl('missing-section'),
  defaultSeverity: 'warning',
  check(context) {
    const { doc, template, match } = context;
    for (const templateSection of match.missing) {
      if (templateSection.presence === 'optional') continue;
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
            edits: [missingSectionEdit(doc, template, match, templateSection)],
            safe: true,
          },
        ],
      });
    }
  },
});
