import { lintText } from '../api.js';
import { fixText } from '../core/fix-all.js';
import type { TextEdit } from '../core/fix.js';
import type { SpecDocument } from '../core/model.js';
import { blockInsertion, missingSectionEdit } from '../core/scaffold.js';
import type { Template } from '../core/template.js';
import { matchTemplate } from '../core/template-match.js';
import { phrasePattern } from '../core/wording.js';
import { ESCAPE_CLAUSES } from '../rules/escape-clause.js';
import { OPEN_ENDED_CLAUSES } from '../rules/open-ended-clause.js';
import { VAGUE_TERMS } from '../rules/vague-term.js';
import { extract, type Extraction } from './extract.js';
import { renderParts, sectionBody } from './render.js';

export interface TranslateOptions {
  template: Template;
  /** Prefix of functional requirement ids (default REQ). */
  idPrefix?: string;
  /** Title of the generated spec (default: from the first capability). */
  title?: string;
}

export interface TranslatedSection {
  id: string;
  title: string;
  kind: string;
  body: string;
}

export interface Translation {
  extraction: Extraction;
  sections: TranslatedSection[];
  /** A complete spec in the template's shape. */
  markdown: string;
  /** Open questions found in the request's wording. */
  questions: string[];
}

const AMBIGUOUS = phrasePattern([...Object.keys(VAGUE_TERMS), ...ESCAPE_CLAUSES, ...OPEN_ENDED_CLAUSES])!;

/** One open question per vague word, escape clause or open list in the request, in order. */
function ambiguityQuestions(text: string): string[] {
  const questions: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(AMBIGUOUS)) {
    const phrase = match[0].toLowerCase();
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, match.index - 30)));
    const excerpt = text.slice(start, match.index + match[0].length + 30).replace(/\s+/g, ' ').trim();
    const hint = VAGUE_TERMS[phrase] ? VAGUE_TERMS[phrase] : ESCAPE_CLAUSES.includes(phrase) ? 'state exactly when it applies' : 'list every item';
    questions.push(`- What does "${match[0]}" mean in "…${excerpt}…"? ${hint.charAt(0).toUpperCase()}${hint.slice(1)}. [NEEDS CLARIFICATION: answer, owner, date]`);
  }
  return questions;
}

function titleOf(extraction: Extraction): string {
  const first = extraction.capabilities[0];
  if (!first) return 'New capability';
  const phrase = `${first.verb} ${first.object}`.replace(/\b(?:their|his|her|its|our|my|your)\s+/gi, '').trim();
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** Deterministic translation of a business requirement into a technical spec in the template's shape. */
export function translate(text: string, options: TranslateOptions): Translation {
  const { template } = options;
  const extraction = extract(text);
  const questions = ambiguityQuestions(text);
  const parts = renderParts(extraction, options.idPrefix ?? 'REQ', questions);
  const sections: TranslatedSection[] = [];
  for (const entry of template.sections) {
    // Optional sections stay out unless they carry requirements or criteria.
    if (entry.presence === 'optional' && entry.kind !== 'requirements' && entry.kind !== 'success-criteria') continue;
    const body = sectionBody(entry, template, parts, text);
    if (body) sections.push({ id: entry.id, title: entry.title, kind: entry.kind, body });
  }
  // Templates without a place for requirements or criteria (an RFC) still get them, at the end.
  if (!template.sections.some((entry) => entry.kind === 'requirements')) {
    sections.push({ id: 'requirements', title: 'Requirements', kind: 'requirements', body: [...parts.requirements, ...parts.nonFunctional].join('\n') });
  }
  if (!template.sections.some((entry) => entry.kind === 'success-criteria')) {
    sections.push({ id: 'acceptance-criteria', title: 'Acceptance Criteria', kind: 'success-criteria', body: parts.criteria.join('\n') });
  }
  const title = options.title ?? titleOf(extraction);
  const draft = [`---`, `title: ${JSON.stringify(title)}`, `template: ${template.name}`, `status: Draft`, `---`, '', `# ${title}`, '', ...sections.flatMap((section) => [`## ${section.title}`, '', section.body, '']), ''].join('\n');
  // Wording copied from the request that the language rules would flag gets a clarification marker.
  const wordingRules = new Set(['vague-term', 'escape-clause', 'open-ended-clause']);
  const markdown = fixText(draft, (candidate) => {
    const { findings } = lintText({ text: candidate, template });
    return findings.filter((finding) => wordingRules.has(finding.ruleId));
  }).text;
  const finalSections = sectionsOf(markdown, template, sections);
  return { extraction, sections: finalSections, markdown, questions };
}

/** Re-reads section bodies from the final Markdown (after clarification markers were added). */
function sectionsOf(markdown: string, template: Template, planned: TranslatedSection[]): TranslatedSection[] {
  const { doc } = lintText({ text: markdown, template });
  return planned.map((section) => {
    const heading = doc.sections.find((candidate) => candidate.level === 2 && candidate.title === section.title);
    const body = heading ? markdown.slice(heading.headingRange.end, heading.range.end).trim() : section.body;
    return { ...section, body };
  });
}

/**
 * Edits that put a translation into an existing spec: each section's content is appended to
 * the matching section, or the section is inserted at its template position.
 */
export function insertionEdits(doc: SpecDocument, template: Template, translation: Translation): TextEdit[] {
  const match = matchTemplate(doc, template);
  const eol = doc.lines.eol;
  const edits: TextEdit[] = [];
  for (const section of translation.sections) {
    const existing = match.byId.get(section.id);
    const body = section.body.replace(/\n/g, eol);
    if (existing) {
      edits.push(blockInsertion(doc.text, existing.section.range.end, body, eol));
      continue;
    }
    const templateSection = template.sections.find((entry) => entry.id === section.id) ?? { id: section.id, title: section.title, aliases: [], kind: 'other' as const, presence: 'optional' as const };
    edits.push(missingSectionEdit(doc, template.sections.some((entry) => entry.id === section.id) ? template : { ...template, sections: [...template.sections, templateSection] }, match, { ...templateSection, scaffold: section.body }));
  }
  return edits;
}
