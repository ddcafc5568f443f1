// One conjunct's verb phrase: voice, verb (phrasal verbs whole), object and the rest.
import { DITRANSITIVE_VERBS } from './lexicon.js';
import { hasFeature, type Token } from './language.js';
import { isBe, isParticiple, isPunct, isWord, lower, modalAt, nounPhraseEnd, startsNounPhrase, wordsAt } from './phrases.js';

export interface VerbPhrase {
  voice: 'active' | 'passive' | 'copular';
  verb: string;
  /** The verb's tokens as written, for dependency scanning and the source. */
  object: Token[];
  rest: Token[];
  /** "by a category manager": who acts in a passive. */
  agent?: Token[];
  negated: boolean;
  /** Adverbs before the verb that keep their meaning ("only", "automatically"). */
  adverbs: Token[];
  /** The verb's own modal inside a conjunct ("… and should be notified"), and whether it was "be able to". */
  able: boolean;
}

const PARTICLES = new Set(['up', 'in', 'out', 'off', 'on', 'over', 'back', 'down', 'away', 'through', 'into']);
const LEADING_ADVERBS = new Set(['also', 'then', 'always', 'still', 'additionally', 'never', 'not', 'only', 'automatically', 'actually', 'just', 'clearly', 'all']);

function isParticle(token: Token | undefined, next: Token | undefined): boolean {
  if (!token || !PARTICLES.has(token.lower)) return false;
  // "sign in with", "show up in", "hand over shift notes", "check in at": a particle, not a preposition with its object.
  return hasFeature(token, 'particle') || token.pos === 'PART' || !next || !startsNounPhrase(next) || next.pos === 'ADP' || /^(?:up|out|off|back|away|down)$/.test(token.lower);
}

function takeAgent(tokens: Token[]): { rest: Token[]; agent?: Token[] } {
  const by = tokens.findIndex((token, index) => isWord(token, 'by') && (tokens[index + 1]?.pos === 'DET' || hasFeature(tokens[index + 1], 'possessive')));
  if (by < 0) return { rest: tokens };
  const end = nounPhraseEnd(tokens, by + 1);
  return { rest: [...tokens.slice(0, by), ...tokens.slice(end)], agent: tokens.slice(by + 1, end) };
}

export function readVerbPhrase(input: readonly Token[]): VerbPhrase | undefined {
  let tokens = input;
  let index = 0;
  let negated = false;
  let able = false;
  const adverbs: Token[] = [];
  for (;;) {
    if (wordsAt(tokens, index, ['be', 'able', 'to']) || wordsAt(tokens, index, ['be', 'allowed', 'to'])) {
      able = true;
      index += 3;
      continue;
    }
    const modal = modalAt(tokens, index);
    if (modal && !modal.wantsObject) {
      negated ||= modal.negated;
      able ||= modal.able;
      index = modal.end;
      continue;
    }
    // "to quickly understand", "actually modify": adverbs before the verb.
    if ((LEADING_ADVERBS.has(lower(tokens[index])) || (tokens[index]?.pos === 'ADV' && /ly$/.test(lower(tokens[index])))) && tokens[index + 1] && !isPunct(tokens[index + 1])) {
      if (isWord(tokens[index], 'never', 'not')) negated = true;
      else if (!isWord(tokens[index], 'also', 'then', 'always', 'still', 'additionally', 'actually', 'just', 'clearly')) adverbs.push(tokens[index]);
      index++;
      continue;
    }
    break;
  }
  const head = tokens[index];
  if (!head || head.pos === 'PUNCT') return undefined;
  if (isBe(head) || isWord(head, 'get', 'gets', 'got', 'getting')) {
    let next = index + 1;
    while (LEADING_ADVERBS.has(lower(tokens[next])) && tokens[next + 1]) {
      if (isWord(tokens[next], 'never', 'not')) negated = true;
      else adverbs.push(tokens[next]);
      next++;
    }
    const participle = tokens[next];
    if (isParticiple(participle) && (participle.pos === 'VERB' || /ed$/.test(participle.lower))) {
      let verb = participle.lemma;
      let after = next + 1;
      if (isParticle(tokens[after], tokens[after + 1]) && !isWord(tokens[after], 'in', 'on', 'into')) verb = `${verb} ${tokens[after++].lower}`;
      const { rest, agent } = takeAgent(tokens.slice(after));
      return { voice: 'passive', verb, object: [], rest, agent, negated, adverbs, able };
    }
    if (isBe(head)) return { voice: 'copular', verb: 'be', object: [], rest: tokens.slice(index + 1), negated, adverbs, able };
  }
  let verb = head.pos === 'VERB' || head.pos === 'AUX' ? head.lemma : head.lower;
  let cursor = index + 1;
  // "pick it up": the particle follows the pronoun.
  if (tokens[cursor]?.pos === 'PRON' && PARTICLES.has(lower(tokens[cursor + 1])) && !startsNounPhrase(tokens[cursor + 2])) {
    verb = `${verb} ${tokens[cursor + 1].lower}`;
    const object = [tokens[cursor]];
    return { voice: 'active', verb, object, rest: tokens.slice(cursor + 2), negated, adverbs, able };
  }
  if (isParticle(tokens[cursor], tokens[cursor + 1])) verb = `${verb} ${tokens[cursor++].lower}`;
  let objectEnd = cursor;
  // Right after a verb, "results" and "orders" are nouns whatever the tagger said.
  const objectStart = tokens[cursor]?.pos === 'VERB' && hasFeature(tokens[cursor], 'present3') ? { ...tokens[cursor], pos: 'NOUN' as const } : tokens[cursor];
  if (objectStart !== tokens[cursor]) tokens = [...tokens.slice(0, cursor), objectStart, ...tokens.slice(cursor + 1)];
  // "refresh every 60 seconds": a frequency, not an object.
  const frequency = isWord(tokens[cursor], 'every', 'each') && (tokens[cursor + 1]?.pos === 'NUM' || /^(?:second|minute|hour|day|night|week|month|quarter|year|morning|evening)s?$/.test(lower(tokens[cursor + 1])));
  if (!frequency && startsNounPhrase(tokens[cursor], tokens[cursor + 1]) && !isWord(tokens[cursor], 'only')) objectEnd = nounPhraseEnd(tokens, cursor);
  // "send the requester an acknowledgement", "offer the customer PayPal": the person, then the thing.
  if (DITRANSITIVE_VERBS.has(verb) && objectEnd > cursor && startsNounPhrase(tokens[objectEnd]) && tokens[objectEnd]?.pos !== 'PRON') {
    objectEnd = nounPhraseEnd(tokens, objectEnd);
  }
  return { voice: 'active', verb, object: tokens.slice(cursor, objectEnd), rest: tokens.slice(objectEnd), negated, adverbs, able };
}
