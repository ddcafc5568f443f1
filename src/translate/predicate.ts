// A predicate ("see low-stock alerts quickly, even when the Wi-Fi is down, and reorder from
// the supplier portal") cut into one verb phrase per capability, each with its conditions.
import { SUBORDINATORS } from './lexicon.js';
import { hasFeature, type Token } from './language.js';
import type { ConditionKind } from './model.js';
import { depths, isBaseVerb, isBe, isParticiple, isPunct, isWord, lower, modalAt, nounPhraseEnd, startsNounPhrase, startsPredicate, wordsAt } from './phrases.js';

export interface RawCondition {
  kind: ConditionKind | 'negated';
  tokens: Token[];
}

export interface Conjunct {
  tokens: Token[];
  /** A new subject ("…, and the customer gets a copy"): the tokens of its noun phrase. */
  subject?: Token[];
  /** "with duplicates merged": a passive capability on the subject. */
  absolute?: boolean;
  /** "…, and if the appeal is rejected, tell them why": the conjunct opens with its own condition. */
  leading?: boolean;
  /** "be inspected and restocked": a participle that shares the first conjunct's "be". */
  passive?: boolean;
  conditions: RawCondition[];
}

/**
 * The token at index read as a verb, by asking the tagger about it in a verb's position
 * ("they issue refunds", "it instantiates without error"); undefined when it is no verb.
 */
export type VerbReading = (tokens: readonly Token[], index: number, subject?: 'they' | 'it' | 'to') => Token | undefined;

const SKIP_ADVERBS = new Set(['also', 'then', 'always', 'still', 'additionally']);

export function subordinatorAt(tokens: readonly Token[], index: number): { kind: RawCondition['kind']; length: number } | undefined {
  for (const entry of SUBORDINATORS) {
    if (wordsAt(tokens, index, entry.words)) return { kind: entry.kind, length: entry.words.length };
  }
  return undefined;
}

/**
 * Whether tokens (a subordinator and what follows) hold a finite verb, so "when a quiz closes"
 * is a clause and "after inspection" is not; "when the driver leaves" too, though tagged a noun.
 */
export function hasClauseVerb(tokens: readonly Token[], verbReading?: VerbReading): boolean {
  if (tokens.some((token, index) => index > 0 && (token.pos === 'VERB' || token.pos === 'AUX' || isBe(token)) && !hasFeature(token, 'gerund'))) return true;
  if (!verbReading) return false;
  const subjectEnd = nounPhraseEnd(tokens, 1, { of: true, subject: true });
  if (subjectEnd > 1 && verbReading(tokens, subjectEnd, 'it')) return true;
  // "the driver leaves": the last word of the phrase, tagged a plural noun, is the verb.
  const last = subjectEnd - 1;
  return last > 2 && /s$/.test(tokens[last].lower) && !!verbReading(tokens, last, 'it');
}

function skipAdverbs(tokens: readonly Token[], index: number): number {
  while (SKIP_ADVERBS.has(lower(tokens[index])) || (isWord(tokens[index], 'then') && index > 0)) index++;
  return index;
}

interface SplitState {
  passive: boolean;
  bareFirst: boolean;
  verbFirst: boolean;
  present: boolean;
  /** A verb phrase was already split off: a list of verb phrases continues ("view grades, message teachers and book …"). */
  verbList: boolean;
}

const OBJECT_PRONOUN = /^(?:them|it|him|her|me|us)$/;

/** Whether a noun phrase and the verb after it agree, as a clause's subject and verb must ("a gift card instead" is no clause). */
function agrees(subject: readonly Token[], verb: Token): boolean {
  if (verb.pos === 'AUX' || modalAtToken(verb) || hasFeature(verb, 'past')) return true;
  const head = subject[subject.length - 1];
  const plural = hasFeature(head, 'plural') || head.pos === 'PRON';
  return plural ? !hasFeature(verb, 'present3') : hasFeature(verb, 'present3') || isBe(verb);
}

const modalAtToken = (token: Token) => /^(?:should|must|shall|will|would|could|can|needs?|has|have|wants?)$/.test(token.lower);

