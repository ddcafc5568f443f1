// Token-level building blocks of the parser: words, noun phrases, modals, verbs, clauses.
import { hasFeature, type Token } from './language.js';

export const lower = (token: Token | undefined) => token?.lower ?? '';

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return !!token && words.includes(token.lower);
}

/** Whether the words start at index i ("as", "soon", "as"). */
export function wordsAt(tokens: readonly Token[], index: number, words: readonly string[]): boolean {
  return words.every((word, offset) => tokens[index + offset]?.lower === word);
}

export const isPunct = (token: Token | undefined, ...marks: string[]) => token?.pos === 'PUNCT' && (marks.length === 0 || marks.includes(token.text));

/** Parenthesis depth before each token, so commas inside "( … )" are not clause boundaries. */
export function depths(tokens: readonly Token[]): number[] {
  let depth = 0;
  return tokens.map((token) => {
    const before = depth;
    if (isPunct(token, '(', '[')) depth++;
    if (isPunct(token, ')', ']')) depth = Math.max(0, depth - 1);
    return Math.min(before, depth);
  });
}

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am']);
export const isBe = (token: Token | undefined) => !!token && BE.has(token.lower);

export const isParticiple = (token: Token | undefined) =>
  !!token && (token.pos === 'VERB' || token.pos === 'ADJ') && (hasFeature(token, 'participle') || hasFeature(token, 'past') || /(?:ed|en|wn|ld|lt|nt|pt|ung|ought)$/.test(token.lower)) && !hasFeature(token, 'gerund');

/** A verb in its base form: what follows "should", "to", "let X", or starts a list item. */
export function isBaseVerb(token: Token | undefined): boolean {
  if (!token || token.pos !== 'VERB') return false;
  if (hasFeature(token, 'gerund') || hasFeature(token, 'present3')) return false;
  return hasFeature(token, 'infinitive') || token.lemma === token.lower;
}

const NP_START = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN']);
const PREDETERMINERS = new Set(['all', 'every', 'each', 'both', 'any', 'only']);

/** Whether a noun phrase can start here ("planning applications": a gerund before a noun starts one too). */
export function startsNounPhrase(token: Token | undefined, next?: Token): boolean {
  if (!token) return false;
  if (NP_START.has(token.pos) || hasFeature(token, 'code')) return true;
  if (token.pos === 'VERB' && (hasFeature(token, 'gerund') || isParticiple(token)) && (next?.pos === 'NOUN' || next?.pos === 'PROPN')) return true;
  if (token.pos === 'PRON') return hasFeature(token, 'possessive') || !/^(?:who|which|that|what)$/.test(token.lower);
  return PREDETERMINERS.has(token.lower);
}

/** Adverbs between a subject and its verb, whatever the tagger calls them. */
const FREQUENCY_ADVERBS = /^(?:still|also|often|always|never|usually|now|already|currently|manually|sometimes|rarely)$/;

/** What may follow a noun phrase's last word: nothing, punctuation, a preposition or a clause word. */
function endsPhrase(token: Token | undefined): boolean {
  if (!token || token.pos === 'PUNCT' || token.pos === 'ADP' || token.pos === 'SCONJ' || token.pos === 'CCONJ' || token.pos === 'ADV' || token.pos === 'ADJ') return true;
  return /^(?:that|which|who|when|if|before|after|until|while|once|to)$/.test(token.lower);
}

/**
 * The end (exclusive) of the noun phrase starting at `start`: determiners, modifiers and
 * nouns, possessives ("a patient's"), and "of" phrases ("a log of every change").
 */
