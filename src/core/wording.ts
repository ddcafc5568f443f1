import { z } from 'zod';
import { plainText } from './markdown.js';
import type { OffsetRange } from './positions.js';
import { isTraceUnit, requirementIndexOf, unitsOf } from './requirements.js';
import type { AnalysisContext } from './rule.js';
import { unitRange, type TextUnit } from './units.js';

/** Options every wording rule takes; terms are literal phrases, never regular expressions. */
export const wordingOptionsSchema = z.strictObject({
  extraTerms: z.array(z.string().min(1)).default([]).describe('More phrases to flag (matched literally, case-insensitive).'),
  ignoreTerms: z.array(z.string().min(1)).default([]).describe('Built-in phrases not to flag.'),
});

export type WordingOptions = z.infer<typeof wordingOptionsSchema>;

/** A phrase as a pattern: its characters literal, any run of whitespace between its words. */
export function escapeLiteral(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/**
 * One alternation of escaped literals between word boundaries: no nested quantifiers,
 * so matching is linear in the text. Longer phrases are tried first.
 */
const compiledPatterns = new Map<string, RegExp>();

/** One pattern per phrase list, compiled once: every file and every check reuses it. */
export function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const unique = [...new Set(phrases.map((phrase) => phrase.trim().toLowerCase()).filter(Boolean))];
  if (unique.length === 0) return undefined;
  unique.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const source = `(?<![\\p{L}\\p{N}_-])(?:${unique.map(escapeLiteral).join('|')})(?![\\p{L}\\p{N}_-])`;
  let pattern = compiledPatterns.get(source);
  if (!pattern) compiledPatterns.set(source, (pattern = new RegExp(source, 'giu')));
  return pattern;
}

/** The terms to flag: built-in ones minus `ignoreTerms`, plus `extraTerms`. */
export function activeTerms(builtIn: readonly string[], options: WordingOptions): string[] {
  const ignored = new Set(options.ignoreTerms.map((term) => term.toLowerCase().trim()));
  return [...builtIn.filter((term) => !ignored.has(term)), ...options.extraTerms];
}