/** What starts at `index` after a separator, if a new conjunct does. */
function conjunctKind(tokens: readonly Token[], index: number, separatorHasAnd: boolean, state: SplitState, verbReading: VerbReading): 'vp' | 'clause' | 'condition' | 'absolute' | undefined {
  const start = skipAdverbs(tokens, index);
  const token = tokens[start];
  const next = tokens[start + 1];
  if (!token) return undefined;
  const sub = subordinatorAt(tokens, start);
  if (sub) {
    const comma = tokens.findIndex((candidate, at) => at > start && isPunct(candidate, ','));
    return separatorHasAnd && !isWord(token, 'where') && comma > 0 && hasClauseVerb(tokens.slice(start, comma), verbReading) ? 'condition' : undefined;
  }
  if (isWord(token, 'with') && startsNounPhrase(next)) {
    const end = nounPhraseEnd(tokens, start + 1);
    if (end > start + 1 && isParticiple(tokens[end])) return 'absolute';
  }
  if (isWord(token, 'so')) return undefined;
  if (modalAt(tokens, start) && !modalAt(tokens, start)!.wantsObject) return 'vp';
  if (isWord(token, 'never', 'not', 'only') && (isBaseVerb(next) || isParticiple(next) || isBe(next))) return 'vp';
  // "search results must load …": a noun run with its own modal is a new clause, whatever the tags say.
  for (let end = start + 1; end < Math.min(tokens.length, start + 6); end++) {
    if (modalAt(tokens, end) && tokens.slice(start, end).every((candidate) => /^(?:NOUN|VERB|ADJ|PROPN|NUM|DET)$/.test(candidate.pos))) return 'clause';
    if (!/^(?:NOUN|VERB|ADJ|PROPN|NUM|DET)$/.test(tokens[end].pos)) break;
  }
  if ((isBe(token) || isWord(token, 'get')) && (isParticiple(next) || next?.pos === 'ADJ' || isWord(next, 'able'))) return 'vp';
  const listItem = isPunct(next, ',') || isWord(next, 'and', 'or') || !next || isPunct(next);
  // "by size, colour and price": a bare word in a list is a noun unless the list is of verbs.
  if (listItem && !state.bareFirst) {
    if (state.passive && isParticiple(token)) return 'vp';
  } else if (state.present) {
    if (hasFeature(token, 'present3') || (/s$/.test(token.lower) && verbReading(tokens, start, 'it'))) return 'vp';
  } else {
    if (isBaseVerb(token)) return 'vp';
    if (state.passive && isParticiple(token) && (token.pos === 'VERB' || token.pos === 'ADJ')) return 'vp';
    // "and issue refunds", "and sync them": the tagger's noun reading, corrected in a verb's place.
    const verbal = state.verbFirst && /^(?:NOUN|VERB|ADJ|ADV)$/.test(token.pos) && !hasFeature(token, 'plural') && !hasFeature(token, 'present3') && verbReading(tokens, start);
    // A word with "them" or "it" right after it is a verb, whatever the lexicon says ("preview them").
    if (state.verbFirst && OBJECT_PRONOUN.test(lower(next)) && /^(?:NOUN|VERB|ADJ)$/.test(token.pos) && !hasFeature(token, 'plural')) return 'vp';
    // An adjective is a verb only with an object after it ("complete them"), not "deserializable without …".
    const objectFollows = OBJECT_PRONOUN.test(lower(next)) || next?.pos === 'DET' || hasFeature(next, 'possessive');
    if (verbal && (token.pos !== 'ADJ' || objectFollows)) {
      if (objectFollows || next?.pos === 'VERB' || next?.pos === 'ADP') return 'vp';
      // "scrap rate", "temperature readings": a noun compound, unless a list of verb phrases is under
      // way or the word reads as a verb even without a subject to force it ("to track the …").
      if (state.verbList || next?.pos !== 'NOUN' || verbReading(tokens, start, 'to')) return 'vp';
    }
  }
  if (startsNounPhrase(token) && !isWord(token, 'all', 'any', 'only')) {
    const end = nounPhraseEnd(tokens, start, { of: true, subject: true });
    if (end > start && startsPredicate(tokens, end) && !hasFeature(tokens[end], 'gerund') && agrees(tokens.slice(start, end), tokens[end])) return 'clause';
  }
  return undefined;
}

