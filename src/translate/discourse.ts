// What earlier sentences mentioned, to resolve "they", "it" and "them", and the request's
// first-person words ("we", "our", "my"), which become the organisation or the actor.
import type { English } from './english.js';
import { hasFeature, textOf, type Token } from './language.js';

export interface Mention {
  text: string;
  plural: boolean;
  person: boolean;
  /** The system or a part of it ("the booking form"). */
  component: boolean;
  role: 'subject' | 'object';
}

export class Discourse {
  /** The last people who acted, in the plural ("customers"). */
  actor: string | undefined;
  /** Most recent first. */
  private mentions: Mention[] = [];

  constructor(private readonly english: English) {}

  mention(mention: Mention): void {
    if (!mention.text) return;
    this.mentions.unshift(mention);
    this.mentions.length = Math.min(this.mentions.length, 12);
    if (mention.person && mention.role === 'subject') this.actor = mention.plural ? mention.text : this.english.plural(mention.text);
  }

  /** The component a subject "it" stands for ("it should check …" after "The booking form must …"). */
  component(): string | undefined {
    return this.mentions.find((mention) => mention.component)?.text;
  }

  /**
   * What a pronoun stands for. A subject pronoun means the most recent subject; an object
   * pronoun a thing (subjects before objects), or a person after "tell", "notify" and the like.
   */
  resolve(pronoun: string, position: 'subject' | 'object', addressing = false): Mention | undefined {
    const plural = /^(?:they|them|their)$/i.test(pronoun);
    if (addressing || /^(?:he|she|him|her)$/i.test(pronoun)) {
      return this.actor ? { text: this.actor, plural: true, person: true, component: false, role: 'subject' } : undefined;
    }
    const candidates = this.mentions.filter((mention) => !mention.component && mention.plural === plural && (plural || !mention.person));
    const pool = position === 'subject' ? candidates : candidates.filter((mention) => !mention.person);
    return pool.find((mention) => mention.role === 'subject') ?? pool[0];
  }
}

/** A noun phrase as a definite reference: "a laptop" → "the laptop", "their reports" stays. */
export function definite(phrase: string): string {
  if (/^(?:a|an|some|any|every|each|one)\s/i.test(phrase)) return phrase.replace(/^\S+/, 'the');
  if (/^(?:the|their|this|these|those|its|his|her|all)\s/i.test(phrase) || /^\d/.test(phrase) || /^[A-Z]/.test(phrase.replace(/^\S+\s/, ''))) return phrase;
  return `the ${phrase}`;
}

const FIRST_PERSON: Readonly<Record<string, string>> = {
  we: 'the organisation',
  us: 'the organisation',
  our: "the organisation's",
  ours: "the organisation's",
  my: 'their',
  mine: 'theirs',
  myself: 'themselves',
};

export interface RewriteOptions {
  /** Who "I" and "me" are: the story's actor, in the plural. */
  speaker?: string;
  /** "my" when the sentence does not name the speaker: "the developer's" instead of "their". */
  owner?: string;
}

/** The tokens as text with first-person words replaced; "I"/"me" become the speaker. */
export function rewrite(tokens: readonly Token[], options: RewriteOptions = {}): string {
  const words = tokens.map((token, index) => {
    if (token.lower === 'my' && options.owner) return { ...token, text: options.owner };
    const replacement = FIRST_PERSON[token.lower];
    if (replacement && !(token.lower === 'us' && token.text === 'US')) {
      // "our customers" → "customers": the organisation's own people need no owner.
      if (token.lower === 'our' && index === 0) return { ...token, text: '' };
      return { ...token, text: replacement };
    }
    if ((token.text === 'I' || token.lower === 'me') && options.speaker) return { ...token, text: token.text === 'I' ? 'they' : options.speaker };
    if (token.lower === "i'm" && options.speaker) return { ...token, text: 'they are' };
    return token;
  });
  return textOf(words.filter((token, index) => token.text !== '' || index > 0))
    .replace(/^\s+/, '')
    .replace(/\bthey (am|was)\b/g, (_, verb: string) => (verb === 'am' ? 'they are' : 'they were'));
}

/** Whether a token is a personal pronoun subject or object to resolve. */
export function isPronoun(token: Token | undefined): boolean {
  return !!token && token.pos === 'PRON' && !hasFeature(token, 'possessive') && /^(?:it|they|them|he|she|him|her)$/i.test(token.lower);
}

