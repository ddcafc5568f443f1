import type { Section, SpecDocument } from './model.js';
import { normalizeTitle } from './normalize.js';
import { documentDate } from './document-date.js';
import { headingKind } from './heading-kinds.js';
import type { SectionKind, Template, TemplateSection } from './template.js';
import { addTo } from './collections.js';

export interface MatchedSection {
  templateSection: TemplateSection;
  /** Position in the template's section list. */
  templateIndex: number;
  section: Section;
}

export interface TemplateMatch {
  /** The template as the document is held to: without the sections added after it was started. */
  template: Template;
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

/** The template as it was when the document was started: sections added later are not asked for. */
const asOf = new WeakMap<Template, Map<string, Template>>();
function templateAsOf(template: Template, date: string | undefined): Template {
  if (!date || !template.sections.some((entry) => entry.since && entry.since > date)) return template;
  let byDate = asOf.get(template);
  if (!byDate) asOf.set(template, (byDate = new Map()));
  let dated = byDate.get(date);
  if (!dated) byDate.set(date, (dated = { ...template, sections: template.sections.filter((entry) => !entry.since || entry.since <= date) }));
  return dated;
}

/** The template's version the document follows: sections its earlier version lacked are not asked of a document with that version's headings. */
const byVersion = new WeakMap<Template, Map<string, Template>>();
function templateVersionOf(template: Template, doc: SpecDocument): Template {
  const headings = new Set(doc.sections.map((section) => section.normalizedTitle));
  const dropped = template.sections.filter((entry) => entry.notWith?.some((title) => headings.has(normalizeTitle(title)))).map((entry) => entry.id);
  if (dropped.length === 0) return template;
  let versions = byVersion.get(template);
  if (!versions) byVersion.set(template, (versions = new Map()));
  const key = dropped.join(' ');
  let version = versions.get(key);
  if (!version) versions.set(key, (version = { ...template, sections: template.sections.filter((entry) => !dropped.includes(entry.id)) }));
  return version;
}

/**
 * The document's title: a single level-1 heading that comes first and has sections under
 * it. It names the document; it is not one of its sections.
 */
export function titleSection(doc: SpecDocument): Section | undefined {
  const first = doc.sections[0];
  if (!first || first.level !== 1 || first.children.length === 0) return undefined;
  return doc.sections.some((section) => section !== first && section.level === 1) ? undefined : first;
}

/** The title with its last word in the other number: "reference level explanations" for "... explanation", and back. */
function otherNumber(title: string): string {
  if (/[^s]s$/.test(title)) return title.slice(0, -1);
  return /[a-z]$/.test(title) && !title.endsWith('s') ? `${title}s` : title;
}

/** "为什么 (Motivation)", "变更内容（Proposed Changes）": a title with its translation in parentheses names the section either way. */
function glossed(title: string): string[] {
  const gloss = /^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/u.exec(title.trim());
  return gloss ? [normalizeTitle(gloss[1]), normalizeTitle(gloss[2])] : [];
}

/** Top-level sections: those with no parent but the title. */
function isTopLevel(section: Section, title: Section | undefined): boolean {
  return section !== title && (section.parent === undefined || section.parent === title);
}

/** `[summary]: #summary` right under a heading: the anchor the template gave the section, kept when the heading was renamed. */
const SECTION_ANCHOR = /^[ \t]*\r?\n?[ \t]*\[([\w-]+)\]:[ \t]*#\1[ \t]*(?:\r?\n|$)/;

/** The template sections a renamed heading's own anchor names. */
function anchorOf(doc: SpecDocument, section: Section, byTitle: Map<string, number[]>): number[] | undefined {
  const anchor = SECTION_ANCHOR.exec(doc.text.slice(section.bodyRange.start, section.bodyRange.start + 200));
  return anchor ? byTitle.get(normalizeTitle(anchor[1].replace(/[-_]/g, ' '))) : undefined;
}

/**
 * The first top-level heading whose normalized title equals a section's title or alias
 * claims that section; a nested heading claims only sections the template lets nest in the
 * section an ancestor claimed (`within`). A title may name several sections: an alias
 * shared by two sections ("Drawbacks and alternatives") or, failing a whole-title match,
 * its parts joined by "and".
 */
export function matchTemplate(doc: SpecDocument, fullTemplate: Template): TemplateMatch {
  const template = templateVersionOf(templateAsOf(fullTemplate, documentDate(doc)), doc);
  const byTitle = titleIndex(template);
  const title = titleSection(doc);
  const matched: MatchedSection[] = [];
  const byId = new Map<string, MatchedSection>();
  const claimedBy = new Map<Section, string[]>();
  const candidates = (section: Section) => {
    const found = byTitle.get(section.normalizedTitle) ?? byTitle.get(otherNumber(section.normalizedTitle)) ?? anchorOf(doc, section, byTitle);
    if (found) return found;
    const parts = section.normalizedTitle.split(' and ').flatMap((part) => byTitle.get(part.trim()) ?? []);
    return parts.length > 0 ? parts : glossed(section.title).flatMap((part) => byTitle.get(part) ?? []);
  };
  // A top-level heading with a section's own title claims it before an earlier one that only
  // matches an alias ("## Scope" metadata above "## What Changes").
  const ownTitle = new Map<string, Section>();
  for (const section of doc.sections) {
    if (!isTopLevel(section, title)) continue;
    for (const index of byTitle.get(section.normalizedTitle) ?? []) {
      const { id, title: name } = template.sections[index];
      if (normalizeTitle(name) === section.normalizedTitle && !ownTitle.has(id)) ownTitle.set(id, section);
    }
  }
  for (const section of doc.sections) {
    if (section === title) continue;
    const topLevel = isTopLevel(section, title);
    const enclosing = new Set<string>();
    for (let ancestor = section.parent; ancestor; ancestor = ancestor.parent) for (const id of claimedBy.get(ancestor) ?? []) enclosing.add(id);
    for (const templateIndex of candidates(section)) {
      const templateSection = template.sections[templateIndex];
      if (byId.has(templateSection.id) || (ownTitle.get(templateSection.id) ?? section) !== section) continue;
      if (!topLevel && !(templateSection.within && enclosing.has(templateSection.within))) continue;
      const match = { templateSection, templateIndex, section };
      matched.push(match);
      byId.set(templateSection.id, match);
      addTo(claimedBy, section, templateSection.id);
    }
  }
  const missing = template.sections.filter((templateSection) => !byId.has(templateSection.id));
  const kinds = new Map<Section, SectionKind>();
  const firstClaim = new Map<Section, MatchedSection>();
  for (const entry of matched) if (!firstClaim.has(entry.section)) firstClaim.set(entry.section, entry);
  for (const section of doc.sections) {
    const claimed = firstClaim.get(section);
    const named = byTitle.get(section.normalizedTitle)?.[0];
    const kind = claimed?.templateSection.kind ?? (named !== undefined ? template.sections[named].kind : undefined) ?? headingKind(section.normalizedTitle);
    const inherited = section.parent ? kinds.get(section.parent) : undefined;
    const effective = kind ?? inherited;
    if (effective) kinds.set(section, effective);
  }
  return { template, matched, byId, missing, kinds };
}

/**
 * "## Unresolved questions", empty, followed at once by "## Version ranges with pre-release
 * bounds": headings at the same level that are no template section, the first with content,
 * are the section's own content written one level too high, not sections of their own.
 */
export function continuedAtSameLevel(doc: SpecDocument, match: TemplateMatch, section: Section): Section[] {
  if (section.hasContent || section.children.length > 0) return [];
  const claimed = new Set(match.matched.map((entry) => entry.section));
  const following: Section[] = [];
  for (let i = doc.sections.indexOf(section) + 1; i < doc.sections.length; i++) {
    const next = doc.sections[i];
    if (next.level < section.level) break;
    if (next.level > section.level) continue;
    if (next.parent !== section.parent || claimed.has(next)) break;
    following.push(next);
  }
  const first = following[0];
  return first && (first.hasContent || first.children.length > 0) ? following : [];
}
