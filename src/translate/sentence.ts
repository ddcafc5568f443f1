// Token-level handling of a sentence before and around its clauses: trimming, markers,
// semicolons, "so that" benefits, negation.
import type { Token } from './language.js';
import { depths, isPunct, isWord, lower } from './phrases.js';

const DISCOURSE_MARKERS = new Set(['also', 'additionally', 'plus', 'so', 'and', 'finally', 'basically', 'ideally', 'overall', 'then', 'however', 'but']);

/** A synthetic "be" before a participle, so "with duplicates merged" reads as "duplicates be merged". */
export function asPassive(tokens: Token[]): Token[] {
  if (tokens.length === 0) return tokens;
  const be: Token = { text: 'be', lower: 'be', lemma: 'be', pos: 'AUX', features: new Set(), space: '' };
  return [be, { ...tokens[0], space: ' ' }, ...tokens.slice(1)];
}

export function trimEnd(tokens: Token[]): Token[] {
  let end = tokens.length;
  while (end > 0 && isPunct(tokens[end - 1], '.', '!', ';', ':', ',')) end--;
  return tokens.slice(0, end);
}

export function stripDiscourseMarkers(tokens: Token[]): Token[] {
  let index = 0;
  for (;;) {
    if (tokens[index]?.pos === 'INTJ' || DISCOURSE_MARKERS.has(lower(tokens[index]))) index++;
    else if (isWord(tokens[index], 'as') && isWord(tokens[index + 1], 'discussed', 'agreed', 'mentioned', 'requested') && isPunct(tokens[index + 2], ',')) index += 2;
    else break;
    if (isPunct(tokens[index], ',')) index++;
  }
  return tokens.slice(index);
}

export function splitAtSemicolons(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if (isPunct(token, ';')) parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  return parts.filter((part) => part.some((token) => token.pos !== 'PUNCT'));
}

export function topLevelIndex(tokens: Token[], predicate: (token: Token, index: number) => boolean): number {
  const depth = depths(tokens);
  return tokens.findIndex((token, index) => depth[index] === 0 && predicate(token, index));
}

/** "…, so that I can plan staffing": the benefit leaves the requirement. */
export function cutBenefit(tokens: Token[]): { tokens: Token[]; benefit: Token[] } {
  const at = topLevelIndex(tokens, (token, index) => isWord(token, 'so') && index > 0 && (isWord(tokens[index + 1], 'that') || tokens[index + 1]?.pos === 'PRON'));
  if (at < 0) return { tokens, benefit: [] };
  const start = isWord(tokens[at + 1], 'that') ? at + 2 : at + 1;
  const end = isPunct(tokens[at - 1], ',') ? at - 1 : at;
  return { tokens: tokens.slice(0, end), benefit: tokens.slice(start) };
}

/** "the prescriber is on an approved device" → "the prescriber is not on an approved device". */
export function negate(text: string): string {
  const auxiliary = /\b(?:is|are|was|were|has|have|can|will|does|do)\b(?! not)/.exec(text);
  if (auxiliary) return `${text.slice(0, auxiliary.index + auxiliary[0].length)} not${text.slice(auxiliary.index + auxiliary[0].length)}`;
  return `${text} does not hold`;
}

