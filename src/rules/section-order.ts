import { documentDate } from '../core/document-date.js';
import { longestOrderedRun, orderedEntries } from '../core/section-order.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

export const sectionOrder = defineRule({
  id: 'section-order',
  description: 'A template section appears out of the order the template gives.',
  docs: ruleDocsUrl('section-order'),
  defaultSeverity: 'warning',
  check(context) {
    // An order Specwise does not know: a document started before the template's latest change.
    const date = documentDate(context.doc);
    const latest = context.template.sections.reduce((max, entry) => (entry.since && entry.since > max ? entry.since : max), '');
    if (date && latest && date < latest) return;
    const entries = orderedEntries(context.match);
    const keep = longestOrderedRun(entries);
    entries.forEach((entry, i) => {
      if (keep.has(i)) return;
      const after = [...keep].filter((k) => entries[k].templateIndex < entry.templateIndex).sort((a, b) => entries[b].templateIndex - entries[a].templateIndex)[0];
      const before = [...keep].filter((k) => entries[k].templateIndex > entry.templateIndex).sort((a, b) => entries[a].templateIndex - entries[b].templateIndex)[0];
      const place = [
        after !== undefined ? `after '${entries[after].section.title}'` : undefined,
        before !== undefined ? `before '${entries[before].section.title}'` : undefined,
      ].filter(Boolean).join(' and ');
      context.report({
        message: `Section '${entry.section.title}' is out of order: template '${context.template.name}' puts it ${place}.`,
        range: entry.section.headingRange,
        data: { section: entry.templateSection.id },
      });
    });
  },
});
