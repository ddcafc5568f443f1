// Deterministic clean-up of a model's spec: one title and the template's front matter,
// sections in the template's order, requirement and criterion ids numbered in order (or
// continuing a spec's), each criterion naming what it verifies, and references renamed.
import type { Section, SpecDocument } from '../core/model.js';
import { parseSpec } from '../core/parse.js';
import { CRITERION_PREFIXES } from '../core/requirements.js';
import type { Template, TemplateSection } from '../core/template.js';
import { matchTemplate, titleSection, type TemplateMatch } from '../core/template-match.js';
import { nextId, type Numbering } from '../translate/render.js';
import { ModelFailure } from './failure.js';

export interface NormalizedSpec {
  markdown: string;
  /** Requirement and NFR ids, in order. */
  ids: string[];
}

const ID_TOKEN = /(?<![\p{L}\p{N}_/#-])([A-Z][A-Z0-9]{0,9})-(\d{1,5})(?![\p{L}\p{N}_-])/gu;
const LEADING_ID = /^([A-Z][A-Z0-9]{0,9}-\d{1,5})(?![\p{L}\p{N}_-])/u;
const ITEM_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const STORY_SECTION = /user-stories|stories|scenarios/;

const REQUIREMENT_PREFIXES = new Set(['REQ', 'FR', 'BR', 'SR', 'TR', 'SYS', 'R']);
const NFR_PREFIXES = new Set(['NFR', 'QR', 'PERF', 'SEC']);

type Family = 'requirement' | 'nfr' | 'criterion';

interface ItemHead {
  id?: string;
  /** Ids in a parenthesis after the id: "AC-1 (verifies REQ-1)". */
  cited: string[];
  rest: string;
}

/** Reads "- **REQ-1**: text", "1. REQ-1 - text", "- **AC-2 (REQ-1)**: text" and plain "- text". */
function readItemHead(line: string): ItemHead | undefined {
  const marker = ITEM_MARKER.exec(line);
  if (!marker) return undefined;
  let rest = line.slice(marker[0].length);
  const bold = /^(\*\*|__)/.exec(rest)?.[1];
  const afterBold = bold ? rest.slice(bold.length) : rest;
  const id = LEADING_ID.exec(afterBold)?.[1];
  if (!id) return { cited: [], rest: rest.trim() };
  rest = afterBold.slice(id.length);
  const cited: string[] = [];
  for (let step = 0; step < 4; step++) {
    const before = rest;
    rest = rest.replace(/^[ \t]*(?:\*\*|__)/, '').replace(/^[ \t]*[:.–—-](?=[ \t]|$)/, '');
    const parenthesis = /^[ \t]*\(([^)\n]*)\)/.exec(rest);
    if (parenthesis && /[A-Z]-\d/.test(parenthesis[1])) {
      cited.push(...[...parenthesis[1].matchAll(ID_TOKEN)].map((match) => match[0]));
      rest = rest.slice(parenthesis[0].length);
    }
    if (rest === before) break;
  }
  return { id, cited, rest: rest.trim() };
}

function familyOfPrefix(prefix: string, numbering: Numbering): Family | undefined {
  if (NFR_PREFIXES.has(prefix)) return 'nfr';
  if (CRITERION_PREFIXES.has(prefix) || prefix === numbering.criterion) return 'criterion';
  if (REQUIREMENT_PREFIXES.has(prefix) || prefix === numbering.requirement) return 'requirement';
  return undefined;
}

/** The template section a section belongs to: its own match or an ancestor's. */
function templateSectionOf(section: Section | undefined, match: TemplateMatch): TemplateSection | undefined {
  for (let current = section; current; current = current.parent) {
    const matched = match.matched.find((entry) => entry.section === current);
    if (matched) return matched.templateSection;
  }
  return undefined;
}

/** Front matter off; its title kept for the heading when the reply has none. */
function withoutFrontMatter(text: string): { body: string; title?: string } {
  const doc = parseSpec(text);
  if (!doc.frontMatter) return { body: text };
  const data = doc.frontMatter.data as Record<string, unknown> | undefined;
  const title = data && typeof data === 'object' && typeof data.title === 'string' ? data.title : undefined;
  return { body: text.slice(doc.frontMatter.range.end).replace(/^\n+/, ''), title };
}

/** Sections as level-1 headings (or none) move down a level under a single title. */
function withOneTitle(text: string, fallbackTitle: string): { text: string; title: string } {
  const doc = parseSpec(text);
  const titles = doc.sections.filter((section) => section.level === 1);
  const title = titleSection(doc);
  if (title) return { text, title: title.title };
  let result = text;
  if (titles.length > 0) {
    for (const section of [...doc.sections].reverse()) {
      const heading = `${'#'.repeat(Math.min(section.level + 1, 6))} ${section.title}`;
      result = result.slice(0, section.headingRange.start) + heading + result.slice(section.headingRange.end);
    }
  }
  const name = titles.length === 1 ? titles[0].title : fallbackTitle;
  return { text: `# ${name}\n\n${result.replace(/^\n+/, '')}`, title: name };
}

/** Top-level sections in template order; a section the template does not know travels with the one before it. */
function inTemplateOrder(text: string, template: Template): string {
  const doc = parseSpec(text);
  const title = titleSection(doc);
  const top = doc.sections.filter((section) => section !== title && (section.parent === undefined || section.parent === title));
  if (top.length < 2) return text;
  const position = new Map<Section, number>();
  for (const entry of matchTemplate(doc, template).matched) {
    if (top.includes(entry.section)) position.set(entry.section, Math.min(position.get(entry.section) ?? Infinity, entry.templateIndex));
  }
  let key = -1;
  const keyed = top.map((section, index) => {
    key = position.get(section) ?? key;
    return { section, key, index };
  });
  const sorted = [...keyed].sort((a, b) => a.key - b.key || a.index - b.index);
  if (sorted.every((entry, index) => entry === keyed[index])) return text;
  const chunk = (section: Section) => text.slice(section.range.start, section.range.end).replace(/\n*$/, '\n');
  return text.slice(0, top[0].range.start) + sorted.map((entry) => chunk(entry.section)).join('\n');
}

interface Definition {
  line: number;
  family: Family;
  head: ItemHead;
  newId: string;
}

/** Requirement and criterion list items, in document order, with their new ids. */
function definitions(doc: SpecDocument, template: Template, numbering: Numbering): Definition[] {
  const match = matchTemplate(doc, template);
  const found: Definition[] = [];
  for (const list of doc.lists) {
    if (list.depth !== 0) continue;
    const kind = list.section ? match.kinds.get(list.section) : undefined;
    if (kind !== 'requirements' && kind !== 'success-criteria') continue;
    const templateSection = templateSectionOf(list.section, match);
    if (templateSection && STORY_SECTION.test(templateSection.id)) continue;
    const nonFunctionalSection = templateSection !== undefined && /non-functional/.test(templateSection.id);
    for (const item of list.items) {
      const line = doc.lines.lineAt(item.range.start);
      const head = readItemHead(doc.text.slice(doc.lines.lineStarts[line], doc.lines.lineStarts[line + 1] ?? doc.text.length).replace(/\n$/, ''));
      if (!head) continue;
      let family: Family | undefined;
      if (head.id) family = familyOfPrefix(head.id.slice(0, head.id.indexOf('-')), numbering);
      else if (kind === 'success-criteria') family = 'criterion';
      else if (/\b(?:shall|must)\b/i.test(head.rest)) family = nonFunctionalSection ? 'nfr' : 'requirement';
      if (!family) continue;
      if (kind === 'success-criteria' && family !== 'criterion') continue;
      const prefix = family === 'requirement' ? numbering.requirement : family === 'nfr' ? 'NFR' : numbering.criterion;
      found.push({ line, family, head, newId: nextId(numbering, prefix) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Ids renumbered and references renamed, line by line. */
function renumbered(text: string, template: Template, numbering: Numbering): { text: string; ids: string[] } {
  const doc = parseSpec(text);
  const found = definitions(doc, template, numbering);
  const renamed = new Map<string, string>();
  for (const definition of found) if (definition.head.id && !renamed.has(definition.head.id)) renamed.set(definition.head.id, definition.newId);
  const rename = (value: string) => value.replace(ID_TOKEN, (id) => renamed.get(id) ?? id);
  const requirementIds = new Set(found.filter((definition) => definition.family !== 'criterion').map((definition) => definition.newId));
  const byLine = new Map(found.map((definition) => [definition.line, definition]));
  const lines = text.split('\n').map((line, index) => {
    const definition = byLine.get(index);
    if (!definition) return rename(line);
    const rest = rename(definition.head.rest);
    if (definition.family !== 'criterion') return `- **${definition.newId}**: ${rest}`;
    // What a criterion verifies: the ids it names after its own, else the requirements it mentions.
    const trailing = /\s*\((?:verifies|verify|covers|traces? to|for)?\s*((?:[A-Z][A-Z0-9]*-\d+(?:\s*(?:,|and|&)\s*)?)+)\)\.?$/.exec(rest);
    const stated = [...definition.head.cited.map(rename), ...(trailing ? [...trailing[1].matchAll(ID_TOKEN)].map((match) => match[0]) : [])];
    const mentioned = [...rest.matchAll(ID_TOKEN)].map((match) => match[0]).filter((id) => requirementIds.has(id));
    const verifies = [...new Set(stated.length > 0 ? stated : mentioned)];
    const body = trailing && stated.length > 0 ? `${rest.slice(0, trailing.index).trimEnd()}${/[.!?]$/.test(rest.slice(0, trailing.index).trimEnd()) ? '' : '.'}` : rest;
    return `- **${definition.newId}**${verifies.length > 0 ? ` (verifies ${verifies.join(', ')})` : ''}: ${body}`;
  });
  return { text: lines.join('\n'), ids: found.filter((definition) => definition.family !== 'criterion').map((definition) => definition.newId) };
}

export interface NormalizeOptions {
  template: Template;
  /** Where ids start: 1 for a new spec, after the highest of each family for an existing one. */
  numbering: Numbering;
}

/**
 * The model's spec in the form the deterministic translation writes: front matter naming
 * the template, one title, sections in the template's order, ids in order, every criterion
 * naming what it verifies. Fails with a `malformed` ModelFailure when it holds no requirement.
 */
export function normalizeSpec(markdown: string, options: NormalizeOptions): NormalizedSpec {
  const numbering: Numbering = { ...options.numbering, next: { ...options.numbering.next } };
  const { body, title: frontMatterTitle } = withoutFrontMatter(markdown.replace(/\r\n?/g, '\n'));
  const titled = withOneTitle(body, frontMatterTitle?.trim() || 'Spec');
  const ordered = inTemplateOrder(titled.text, options.template);
  const { text, ids } = renumbered(ordered, options.template, numbering);
  if (ids.length === 0) {
    throw new ModelFailure('malformed', 'The model\'s reply is not a spec: it has no requirement, no list item such as "- **REQ-1**: …" under a requirements heading');
  }
  const title = titled.title.replace(/\s+/g, ' ').trim().slice(0, 160);
  const frontMatter = ['---', `title: ${JSON.stringify(title)}`, `template: ${options.template.name}`, 'status: Draft', '---', ''];
  const cleaned = text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown: `${frontMatter.join('\n')}\n${cleaned}\n`, ids };
}
