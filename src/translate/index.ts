import { lintText } from '../api.js';
import { fixText } from '../core/fix-all.js';
import type { TextEdit } from '../core/fix.js';
import type { SpecDocument } from '../core/model.js';
import { parseSpec } from '../core/parse.js';
import type { Template } from '../core/template.js';
import { matchTemplate } from '../core/template-match.js';
import { conventionsOf } from './conventions.js';
import { insertionEdits } from './insert.js';
import { phrasePattern } from '../core/wording.js';
import { ESCAPE_CLAUSES } from '../rules/escape-clause.js';
import { OPEN_ENDED_CLAUSES } from '../rules/open-ended-clause.js';
import { VAGUE_TERMS } from '../rules/vague-term.js';
import { outcomeClause } from './ears.js';
import { SYSTEM_VOICE } from './lexicon.js';
import { capitalize, createEnglish, type English } from './english.js';
import { loadCompromise } from './language-compromise.js';
import type { Language } from './language.js';
import type { Capability, Extraction } from './model.js';
import { readRequest } from './parse.js';
import { nextId, renderParts, sectionBody, type CriterionStyle, type Numbering, type Parts } from './render.js';

export type { Capability, Extraction } from './model.js';
export { insertionEdits } from './insert.js';

export interface SpecEdits {
  kind: 'edits';
  edits: TextEdit[];
  /** Requirement and NFR ids added, in order. */
  ids: string[];
}

/**
 * A translation planned into an existing spec: ids continue after the spec's highest of each
 * family, criteria take the spec's style, rows join its tables. The text is the spec as it is now.
 */
export async function translateInto(specText: string, template: Template, request: string, options: { language?: Language } = {}): Promise<SpecEdits | NoRequirement> {
  const doc = parseSpec(specText);
  const { numbering, style } = conventionsOf(doc, matchTemplate(doc, template), templateStyle(template));
  const { extraction, parts } = await translateParts(request, { style, numbering, language: options.language });
  if (!parts) return { kind: 'none', extraction, message: NO_REQUIREMENT_MESSAGE, markdown: '' };
  return { kind: 'edits', edits: insertionEdits(doc, template, parts, request), ids: parts.ids };
}

/** The id a new requirement of this spec gets: its own family (FR, REQ), numbered and padded as it numbers them. */
export function nextRequirementId(doc: SpecDocument, template: Template): string {
  const { numbering } = conventionsOf(doc, matchTemplate(doc, template), templateStyle(template));
  return nextId(numbering, numbering.requirement);
}

export interface TranslateOptions {
  template: Template;
  /** Prefix of functional requirement ids (default REQ; FR for spec-kit). */
  idPrefix?: string;
  /** Title of the generated spec (default: from the first capability). */
  title?: string;
  /** The NLP library behind the parser (default: compromise). */
  language?: Language;
}

export interface TranslatedSection {
  id: string;
  title: string;
  kind: string;
  body: string;
}

export interface Translation {
  kind: 'spec';
  extraction: Extraction;
  parts: Parts;
  sections: TranslatedSection[];
  /** A complete spec in the template's shape. */
  markdown: string;
  /** Open questions found in the request's wording. */
  questions: string[];
}

export interface NoRequirement {
  kind: 'none';
  extraction: Extraction;
  /** Says why nothing was produced. */
  message: string;
  markdown: '';
}

export type TranslationResult = Translation | NoRequirement;

export const NO_REQUIREMENT_MESSAGE =
  'No requirement found, nothing translated: no sentence says what the system or its users must do (such as "Store managers should be able to reorder from the supplier portal").';

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
    questions.push(`- What does "${match[0]}" mean in "…${excerpt}…"? ${capitalize(hint)}. [NEEDS CLARIFICATION: answer, owner, date]`);
  }
  return questions;
}

