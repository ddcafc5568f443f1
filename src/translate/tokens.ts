// Turns a tagger's word spans into the translation's tokens: punctuation becomes tokens of
// its own, and words written together stay one token ("Wi-Fi", "low-stock", "`--interactive`").
import type { Feature, Pos, Token } from './language.js';

export interface Span {
  start: number;
  end: number;
  text: string;
  pos: Pos;
  lemma: string;
  features: Set<Feature>;
}

/** Code spans, paths and dotted file names are one opaque token. */
const OPAQUE = /`[^`\n]+`|(?<![\w/])(?:\.?[\w-]+\/)+[\w.-]*|\b[\w-]+\.(?:md|json|jsonc|ya?ml|ts|js|txt|csv)\b/g;
/** Joiners that make one word of two when nothing separates them. */
const JOINER = /^[-/]$/;

/** The punctuation in the text between two words, each with the whitespace before it, and the whitespace left over. */
function splitGap(gap: string): { punctuation: { text: string; space: string }[]; space: string } {
  const punctuation: { text: string; space: string }[] = [];
  let space = '';
  for (const match of gap.matchAll(/\s+|\.{3}|--|[^\s]/g)) {
    if (/^\s+$/.test(match[0])) space += match[0];
    else {
      punctuation.push({ text: match[0], space });
      space = '';
    }
  }
  return { punctuation, space };
}

function merged(parts: Span[], text: string, features: Set<Feature>): Span {
  const last = parts[parts.length - 1];
  const verbal = last.pos === 'VERB' && (last.features.has('gerund') || last.features.has('participle') || last.features.has('past'));
  const pos: Pos = parts.some((part) => part.pos === 'PROPN') ? 'PROPN' : verbal ? 'ADJ' : last.pos;
  const combined = new Set<Feature>([...features, ...(parts.some((part) => part.features.has('value')) ? (['value'] as Feature[]) : []), ...(last.features.has('plural') ? (['plural'] as Feature[]) : [])]);
  return { start: parts[0].start, end: last.end, text, pos, lemma: text.toLowerCase(), features: combined };
}

/** Joins spans inside an opaque region, and spans separated only by a hyphen or a slash. */
function joinSpans(source: string, spans: Span[]): Span[] {
  const regions = [...source.matchAll(OPAQUE)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const result: Span[] = [];
  for (const span of spans) {
    const region = regions.find((candidate) => span.start < candidate.end && span.end > candidate.start);
    const previous = result[result.length - 1];
    if (region) {
      if (previous && previous.start >= region.start && previous.features.has('code')) {
        result[result.length - 1] = { ...previous, end: Math.max(previous.end, region.end), text: source.slice(previous.start, Math.max(previous.end, region.end)) };
      } else {
        const start = Math.min(span.start, region.start);
        const end = Math.max(span.end, region.end);
        result.push({ start, end, text: source.slice(start, end), pos: 'NOUN', lemma: source.slice(start, end), features: new Set(['code']) });
      }
      continue;
    }
    if (previous && !previous.features.has('code') && JOINER.test(source.slice(previous.end, span.start)) && /\w$/.test(previous.text) && /^\w/.test(span.text)) {
      const parts = [previous, span];
      result[result.length - 1] = merged(parts, source.slice(previous.start, span.end), new Set([...previous.features].filter((feature) => feature === 'person')));
      continue;
    }
    result.push(span);
  }
  return result;
}

function punctuationToken(text: string, space: string): Token {
  return { text, lower: text, lemma: text, pos: 'PUNCT', features: new Set(), space };
}

export function tokensFromSpans(source: string, spans: Span[], from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let cursor = from;
  for (const span of joinSpans(source, spans)) {
    if (span.start < cursor) continue;
    const gap = splitGap(source.slice(cursor, span.start));
    for (const mark of gap.punctuation) tokens.push(punctuationToken(mark.text, tokens.length === 0 ? '' : mark.space));
    tokens.push({ text: span.text, lower: span.text.toLowerCase(), lemma: span.lemma, pos: span.pos, features: span.features, space: tokens.length === 0 ? '' : gap.space });
    cursor = span.end;
  }
  for (const mark of splitGap(source.slice(cursor, Math.max(cursor, to))).punctuation) tokens.push(punctuationToken(mark.text, mark.space));
  return tokens;
}
