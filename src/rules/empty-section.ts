import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { blockInsertion, scaffoldBody } from '../core/scaffold.js';
import { continuedAtSameLevel } from '../core/template-match.js';

export const emptySection = defineRule({
  id: 'empty-section',
  description: 'A template section has a heading but no real content: only blank lines, comments or placeholders.',
  docs: ruleDocsUrl('empty-section'),
  defaultSeverity: 'warning',
  check(context) {
    const { doc, template } = context;
    for (const { section, templateSection } of context.match.matched) {
      if (section.hasContent || continuedAtSameLevel(doc, context.match, section).length > 0) continue;
      const eol = doc.lines.eol;
      context.report({
        message: `Section '${section.title}' is empty: write its content or remove the heading (template '${template.name}', section '${templateSection.id}').`,
        range: section.headingRange,
        data: { section: templateSection.id, kind: templateSection.kind, presence: templateSection.presence },
        fixes: [
          {
            title: `Insert a starter for '${section.title}'`,
            edits: [blockInsertion(doc.text, section.bodyRange.end, scaffoldBody(templateSection, eol), eol)],
            safe: true,
          },
        ],
      });
    }
  },
});