/** The first words of a phrase, up to a preposition, comma or bracket after the third word. */
function shortTitle(text: string): string {
  const words = text.replace(/[.,;:]+$/, '').split(/\s+/);
  let cut = words.findIndex((word, index) => index >= 3 && (/^(?:of|to|from|for|with|in|on|at|by|about|without|within|across|when|if|while|before|after|through|via|into|so)$/i.test(word) || /^\(/.test(word)));
  if (cut < 0 || cut > 8) cut = Math.min(words.length, 8);
  const comma = words.findIndex((word, index) => index >= 2 && index < cut && /,$/.test(word));
  let kept = words.slice(0, comma > 0 ? comma + 1 : cut).map((word) => word.replace(/,$/, ''));
  while (kept.length > 2 && /^(?:the|a|an|and|or|of|to|their|its|his|her|with|for|that|which)$/i.test(kept[kept.length - 1])) kept = kept.slice(0, -1);
  return capitalize(kept.join(' '));
}

function titleOf(capability: Capability, english: English): string {
  const object = capability.object.replace(/^(?:their|his|her|its)\s+/i, '');
  let text: string;
  if (capability.form === 'ensure') text = outcomeClause(capability, english);
  else if (capability.form === 'provide') text = `${object.replace(/^(?:a|an|some|one)\s+/i, '')} ${capability.rest}`;
  else if (capability.form === 'allow' && SYSTEM_VOICE[capability.verb] && object) text = `${SYSTEM_VOICE[capability.verb]} ${object}`;
  else if (object || capability.subject === 'the system') text = `${capability.verb} ${object} ${capability.rest}`;
  else text = `${capability.subject.replace(/^the\s+/i, '')} ${english.thirdPerson(capability.verb)} ${capability.rest}`;
  return shortTitle(text.trim());
}

/** Criteria in the template's own form: EARS for Kiro-style requirements, SC-### for spec-kit. */
export function templateStyle(template: Template): { style: CriterionStyle; requirement: string; criterion: string; width: number } {
  if (template.sections.some((section) => /SC-0/.test(section.scaffold ?? ''))) return { style: 'spec-kit', requirement: 'FR', criterion: 'SC', width: 3 };
  if (template.sections.some((section) => /\bWHEN\b.*\bSHALL\b/.test(section.scaffold ?? ''))) return { style: 'ears', requirement: 'REQ', criterion: 'AC', width: 0 };
  return { style: 'given-when-then', requirement: 'REQ', criterion: 'AC', width: 0 };
}

export interface RenderOptions {
  style: CriterionStyle;
  numbering: Numbering;
  language?: Language;
  /** Names the spec and its milestones; default: from the first capability. */
  title?: string;
}

/** The request read and written as parts; no parts when it holds no requirement. */
export async function translateParts(text: string, options: RenderOptions): Promise<{ extraction: Extraction; parts?: Parts; english: English; title?: string }> {
  const language = options.language ?? (await loadCompromise());
  const english = createEnglish(language);
  const extraction = readRequest(text, language, english);
  if (extraction.capabilities.length === 0) return { extraction, english };
  const title = options.title ?? titleOf(extraction.capabilities[0], english);
  return { extraction, english, title, parts: renderParts(extraction, options.numbering, options.style, english, ambiguityQuestions(text), title) };
}

/** Deterministic translation of a business request into a technical spec in the template's shape. */
export async function translate(text: string, options: TranslateOptions): Promise<TranslationResult> {
  const { template } = options;
  const shape = templateStyle(template);
  const numbering: Numbering = { requirement: options.idPrefix ?? shape.requirement, criterion: shape.criterion, width: shape.width, next: {} };
  const { extraction, parts, title } = await translateParts(text, { style: shape.style, numbering, language: options.language, title: options.title });
  if (!parts) return { kind: 'none', extraction, message: NO_REQUIREMENT_MESSAGE, markdown: '' };
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
  const draft = [`---`, `title: ${JSON.stringify(title)}`, `template: ${template.name}`, `status: Draft`, `---`, '', `# ${title}`, '', ...sections.flatMap((section) => [`## ${section.title}`, '', section.body, '']), ''].join('\n');
  // Wording copied from the request that the language rules would flag gets a clarification marker.
  const wordingRules = new Set(['vague-term', 'escape-clause', 'open-ended-clause']);
  const markdown = fixText(draft, (candidate) => lintText({ text: candidate, template }).findings.filter((finding) => wordingRules.has(finding.ruleId))).text;
  return { kind: 'spec', extraction, parts, sections: sectionsOf(markdown, template, sections), markdown, questions: parts.questions };
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

