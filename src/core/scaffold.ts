import type { TextEdit } from './fix.js';
import type { Section, SpecDocument } from './model.js';
import type { Template, TemplateSection } from './template.js';
import { inOrderSectionIds } from './section-order.js';
import { continuedAtSameLevel, titleSection, type TemplateMatch } from './template-match.js';

const DEFAULT_SCAFFOLD = 'TBD';

/** Body text inserted under a scaffolded heading, in the document's line endings. */
export function scaffoldBody(templateSection: TemplateSection, eol = '\n'): string {
  return (templateSection.scaffold ?? DEFAULT_SCAFFOLD).replace(/\r?\n/g, eol);
}

/** The top-level section that holds a section ("### Key Entities" under "## Requirements"), below the document's title. */
function topLevelOf(doc: SpecDocument, section: Section): Section {
  const title = titleSection(doc);
  let at = section;
  while (at.parent && at.parent !== title) at = at.parent;
  return at;
}

/** Where a missing section goes: after the nearest earlier template section present in order, else before the nearest later one. */
export function insertionPoint(doc: SpecDocument, template: Template, match: TemplateMatch, sectionId: string): { offset: number; level: number } {
  const index = template.sections.findIndex((entry) => entry.id === sectionId);
  const anchors = inOrderSectionIds(match);
  // A section that only matches at the top level goes beside the top-level section an anchor sits in, not inside it.
  const nestable = template.sections[index]?.within !== undefined;
  const anchor = (id: string) => {
    const matched = anchors.has(id) ? match.byId.get(id) : undefined;
    return matched && (nestable ? matched.section : topLevelOf(doc, matched.section));
  };
  for (let i = index - 1; i >= 0; i--) {
    const previous = anchor(template.sections[i].id);
    // After what the section holds, even when written one level too high.
    if (previous) return { offset: continuedAtSameLevel(doc, match, previous).at(-1)?.range.end ?? previous.range.end, level: previous.level };
  }
  for (let i = index + 1; i < template.sections.length; i++) {
    const next = anchor(template.sections[i].id);
    if (next) return { offset: next.range.start, level: next.level };
  }
  const hasTitle = doc.sections.some((section) => section.level === 1);
  const minLevel = Math.min(...doc.sections.map((section) => section.level));
  return { offset: doc.text.length, level: hasTitle || !Number.isFinite(minLevel) ? 2 : minLevel };
}

/** Blank-line-separated block text to insert at `offset` without gluing onto neighbours. */
export function blockInsertion(text: string, offset: number, block: string, eol: string): TextEdit {
  const before = text.slice(0, offset);
  let prefix = '';
  if (before.length > 0) {
    if (!/(\r?\n|\r)$/.test(before)) prefix = eol + eol;
    else if (!/(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(before)) prefix = eol;
  }
  const atEnd = offset >= text.length;
  const suffix = atEnd ? eol : eol + eol;
  return { offset, length: 0, newText: prefix + block + suffix };
}

/** The edit that inserts a missing template section with its heading and starter body. */
export function missingSectionEdit(doc: SpecDocument, template: Template, match: TemplateMatch, templateSection: TemplateSection): TextEdit {
  const eol = doc.lines.eol;
  const { offset, level } = insertionPoint(doc, template, match, templateSection.id);
  const block = `${'#'.repeat(Math.min(level, 6))} ${templateSection.title}${eol}${eol}${scaffoldBody(templateSection, eol)}`;
  return blockInsertion(doc.text, offset, block, eol);
}

/** A new spec: front matter naming the template, a title, then every non-optional section with its starter. */
export function renderSpecSkeleton(template: Template, title: string, eol = '\n'): string {
  const lines = ['---', `title: ${JSON.stringify(title)}`, `template: ${template.name}`, 'status: Draft', '---', '', `# ${title}`, ''];
  for (const templateSection of template.sections) {
    if (templateSection.presence === 'optional') continue;
    lines.push(`## ${templateSection.title}`, '', scaffoldBody(templateSection), '');
  }
  return lines.join('\n').replace(/\n/g, eol);
}
