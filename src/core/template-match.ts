import type { Section, SpecDocument } from './model.js';
import { normalizeTitle } from './normalize.js';
import type { SectionKind, Template, TemplateSection } from './template.js';

export interface MatchedSection {
  templateSection: TemplateSection;
  /** Position in the template's section list. */
  templateIndex: number;
  section: Section;
}

export interface TemplateMatch {
  /** Matched sections in document order. */
  matched: MatchedSection[];
  byId: Map<string, MatchedSection>;
  /** Template sections with no heading, in template order. */
  missing: TemplateSection[];
  /**
   * The kind of every section: that of the template section its title names (even when an
   * earlier heading claimed it, like a second "Acceptance Criteria"), else its parent's.
   */
  kinds: Map<Section, SectionKind>;
}

const titleIndexes = new WeakMap<Template, Map<string, number[]>>();

/** Template section indexes by normalized title and alias, built once per template. */
function titleIndex(template: Template): Map<string, number[]> {
  let byTitle = titleIndexes.get(template);
  if (byTitle) return byTitle;
  byTitle = new Map();
  template.sections.forEach((templateSection, index) => {
    for (const title of [templateSection.title, ...templateSection.aliases]) {
      const key = normalizeTitle(title);
      const indexes = byTitle!.get(key) ?? [];
      if (!indexes.includes(index)) indexes.push(index);
      byTitle!.set(key, indexes);
    }
  });
  titleIndexes.set(template, byTitle);
  return byTitle;
}

/**
 * The first heading, at any level, whose normalized title equals a section's title or alias
 * claims that section. A title may name several sections: an alias shared by two sections
 * ("Drawbacks and alternatives") or, failing a whole-title match, its parts joined by "and".
 */
export function matchTemplate(doc: SpecDocument, template: Template): TemplateMatch {
  const byTitle = titleIndex(template);
  const matched: MatchedSection[] = [];
  const byId = new Map<string, MatchedSection>();
  for (const section of doc.sections) {
    const whole = byTitle.get(section.normalizedTitle);
    const indexes = whole ?? section.normalizedTitle.split(' and ').flatMap((part) => byTitle.get(part.trim()) ?? []);
    for (const templateIndex of indexes) {
      const templateSection = template.sections[templateIndex];
      if (byId.has(templateSection.id)) continue;
      const match = { templateSection, templateIndex, section };
      matched.push(match);
      byId.set(templateSection.id, match);
    }
  }
  const missing = template.sections.filter((templateSection) => !byId.has(templateSection.id));
  const kinds = new Map<Section, SectionKind>();
  const firstClaim = new Map<Section, MatchedSection>();
  for (const entry of matched) if (!firstClaim.has(entry.section)) firstClaim.set(entry.section, entry);
  for (const section of doc.sections) {
    const claimed = firstClaim.get(section);
    const named = byTitle.get(section.normalizedTitle)?.[0];
    const kind = claimed?.templateSection.kind ?? (named !== undefined ? template.sections[named].kind : undefined);
    const inherited = section.parent ? kinds.get(section.parent) : undefined;
    const effective = kind ?? inherited;
    if (effective) kinds.set(section, effective);
  }
  return { matched, byId, missing, kinds };
}
