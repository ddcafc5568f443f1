// The Language adapter on compromise (its tagger build, "compromise/two": tokens, sentences,
// part-of-speech tags, roots and conjugation, without the phrase API the translation does not use).
// compromise builds its lexicon when it loads (about 0.2 s), so it loads on the first translation,
// not when the CLI or the extension starts.
import type { Conjugation, Feature, Language, Pos, Token } from './language.js';
import { tokensFromSpans, type Span } from './tokens.js';

type Nlp = typeof import('compromise/two').default;

interface Term {
  text: string;
  tags: string[];
  normal: string;
  root?: string;
  offset: { start: number; length: number };
}

interface World {
  model: unknown;
  methods: {
    two: {
      transform: {
        verb: { conjugate(verb: string, model: unknown): Record<string, string>; toInfinitive(verb: string, model: unknown, tense: string): string };
        noun: { toPlural(noun: string, model: unknown): string; toSingular(noun: string, model: unknown): string };
      };
    };
  };
}

function posOf(tags: Set<string>): Pos {
  if (tags.has('Url')) return 'PROPN';
  if (tags.has('Particle')) return 'PART';
  if (tags.has('Pronoun')) return 'PRON';
  if (tags.has('Determiner')) return 'DET';
  if (tags.has('Value') && !tags.has('Noun')) return 'NUM';
  if (tags.has('Verb')) return tags.has('Modal') || tags.has('Auxiliary') || tags.has('Copula') ? 'AUX' : 'VERB';
  if (tags.has('ProperNoun') || tags.has('Organization')) return 'PROPN';
  if (tags.has('Noun')) return 'NOUN';
  if (tags.has('Adjective')) return 'ADJ';
  if (tags.has('Adverb')) return 'ADV';
  if (tags.has('Preposition')) return 'ADP';
  if (tags.has('Conjunction')) return 'CCONJ';
  if (tags.has('QuestionWord')) return 'SCONJ';
  if (tags.has('Expression')) return 'INTJ';
  return 'X';
}

const FEATURE_TAGS: [string, Feature][] = [
  ['Plural', 'plural'],
  ['PastTense', 'past'],
  ['Participle', 'participle'],
  ['Passive', 'participle'],
  ['Gerund', 'gerund'],
  ['Infinitive', 'infinitive'],
  ['Possessive', 'possessive'],
  ['Person', 'person'],
  ['Actor', 'person'],
  ['Honorific', 'person'],
  ['Acronym', 'acronym'],
  ['Value', 'value'],
  ['Unit', 'unit'],
  ['Particle', 'particle'],
  ['Negative', 'negative'],
];

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been', 'being']);
const POSSESSIVE_PRONOUNS = new Set(['my', 'our', 'your', 'their', 'his', 'her', 'its']);

/** Opening quotes and brackets right before a sentence's first term belong to it. */
function leadingPunctuation(text: string, start: number): number {
  let length = 0;
  while (start - length - 1 >= 0 && /[("'“‘[]/.test(text[start - length - 1])) length++;
  return length;
}

function trailingPunctuation(text: string, end: number): number {
  let length = 0;
  while (end + length < text.length && /[^\s\p{L}\p{N}]/u.test(text[end + length])) length++;
  return length;
}

class CompromiseLanguage implements Language {
  private readonly world: World;

  constructor(private readonly nlp: Nlp) {
    this.world = nlp.world() as unknown as World;
  }

  private get transform() {
    return this.world.methods.two.transform;
  }

  private infinitiveOf(participle: string): string {
    const fromParticiple = this.transform.verb.toInfinitive(participle, this.world.model, 'Participle');
    return fromParticiple !== participle ? fromParticiple : this.transform.verb.toInfinitive(participle, this.world.model, 'PastTense');
  }

  private spanOf(term: Term, source: string): Span | undefined {
    if (term.offset.length === 0) return undefined;
    const tags = new Set(term.tags);
    const text = source.slice(term.offset.start, term.offset.start + term.offset.length);
    const features = new Set<Feature>(FEATURE_TAGS.filter(([tag]) => tags.has(tag)).map(([, feature]) => feature));
    if (tags.has('PresentTense') && tags.has('Verb') && /s$/i.test(text) && term.root && term.root !== term.normal) features.add('present3');
    let pos = posOf(tags);
    // Roman numerals: "CLI" and "MIX" are acronyms here, not numbers.
    if (pos === 'NUM' && /^[A-Z]{2,}$/.test(text)) {
      pos = 'NOUN';
      features.delete('value');
      features.add('acronym');
    }
    if (/^to$/i.test(text)) pos = 'PART';
    if (POSSESSIVE_PRONOUNS.has(term.normal)) {
      pos = 'PRON';
      features.add('possessive');
    }
    const singular = pos === 'NOUN' && tags.has('Plural') && !term.root ? this.transform.noun.toSingular(term.normal, this.world.model) : undefined;
    // Participles the tagger gave no root ("shown"): back to the infinitive.
    const infinitive = (pos === 'VERB' || pos === 'ADJ') && !term.root && (tags.has('PastTense') || tags.has('Participle')) ? this.infinitiveOf(term.normal) : undefined;
    const lemma = BE_FORMS.has(term.normal) ? 'be' : (term.root ?? singular ?? infinitive ?? term.normal).toLowerCase();
    return { start: term.offset.start, end: term.offset.start + term.offset.length, text, pos, lemma, features };
  }

  sentences(text: string): Token[][] {
    const document = this.nlp(text);
    document.compute('root');
    const sentences = (document.json as (options: object) => unknown)({ offset: true, terms: { root: true } }) as { terms: Term[] }[];
    return sentences.map((sentence) => {
      const spans: Span[] = [];
      let previous: Span | undefined;
      for (const term of sentence.terms) {
        const span = this.spanOf(term, text);
        if (span) spans.push((previous = span));
        else if (previous && term.tags.includes('Negative')) previous.features.add('negative');
      }
      const first = sentence.terms[0];
      const last = sentence.terms[sentence.terms.length - 1];
      const from = first ? first.offset.start - leadingPunctuation(text, first.offset.start) : 0;
      const to = last ? last.offset.start + last.offset.length + trailingPunctuation(text, last.offset.start + last.offset.length) : 0;
      return tokensFromSpans(text, spans, from, to);
    });
  }

  tag(text: string): Token[] {
    return this.sentences(text).flat();
  }

  conjugate(verb: string): Conjugation {
    const [head, ...rest] = verb.split(' ');
    const forms = this.transform.verb.conjugate(head, this.world.model);
    const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
    const past = forms.PastTense ?? `${head}ed`;
    return {
      present3: `${forms.PresentTense ?? `${head}s`}${tail}`,
      past: `${past}${tail}`,
      participle: `${forms.Participle ?? past}${tail}`,
      gerund: `${forms.Gerund ?? `${head}ing`}${tail}`,
    };
  }

  plural(noun: string): string {
    return this.transform.noun.toPlural(noun, this.world.model);
  }

  singular(noun: string): string {
    return this.transform.noun.toSingular(noun, this.world.model);
  }
}

let loading: Promise<Language> | undefined;

/** compromise, loaded once on first use. */
export function loadCompromise(): Promise<Language> {
  loading ??= import('compromise/two').then((module) => new CompromiseLanguage(module.default));
  return loading;
}
