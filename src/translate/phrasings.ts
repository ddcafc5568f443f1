// The phrasings a request takes: "X should …", "X wants Y to …", "we need a way for X to …",
// "it would be great if …", "let X …", imperatives, present-tense descriptions and decisions.
import type { English } from './english.js';
import { hasFeature, type Token } from './language.js';
import { COMPONENT_HEADS, isPersonNoun, LINKING_VERBS } from './lexicon.js';
import { depths, isBaseVerb, isPunct, isWord, modalAt, nounPhraseEnd, startsNounPhrase, startsPredicate, wordsAt } from './phrases.js';
import { subordinatorAt, type RawCondition, type VerbReading } from './predicate.js';
import type { Unit } from './segment.js';
import { asPassive } from './sentence.js';
import { SYSTEM, type Subject } from './subject.js';

export interface Clause {
  subject: Subject;
  predicate: Token[];
  able: boolean;
  negated: boolean;
  conditions: RawCondition[];
  /** "Partners need an API to …": what the actor is provided with. */
  provided?: Token[];
  /** "The plugin instantiates without error, shows …": behaviour described in the present tense. */
  present?: boolean;
  source: string;
}

/** What the phrasing readers need from the reader. */
export interface PhrasingContext {
  verbReading: VerbReading;
  subject(tokens: Token[]): Subject;
  english: English;
}

const WISH = /^(?:great|nice|good|helpful|useful|ideal|awesome|better|brilliant|amazing|fantastic|cool)$/;
const INSTRUMENTS = /^(?:api|apis|tool|tools|way|command|commands|button|buttons|option|options|screen|feature|interface|endpoint|endpoints|shortcut|app|bot)$/;

export function clauseOf(tokens: Token[], unit: Unit, conditions: RawCondition[], source: string, context: PhrasingContext): Clause | undefined {
  const base = { conditions, source, negated: false };
  // "It would be great if drivers could see …"
  let hypothetical = false;
  if (wordsAt(tokens, 0, ['it', 'would', 'be']) || wordsAt(tokens, 0, ["it'd", 'be'])) {
    const at = tokens.findIndex((token) => isWord(token, 'if'));
    if (at > 0 && at <= 5 && tokens.slice(0, at).some((token) => WISH.test(token.lower))) {
      tokens = tokens.slice(at + 1);
      hypothetical = true;
    }
  }
  // "volunteers got a text": a plural subject the tagger read as a verb.
  if (tokens[0]?.pos === 'VERB' && hasFeature(tokens[0], 'present3') && startsPredicate(tokens, 1)) {
    tokens = [{ ...tokens[0], pos: 'NOUN', lemma: context.english.singular(tokens[0].lower), features: new Set(['plural']) }, ...tokens.slice(1)];
  }
  const way = wayFor(tokens, context);
  if (way) return { ...base, ...way };
  // "Let loyalty members redeem points …"
  if (isWord(tokens[0], 'let') && !isWord(tokens[1], 'me', 'us', "'s")) {
    const verb = letVerb(tokens, context);
    if (verb > 1) return { ...base, subject: context.subject(tokens.slice(1, verb)), predicate: tokens.slice(verb), able: true };
  }
  const depth = depths(tokens);
  for (let index = 0; index < tokens.length; index++) {
    if (depth[index] > 0) continue;
    if (subordinatorAt(tokens, index) && index > 0) break;
    const modal = modalAt(tokens, index);
    if (!modal) continue;
    // "You should have received …": a supposition, not a requirement.
    if (isWord(tokens[modal.end], 'have') && tokens[modal.end + 1]?.pos === 'VERB') return undefined;
    const subject = context.subject(tokens.slice(0, index));
    const tentative = /^(?:will|would|could)\b/.test(modal.words);
    if (tentative && !hypothetical && subject.kind !== 'component' && subject.kind !== 'system') return undefined;
    if (modal.wantsObject) return wanted(subject, tokens.slice(modal.end), base, context);
    return { ...base, subject, predicate: tokens.slice(modal.end), able: modal.able, negated: modal.negated };
  }
  if (isImperative(tokens, unit, context)) return { ...base, subject: SYSTEM, predicate: tokens, able: false };
  // "Decision: patients get a push notification …"; "The plugin instantiates without error …".
  let end = nounPhraseEnd(tokens, 0, { of: true, subject: true });
  const componentEnd = tokens.findIndex((token, index) => index > 0 && index < end && COMPONENT_HEADS.has(tokens[index - 1].lemma) && /s$/.test(token.lower) && !!context.verbReading(tokens, index, 'it'));
  if (componentEnd > 0) end = componentEnd;
  if (end === 0) return undefined;
  const verb = startsPredicate(tokens, end) ? tokens[end] : context.verbReading(tokens, end, 'it');
  if (!verb) return undefined;
  const subject = context.subject(tokens.slice(0, end));
  const present = subject.kind === 'component' && (hasFeature(verb, 'present3') || /s$/.test(verb.lower)) && !LINKING_VERBS.has(verb.lemma);
  if (!unit.decided && !hypothetical && !present) return undefined;
  return { ...base, subject, predicate: [verb, ...tokens.slice(end + 1)], able: subject.kind === 'actor', present };
}

/**
 * Where the verb starts in "Let <people> <verb> …": a word that can be a verb, not plural,
 * after people ("Let warehouse staff scan pallets", "Let loyalty members redeem points").
 */