export function nounPhraseEnd(tokens: readonly Token[], start: number, options: { of?: boolean; subject?: boolean } = {}): number {
  let index = start;
  if (PREDETERMINERS.has(lower(tokens[index])) && startsNounPhrase(tokens[index + 1])) index++;
  if (isWord(tokens[index], 'of') && index > start) index++;
  const first = tokens[index];
  if (!first) return start;
  if (first.pos === 'PRON' && !hasFeature(first, 'possessive')) return index + 1;
  if (first.pos === 'VERB' && startsNounPhrase(first, tokens[index + 1])) index++;
  if (first.pos === 'DET' || (first.pos === 'PRON' && hasFeature(first, 'possessive'))) index++;
  let sawNoun = false;
  while (index < tokens.length) {
    const token = tokens[index];
    const next = tokens[index + 1];
    if (sawNoun && FREQUENCY_ADVERBS.test(token.lower)) break;
    // An adjective after the head ("work orders offline") is not part of the phrase.
    if (token.pos === 'ADJ' && sawNoun && !(next && /^(?:NOUN|PROPN|ADJ|NUM)$/.test(next.pos))) break;
    if (hasFeature(token, 'code') || token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'NUM' || token.pos === 'ADJ') {
      sawNoun ||= token.pos !== 'ADJ';
      index++;
      continue;
    }
    if (token.pos === 'VERB' && (hasFeature(token, 'gerund') || isParticiple(token)) && next && (next.pos === 'NOUN' || next.pos === 'PROPN')) {
      index++;
      continue;
    }
    // A verb tag inside a noun phrase ("a text message when", "refund orders that") is a noun.
    // As a subject, a verb after the noun is the predicate ("the tank drops below 20%") unless a
    // predicate follows it ("our field engineers still print"); as an object, a plural-looking
    // verb tag after a noun is a noun ("interview scores side by side").
    if (options.subject && hasFeature(token, 'present3') && sawNoun && (next?.pos === 'ADV' || next?.pos === 'AUX' || FREQUENCY_ADVERBS.test(lower(next)) || modalAt(tokens, index + 1))) {
      index++;
      continue;
    }
    const nounLike = endsPhrase(next) || (hasFeature(token, 'present3') && sawNoun && next?.pos === 'NOUN');
    if (!options.subject && token.pos === 'VERB' && !isParticiple(token) && (sawNoun || index > start) && nounLike && tokens[index - 1]?.pos !== 'VERB') {
      sawNoun = true;
      index++;
      continue;
    }
    if (isPunct(token, "'") && hasFeature(tokens[index - 1], 'plural')) {
      index++;
      continue;
    }
    break;
  }
  if (options.of !== false && isWord(tokens[index], 'of') && startsNounPhrase(tokens[index + 1])) return nounPhraseEnd(tokens, index + 1, options);
  return index;
}

export interface Modal {
  /** Index after the modal and any "be able to". */
  end: number;
  words: string;
  /** "must not", "should never". */
  negated: boolean;
  /** "be able to": the subject is a user who gets a capability. */
  able: boolean;
  /** "want(s)", "need(s)" followed by a noun phrase rather than "to". */
  wantsObject: boolean;
}

const MODAL_SEQUENCES: readonly string[][] = [
  ['would', 'like', 'to'], ['has', 'got', 'to'], ['have', 'got', 'to'], ['is', 'required', 'to'], ['are', 'required', 'to'],
  ['need', 'to'], ['needs', 'to'], ['have', 'to'], ['has', 'to'], ['is', 'to'], ['are', 'to'], ['want', 'to'], ['wants', 'to'],
  ['ought', 'to'], ['should'], ['must'], ['shall'], ['will'], ['would'], ['could'],
];
const WANT_WORDS = new Set(['want', 'wants', 'need', 'needs', 'require', 'requires']);
const MODAL_ADVERBS = new Set(['also', 'only', 'never', 'not', 'always', 'still', 'then', 'additionally', 'really', 'now', 'all']);

/** A requirement modal at index: "should", "needs to", "must also be able to", "wants" + noun phrase. */
export function modalAt(tokens: readonly Token[], index: number): Modal | undefined {
  const sequence = MODAL_SEQUENCES.find((words) => wordsAt(tokens, index, words));
  let end: number;
  let wantsObject = false;
  if (sequence) end = index + sequence.length;
  else if (WANT_WORDS.has(lower(tokens[index])) && startsNounPhrase(tokens[index + 1], tokens[index + 2]) && !isWord(tokens[index + 1], 'to')) {
    end = index + 1;
    wantsObject = true;
  } else return undefined;
  let negated = hasFeature(tokens[end - 1], 'negative');
  while (MODAL_ADVERBS.has(lower(tokens[end])) && !wantsObject && !(isWord(tokens[end], 'all') && !isBaseVerb(tokens[end + 1]))) {
    if (isWord(tokens[end], 'never', 'not')) negated = true;
    if (isWord(tokens[end], 'only')) break;
    end++;
  }
  let able = false;
  if (wordsAt(tokens, end, ['be', 'able', 'to']) || wordsAt(tokens, end, ['be', 'allowed', 'to'])) {
    end += 3;
    able = true;
  }
  return { end, words: tokens.slice(index, end).map((token) => token.lower).join(' '), negated, able, wantsObject };
}

/** Whether a finite verb or modal starts here (used to find a clause after a noun phrase). */
export function startsPredicate(tokens: readonly Token[], index: number): boolean {
  if (FREQUENCY_ADVERBS.test(lower(tokens[index])) && tokens[index + 1]) index++;
  const token = tokens[index];
  if (!token) return false;
  if (modalAt(tokens, index)) return true;
  if (isBe(token) || isWord(token, 'get', 'gets', 'got', 'keep', 'keeps')) return true;
  if (token.pos === 'AUX') return true;
  return token.pos === 'VERB' && !hasFeature(token, 'gerund') && !(isParticiple(token) && !hasFeature(token, 'past'));
}
