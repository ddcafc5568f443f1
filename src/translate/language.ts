/** What the translation needs from an English NLP library: tagged tokens and inflection. */

export type Pos = 'NOUN' | 'PROPN' | 'VERB' | 'AUX' | 'ADJ' | 'ADV' | 'ADP' | 'DET' | 'PRON' | 'NUM' | 'CCONJ' | 'SCONJ' | 'PART' | 'PUNCT' | 'SYM' | 'INTJ' | 'X';

export type Feature =
  | 'plural'
  | 'past'
  | 'participle'
  | 'gerund'
  | 'present3'
  | 'infinitive'
  | 'possessive'
  | 'person'
  | 'acronym'
  | 'value'
  | 'unit'
  | 'particle'
  | 'negative'
  | 'code';

export interface Token {
  /** As written (hyphenated compounds and dotted names are one token). */
  text: string;
  lower: string;
  /** Verbs in the infinitive, nouns in the singular, other words in lower case. */
  lemma: string;
  pos: Pos;
  features: ReadonlySet<Feature>;
  /** Whitespace between the previous token and this one. */
  space: string;
}

export interface Conjugation {
  present3: string;
  past: string;
  participle: string;
  gerund: string;
}

export interface Language {
  /** The sentences of a stretch of prose, each as tokens with punctuation as tokens of its own. */
  sentences(text: string): Token[][];
  /** Tags a phrase known to be one clause, such as a list item. */
  tag(text: string): Token[];
  conjugate(verb: string): Conjugation;
  plural(noun: string): string;
  singular(noun: string): string;
}

export function hasFeature(token: Token | undefined, feature: Feature): boolean {
  return !!token && token.features.has(feature);
}

/** The text of tokens with their original spacing. */
export function textOf(tokens: readonly Token[]): string {
  return tokens.map((token, index) => (index === 0 ? token.text : token.space + token.text)).join('');
}