const MODAL_SHALL = /\bshall\b/i;
const MODAL_REQUIREMENT = /\b(?:shall|must|should|will|may not|cannot)\b/i;
const TESTABLE_ITEM = /\b(?:shall|must|should|will|cannot)\b|\bgiven\b[\s\S]*\bthen\b|^\s*(?:when|if|while|where|then|and)\b/i;
/** Given/When/Then and EARS steps: the whole item is one statement. */
const SCENARIO_STEP = /\bgiven\b[\s\S]*\bthen\b|^\s*(?:when|if|while|where|then|and)\b/i;
const SENTENCE_END = /[.!?](?=\s+["'“(*_`[]?[A-Z0-9])|\n/g;

function sentences(text: string): [number, number][] {
  const result: [number, number][] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    result.push([start, match.index + 1]);
    start = match.index + 1;
  }
  if (start < text.length) result.push([start, text.length]);
  return result;
}

export interface NormativeSpan {
  unit: TextUnit;
  start: number;
  end: number;
  /** A sentence that is normative only through its modal: only the modal's own clause counts. */
  modal?: RegExp;
}

const REQUIREMENT_KINDS = new Set(['requirements', 'user-stories']);
/** Sections that describe (an introduction, the problem, the plan): even "shall" there tells, it does not require. */
const DESCRIPTIVE_KINDS = new Set(['summary', 'problem', 'scope', 'timeline', 'stakeholders', 'release', 'cost', 'open-questions', 'risks', 'dependencies']);

/** "- **FR-012**: ~~FastMath MUST provide fastExp(x)~~ REMOVED": a struck-out statement no longer states anything. */
function isWithdrawn(unit: TextUnit): boolean {
  const paragraph = unit.node.type === 'listItem' ? unit.node.children[0] : unit.node;
  if (!paragraph || paragraph.type !== 'paragraph') return false;
  return paragraph.children.some((child) => child.type === 'delete' && MODAL_REQUIREMENT.test(plainText(child)));
}

/**
 * Text that states requirements: every success criterion; in requirements and user-story
 * sections, the items that define an id or are testable statements (modal, Given/When/Then,
 * EARS steps), reading only their modal sentences when they have some (the rest is
 * rationale), and the modal sentences of requirement paragraphs; "shall" sentences anywhere
 * else. Headings, story narrative, descriptive prose, risks, dependencies and tracking
 * tables are not normative.
 */
export function normativeSpans(context: AnalysisContext): NormativeSpan[] {
  return context.shared('normative-spans', () => {
    const spans: NormativeSpan[] = [];
    const defining = new Set<TextUnit>();
    for (const occurrences of requirementIndexOf(context).definitions.values()) for (const occurrence of occurrences) defining.add(occurrence.unit);
    // In prose only the modal's own clause states; a requirement item's modal sentence states as a whole.
    const modalSentences = (unit: TextUnit, modal: RegExp, wholeSentence = false) => {
      const found: NormativeSpan[] = [];
      for (const [start, end] of sentences(unit.text)) {
        if (modal.test(unit.text.slice(start, end))) found.push(wholeSentence ? { unit, start, end } : { unit, start, end, modal });
      }
      return found;
    };
    for (const unit of unitsOf(context)) {
      if (unit.type === 'heading' || isTraceUnit(unit) || isWithdrawn(unit)) continue;
      const kind = unit.kind;
      const item = unit.type === 'listItem' || unit.type === 'tableRow';
      if (kind === 'success-criteria') {
        spans.push({ unit, start: 0, end: unit.text.length });
      } else if (kind && REQUIREMENT_KINDS.has(kind)) {
        if (!item) {
          // Story narrative ("Why this priority", "Independent Test") describes; requirement paragraphs state.
          if (kind === 'requirements') spans.push(...modalSentences(unit, MODAL_REQUIREMENT));
        } else if (defining.has(unit) || TESTABLE_ITEM.test(unit.text)) {
          const stated = SCENARIO_STEP.test(unit.text) ? [] : modalSentences(unit, MODAL_REQUIREMENT, true);
          spans.push(...(stated.length > 0 ? stated : [{ unit, start: 0, end: unit.text.length }]));
        }
      } else if (!kind || !DESCRIPTIVE_KINDS.has(kind)) {
        spans.push(...modalSentences(unit, MODAL_SHALL));
      }
    }
    return spans;
  });
}

export interface PhraseMatch {
  phrase: string;
  range: OffsetRange;
  unit: TextUnit;
  /** Index of the match in the unit's text. */
  index: number;
}

const CLARIFIED = /^\s*\[NEEDS CLARIFICATION/i;
const CLAUSE_BREAK = /[,;:()]|\s[-–—]\s/;

/**
 * In a modal sentence, a phrase counts only after a modal (and, for words that qualify, in
 * the modal's own clause): in "Some parts must be phased in", "some" describes, it does
 * not require; in "The export must finish, if possible" the escape clause follows a comma.
 */
function afterModal(text: string, modal: RegExp, sameClause: boolean): boolean {
  const global = new RegExp(modal.source, 'gi');
  let last = -1;
  let length = 0;
  for (const match of text.matchAll(global)) {
    last = match.index;
    length = match[0].length;
  }
  return last >= 0 && (!sameClause || !CLAUSE_BREAK.test(text.slice(last + length)));
}

/** Matches of a phrase pattern in normative text, skipping phrases already marked for clarification. */
const patternIds = new WeakMap<RegExp, number>();
let patternCount = 0;

/** A short stable name for a pattern, for memo keys (a phrase list's source runs to kilobytes). */
function patternId(pattern: RegExp | undefined): string {
  if (!pattern) return '';
  let id = patternIds.get(pattern);
  if (id === undefined) patternIds.set(pattern, (id = ++patternCount));
  return `${id}`;
}

/** Matches of a phrase pattern in normative text, skipping phrases already marked for clarification. */
export function findPhrases(context: AnalysisContext, pattern: RegExp, sameClause: boolean): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  for (const span of normativeSpans(context)) {
    const text = span.unit.text.slice(span.start, span.end);
    // The regular expression is the cost; its matches depend on the span's text alone.
    const found = context.remember(`phrases\u0000${patternId(pattern)}\u0000${patternId(span.modal)}\u0000${sameClause}\u0000${text}`, () => {
      const list: [number, string][] = [];
      for (const match of text.matchAll(pattern)) {
        if (span.modal && !afterModal(text.slice(0, match.index), span.modal, sameClause)) continue;
        list.push([match.index, match[0]]);
      }
      return list;
    });
    for (const [at, phrase] of found) {
      const index = span.start + at;
      const range = unitRange(span.unit, index, index + phrase.length);
      if (CLARIFIED.test(context.doc.text.slice(range.end, range.end + 40))) continue;
      matches.push({ phrase, range, unit: span.unit, index });
    }
  }
  return matches;
}

/** A safe fix that keeps the wording and adds a clarification marker after it. */
export function clarifyFix(range: OffsetRange, question: string) {
  return {
    title: `Mark for clarification: ${question}`,
    edits: [{ offset: range.end, length: 0, newText: ` [NEEDS CLARIFICATION: ${question}]` }],
    safe: true,
  };
}

/** Whether an unclosed "(" comes before `index` (nested pairs such as "$()" are skipped). */
export function insideParentheses(text: string, index: number): boolean {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth > 0) depth--;
  }
  return depth > 0;
}
