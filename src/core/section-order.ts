import type { MatchedSection, TemplateMatch } from './template-match.js';

/**
 * The sections whose order counts: one entry per heading (several template sections claimed by
 * one heading count once, by their first position) and no optional ones, which have no set place.
 */
export function orderedEntries(match: TemplateMatch): MatchedSection[] {
  return match.matched.filter((entry, i, all) => entry.templateSection.presence !== 'optional' && (i === 0 || all[i - 1].section !== entry.section));
}

/** Indexes (into `entries`) of a longest run whose template order increases: the sections to keep in place. */
export function longestOrderedRun(entries: readonly MatchedSection[]): Set<number> {
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

/**
 * The template section ids present in template order: the anchors a missing section is placed
 * against, so inserting it never puts it beside a section that is itself out of place.
 */
export function inOrderSectionIds(match: TemplateMatch): Set<string> {
  const entries = orderedEntries(match);
  const keep = longestOrderedRun(entries);
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    if (keep.has(i)) ids.add(entry.templateSection.id);
  });
  // Optional sections and second claims by one heading keep their places as anchors too.
  for (const entry of match.matched) if (!entries.includes(entry)) ids.add(entry.templateSection.id);
  return ids;
}
