import { documentDate } from '../core/document-date.js';
import type { MatchedSection } from '../core/template-match.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

/** Indexes (into `entries`) of a longest run whose template order increases: the sections to keep in place. */
function longestOrderedRun(entries: readonly MatchedSection[]): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  let best = -1;
  entries.forEach((entry, i) => {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (entries[j].templateIndex < entry.templateIndex && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  });
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}

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
    // Several template sections claimed by one heading count once, by their first template position; optional sections have no set place.
    const entries = context.match.matched.filter((entry, i, all) => entry.templateSection.presence !== 'optional' && (i === 0 || all[i - 1].section !== entry.section));
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