/** Cuts a predicate at ",", "and", "or", "then" where a new verb phrase or clause begins. */
export function splitConjuncts(input: readonly Token[], verbReading: VerbReading, options: { present?: boolean } = {}): Conjunct[] {
  const tokens = [...input];
  const depth = depths(tokens);
  const first = skipAdverbs(tokens, 0);
  const firstVerb = isBaseVerb(tokens[first]) ? tokens[first] : verbReading(tokens, first, options.present ? 'it' : 'they');
  if (firstVerb && tokens[first]) tokens[first] = firstVerb;
  const state: SplitState = {
    passive: (isBe(tokens[first]) || isWord(tokens[first], 'get')) && isParticiple(tokens[first + 1]),
    bareFirst: !!firstVerb && (isPunct(tokens[first + 1], ',') || isWord(tokens[first + 1], 'and', 'or')),
    verbFirst: !!firstVerb,
    present: !!options.present || hasFeature(tokens[first], 'present3'),
    verbList: false,
  };
  const conjuncts: Conjunct[] = [];
  let start = 0;
  for (let index = 1; index < tokens.length; index++) {
    if (depth[index] > 0) continue;
    const token = tokens[index];
    const isSeparator = isPunct(token, ',') || isWord(token, 'and', 'or') || (isWord(token, 'as') && wordsAt(tokens, index, ['as', 'well', 'as']));
    if (!isSeparator) continue;
    let after = index + 1;
    let hasAnd = isWord(token, 'and', 'or');
    if (isWord(token, 'as')) after = index + 3;
    else if (isPunct(token, ',') && isWord(tokens[after], 'and', 'or', 'then')) {
      hasAnd = true;
      after++;
    }
    const kind = conjunctKind(tokens, after, hasAnd, state, verbReading);
    if (!kind) continue;
    const begin = skipAdverbs(tokens, after);
    if (kind === 'vp' && tokens[begin].pos !== 'VERB' && !isBe(tokens[begin])) tokens[begin] = verbReading(tokens, begin, state.present ? 'it' : 'they') ?? { ...tokens[begin], pos: 'VERB', lemma: tokens[begin].lower };
    if (kind === 'vp') state.verbList = true;
    conjuncts.push({ tokens: tokens.slice(start, index), conditions: [] });
    start = skipAdverbs(tokens, after);
    index = after;
    // The comma that closes the conjunct's own condition is not another boundary.
    if (kind === 'condition') index = tokens.findIndex((candidate, at) => at > after && isPunct(candidate, ','));
  }
  conjuncts.push({ tokens: tokens.slice(start), conditions: [] });
  // The first conjunct follows the modal: it is a verb phrase, never a new subject.
  const shaped = conjuncts.map((conjunct, index) => shape(conjunct, index > 0, verbReading));
  if (state.passive) {
    for (const conjunct of shaped.slice(1)) {
      const head = conjunct.tokens[skipAdverbs(conjunct.tokens, 0)];
      const verbAt = conjunct.tokens.findIndex((token) => !isWord(token, 'never', 'not', 'only', 'also', 'then'));
      if (!conjunct.subject && isParticiple(conjunct.tokens[verbAt]) && !isBe(head)) conjunct.passive = true;
    }
  }
  return shareObjects(shaped);
}