function letVerb(tokens: Token[], context: PhrasingContext): number {
  let fallback = -1;
  for (let index = 2; index < tokens.length && !isPunct(tokens[index]); index++) {
    const token = tokens[index];
    if (hasFeature(token, 'plural') || (hasFeature(token, 'present3') && !isBaseVerb(token))) continue;
    const before = tokens[index - 1];
    const people = hasFeature(before, 'person') || isPersonNoun(before.lemma) || isPersonNoun(before.lower);
    const verbal = isBaseVerb(token) || !!context.verbReading(tokens, index, 'to') || (people && !!context.verbReading(tokens, index));
    if (!verbal) continue;
    if (people) return index;
    if (fallback < 0) fallback = index;
  }
  return fallback;
}

/** A list item or a sentence that starts with a verb: "Send a text message when …", "Decision: keep guest checkout". */
function isImperative(tokens: Token[], unit: Unit, context: PhrasingContext): boolean {
  const first = isBaseVerb(tokens[0]) ? tokens[0] : unit.item || unit.decided ? context.verbReading(tokens, 0) : undefined;
  if (!first || isWord(tokens[1], 'you', 'me', 'us', 'everyone', 'all')) return false;
  // "Refill requests pile up on Mondays": a noun compound followed by its verb is a statement.
  let index = 1;
  while (tokens[index] && (tokens[index].pos === 'NOUN' || tokens[index].pos === 'ADJ')) index++;
  if (index > 1 && startsPredicate(tokens, index) && !isWord(tokens[index], 'and', 'or')) return false;
  // "Raj shared the Q2 numbers": a name and a finite verb.
  if (hasFeature(tokens[1], 'past') || hasFeature(tokens[1], 'present3') || tokens[1]?.pos === 'AUX') return false;
  tokens[0] = first;
  return true;
}

/** "We need a way for nurses to hand over shift notes", "there should be a way to …". */
function wayFor(tokens: Token[], context: PhrasingContext): Omit<Clause, 'conditions' | 'source' | 'negated'> | undefined {
  const way = tokens.findIndex((token, index) => isWord(token, 'way', 'ability', 'option', 'means') && isWord(tokens[index - 1], 'a', 'an', 'the', 'some'));
  if (way < 1 || way > 5) return undefined;
  const lead = tokens.slice(0, way - 1).map((token) => token.lower).join(' ');
  if (!/^(?:we|i|they|you)? ?(?:need|needs|want|wants|would like|require|requires|must have|should have)$|^there (?:should|must|needs to|has to) be$/.test(lead)) return undefined;
  let index = way + 1;
  let subject: Subject = SYSTEM;
  if (isWord(tokens[index], 'for')) {
    const to = tokens.findIndex((token, at) => at > index && isWord(token, 'to'));
    if (to < 0) return undefined;
    subject = context.subject(tokens.slice(index + 1, to));
    index = to;
  }
  if (!isWord(tokens[index], 'to')) return undefined;
  return { subject, predicate: tokens.slice(index + 1), able: subject.kind === 'actor' };
}

/** "X wants Y to …", "X needs an API to …", "I want YAML front matter added to …", "Managers want a checklist". */
function wanted(wanter: Subject, tokens: Token[], base: Pick<Clause, 'conditions' | 'source' | 'negated'>, context: PhrasingContext): Clause | undefined {
  const depth = depths(tokens);
  const to = tokens.findIndex((token, index) => depth[index] === 0 && isWord(token, 'to') && (isBaseVerb(tokens[index + 1]) || isWord(tokens[index + 1], 'be', 'actually', 'automatically', 'clearly', 'only', 'always') || !!context.verbReading(tokens, index + 1)));
  const npEnd = nounPhraseEnd(tokens, 0, { of: true });
  const wanted = tokens.slice(0, to > 0 ? to : npEnd);
  if (to > 0 && !wanted.some((token) => token.pos === 'AUX' || modalAt(wanted, wanted.indexOf(token)))) {
    const head = wanted[Math.max(0, nounPhraseEnd(wanted, 0, { of: false }) - 1)];
    const indefinite = isWord(wanted[0], 'a', 'an', 'some', 'one') || (hasFeature(head, 'plural') && !isWord(wanted[0], 'the', 'their', 'my', 'our', 'all'));
    // "an API to create shipments": a tool and what it is for (a verb with an object).
    const purpose = startsNounPhrase(tokens[to + 2], tokens[to + 3]) || /^(?:NOUN|PROPN)$/.test(tokens[to + 2]?.pos ?? '');
    if (indefinite && INSTRUMENTS.test(head.lower) && wanter.kind === 'actor' && purpose) {
      return { ...base, subject: wanter, predicate: tokens.slice(to + 1), able: true, provided: wanted };
    }
    return { ...base, subject: context.subject(wanted), predicate: tokens.slice(to + 1), able: false };
  }
  // "YAML frontmatter automatically added to template files": a passive on what is wanted.
  let after = npEnd;
  while (isWord(tokens[after], 'automatically', 'always', 'also', 'clearly')) after++;
  const participle = tokens[after];
  if (npEnd > 0 && participle && participle.pos === 'VERB' && (hasFeature(participle, 'past') || hasFeature(participle, 'participle'))) {
    return { ...base, subject: context.subject(tokens.slice(0, npEnd)), predicate: asPassive([participle, ...tokens.slice(npEnd, after), ...tokens.slice(after + 1)]), able: false };
  }
  if (npEnd === 0) return undefined;
  return { ...base, subject: wanter.kind === 'actor' ? wanter : SYSTEM, predicate: [], able: false, provided: tokens };
}
