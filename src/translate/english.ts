// Inflection and small pieces of English the renderer needs, on top of the NLP library.
import type { Language } from './language.js';

export interface English {
  /** "sign up" → "signs up". */
  thirdPerson(verbPhrase: string): string;
  /** "send" → "sent", "sign up" → "signed up". */
  participle(verbPhrase: string): string;
  /** "submit" → "submitting". */
  gerund(verbPhrase: string): string;
  /** "store managers" → "store manager"; the last word only. */
  singular(nounPhrase: string): string;
  /** "store manager" → "store managers". */
  plural(nounPhrase: string): string;
  /** Whether a noun phrase is plural, by its head ("reports", "staff", "the data"). */
  isPlural(nounPhrase: string): boolean;
}

/** Participles the library's conjugation leaves out (it gives the past tense instead). */
const PARTICIPLES: Readonly<Record<string, string>> = {
  run: 'run', rerun: 'rerun', come: 'come', become: 'become', begin: 'begun', go: 'gone', do: 'done', undo: 'undone',
  redo: 'redone', see: 'seen', take: 'taken', give: 'given', eat: 'eaten', fall: 'fallen', forget: 'forgotten',
  hide: 'hidden', ride: 'ridden', rise: 'risen', drive: 'driven', break: 'broken', speak: 'spoken', freeze: 'frozen',
  steal: 'stolen', wake: 'woken', bite: 'bitten', shake: 'shaken', know: 'known', grow: 'grown', throw: 'thrown',
  blow: 'blown', draw: 'drawn', fly: 'flown', wear: 'worn', tear: 'torn', swear: 'sworn', show: 'shown', sing: 'sung',
  ring: 'rung', drink: 'drunk', sink: 'sunk', swim: 'swum', write: 'written', rewrite: 'rewritten', choose: 'chosen',
  get: 'received', mistake: 'mistaken', overtake: 'overtaken', withdraw: 'withdrawn', override: 'overridden',
};

/** Nouns that name a group and take a plural reading ("warehouse staff"); departments only on their own ("HR", not "environment management"). */
const COLLECTIVE = /(?:^|\s)(?:staff|people|personnel|police|public)$|^(?:the\s+)?(?:hr|it|finance|marketing|operations|security|payroll|sales|support|legal|procurement|management)$/i;

/** A noun phrase's head comes before its prepositional phrases and relative clauses. */
const POST_HEAD = /\s(?:from|of|in|on|at|to|for|with|by|that|which|who|across|into|within|under|over|about)\s.*$/i;

export function createEnglish(language: Language): English {
  const conjugations = new Map<string, ReturnType<Language['conjugate']>>();
  const conjugate = (verb: string) => {
    let forms = conjugations.get(verb);
    if (!forms) conjugations.set(verb, (forms = language.conjugate(verb)));
    return forms;
  };
  const lastWord = (phrase: string) => /(\S+)$/.exec(phrase)?.[1] ?? phrase;
  const replaceLast = (phrase: string, word: string) => phrase.replace(/\S+$/, word);
  const irregularBe: Record<string, string> = { be: 'is' };
  return {
    thirdPerson: (verb) => irregularBe[verb] ?? (verb === 'have' ? 'has' : conjugate(verb).present3),
    participle(verb) {
      if (verb === 'be') return 'been';
      const [head, ...rest] = verb.split(' ');
      if (PARTICIPLES[head]) return [PARTICIPLES[head], ...rest].join(' ');
      // "unfreeze" → "unfrozen": a prefixed verb inflects like the verb it contains.
      const prefix = /^(?:un|re|pre|over|under|out|mis|dis|up|co)(?=[a-z]{3})/.exec(head)?.[0];
      if (prefix && conjugate(head).participle === `${conjugate(head).past}${rest.length ? ` ${rest.join(' ')}` : ''}` && !/ed$/.test(conjugate(head).past.split(' ')[0])) {
        const inner = conjugate(head.slice(prefix.length));
        return [`${prefix}${inner.participle.split(' ')[0]}`, ...rest].join(' ');
      }
      return conjugate(verb).participle;
    },
    gerund: (verb) => (verb === 'be' ? 'being' : conjugate(verb).gerund),
    singular(phrase) {
      const word = lastWord(phrase);
      if (COLLECTIVE.test(phrase) || /^[A-Z]{2,}$/.test(word) || !/s$/i.test(word) || /(?:ss|us|is)$/i.test(word)) return phrase;
      const single = language.singular(word.toLowerCase());
      return replaceLast(phrase, word === word.toLowerCase() ? single : word.slice(0, single.length) || single);
    },
    plural(phrase) {
      const word = lastWord(phrase);
      if (COLLECTIVE.test(phrase) || /^[A-Z]{2,}$/.test(word)) return phrase;
      return replaceLast(phrase, language.plural(word));
    },
    isPlural(phrase) {
      phrase = phrase.replace(/\s*\([^)]*\)\s*$/, '').replace(POST_HEAD, '');
      const word = lastWord(phrase);
      if (COLLECTIVE.test(phrase)) return true;
      if (/^(?:data|media|criteria|people)$/i.test(word)) return true;
      if (/(?:ss|us|is|ics|news)$/i.test(word) || /^[A-Z]{2,}$/.test(word)) return false;
      return /s$/i.test(word) && language.singular(word.toLowerCase()) !== word.toLowerCase();
    },
  };
}

/** "a" or "an" for the word that follows. */
export function article(word: string): 'a' | 'an' {
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  if (/^(?:eu|one\b|once|uni|use|usu|u[bcfgklmnprstv][aeiou])/i.test(word)) return 'a';
  if (/^(?:hour|honest|honou?r|heir)/i.test(word)) return 'an';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