/** "request, change and cancel holiday": a verb without an object takes the next conjunct's object and the rest. */
function shareObjects(conjuncts: Conjunct[]): Conjunct[] {
  for (let index = conjuncts.length - 2; index >= 0; index--) {
    const conjunct = conjuncts[index];
    const next = conjuncts[index + 1];
    if (conjunct.subject || next.subject || conjunct.tokens.length === 0) continue;
    const bare = conjunct.tokens.filter((token) => !isWord(token, 'be', 'get', 'never', 'not', 'only', 'also'));
    if (bare.length !== 1 || next.tokens.length < 2) continue;
    const lead = next.tokens.findIndex((token) => token.pos === 'VERB' || isParticiple(token) || token.pos === 'NOUN' || token.pos === 'ADJ');
    conjunct.tokens = [...conjunct.tokens, ...next.tokens.slice(lead + 1)];
    conjunct.conditions = [...conjunct.conditions, ...next.conditions];
  }
  return conjuncts;
}

/** Finds a conjunct's own subject, leading condition or absolute construction, and its trailing conditions. */
function shape(conjunct: Conjunct, mayHaveSubject: boolean, verbReading: VerbReading): Conjunct {
  let tokens = conjunct.tokens;
  const conditions: RawCondition[] = [];
  const sub = subordinatorAt(tokens, 0);
  let leading = false;
  if (sub) {
    const comma = tokens.findIndex((token, index) => index > 0 && isPunct(token, ','));
    if (comma > 0) {
      conditions.push({ kind: sub.kind, tokens: tokens.slice(sub.length, comma) });
      tokens = tokens.slice(comma + 1);
      leading = true;
    }
  }
  let subject: Token[] | undefined;
  let absolute = false;
  if (!mayHaveSubject) {
    // No subject to find.
  } else if (isWord(tokens[0], 'with') && startsNounPhrase(tokens[1])) {
    const end = nounPhraseEnd(tokens, 1);
    if (isParticiple(tokens[end])) {
      subject = tokens.slice(1, end);
      tokens = tokens.slice(end);
      absolute = true;
    }
  } else if (startsNounPhrase(tokens[0]) || modalWithin(tokens)) {
    const modal = modalWithin(tokens);
    const end = modal > 0 ? modal : isBaseVerb(tokens[0]) ? 0 : nounPhraseEnd(tokens, 0, { of: true, subject: true });
    if (end > 0 && startsPredicate(tokens, end)) {
      subject = tokens.slice(0, end);
      tokens = tokens.slice(end);
    }
  }
  const trailing = trailingConditions(tokens, verbReading);
  return { tokens: trailing.tokens, subject, absolute, leading, conditions: [...conditions, ...trailing.conditions] };
}

/** Where a modal follows a short noun run at the start ("search results must load"), or -1. */
function modalWithin(tokens: readonly Token[]): number {
  for (let end = 1; end < Math.min(tokens.length, 6); end++) {
    if (modalAt(tokens, end)) return tokens.slice(0, end).every((token) => /^(?:NOUN|VERB|ADJ|PROPN|NUM|DET)$/.test(token.pos)) ? end : -1;
    if (!/^(?:NOUN|VERB|ADJ|PROPN|NUM|DET)$/.test(tokens[end].pos)) return -1;
  }
  return -1;
}

/** "… when a login fails", "…, even when the store Wi-Fi is down, …": out of the verb phrase, into conditions. */
export function trailingConditions(tokens: readonly Token[], verbReading?: VerbReading): { tokens: Token[]; conditions: RawCondition[] } {
  const depth = depths(tokens);
  const kept: Token[] = [];
  const conditions: RawCondition[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const sub = index > 0 && depth[index] === 0 ? subordinatorAt(tokens, index) : undefined;
    if (sub && !isWord(tokens[index], 'where')) {
      let end = index + sub.length;
      while (end < tokens.length && !(isPunct(tokens[end], ',', ';') && depth[end] === 0)) end++;
      const clause = tokens.slice(index + sub.length, end);
      if (hasClauseVerb([tokens[index], ...clause], verbReading)) {
        conditions.push({ kind: sub.kind, tokens: clause });
        if (isPunct(kept[kept.length - 1], ',')) kept.pop();
        index = end;
        continue;
      }
    }
    kept.push(tokens[index]);
  }
  while (isPunct(kept[kept.length - 1], ',', ';', ':', '.')) kept.pop();
  return { tokens: kept, conditions };
}
