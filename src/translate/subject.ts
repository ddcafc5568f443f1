// Who or what a clause is about: a user who gets a capability, the system (or a part of it
// the request names), the organisation ("we"), or something else whose outcome is required.
import { definite, rewrite, type Discourse } from './discourse.js';
import type { English } from './english.js';
import { hasFeature, type Token } from './language.js';
import { COMPONENT_HEADS, isPersonNoun } from './lexicon.js';
import { nounPhraseEnd } from './phrases.js';

export interface Subject {
  kind: 'actor' | 'component' | 'system' | 'thing';
  /** Actors in the plural or as a group ("store managers", "the billing team"); components definite. */
  text: string;
  plural: boolean;
  tokens: Token[];
}

export const SYSTEM: Subject = { kind: 'system', text: 'the system', plural: false, tokens: [] };

const COLLECTIVE_HEAD = /^(?:team|department|group|committee|board|council|clinic|office|unit|desk|service)$/;

/** A capital that only starts the sentence goes ("Salary data"); names and acronyms keep theirs. */
function lowerFirst(text: string, head: Token, startsSentence: boolean): string {
  if (/^[A-Z]{2,}|[a-z][A-Z]/.test(head.text)) return text;
  if (head.pos === 'PROPN' && !startsSentence) return text;
  return /^[A-Z][a-z]/.test(text) && !/^[A-Z][a-z]+[A-Z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Department words ("finance", "security") name people only on their own: "environment management" is a thing. */
const DEPARTMENTS = /^(?:finance|marketing|operations|security|payroll|sales|support|legal|procurement|management|compliance)$/;

export function classifySubject(tokens: Token[], english: English, discourse: Discourse, speaker?: string, startsSentence = false): Subject {
  const words = tokens.filter((token) => token.pos !== 'PUNCT');
  if (words.length === 0) return SYSTEM;
  // "IT" is a department, not the pronoun.
  if (words.length === 1 && words[0].text === 'IT') return { kind: 'actor', text: 'IT', plural: true, tokens };
  if (words.length === 1 && words[0].pos === 'PRON') {
    const pronoun = words[0].lower;
    if (pronoun === 'we' || pronoun === 'us') return SYSTEM;
    if (pronoun === 'i') return speaker ? { kind: 'actor', text: speaker, plural: true, tokens } : SYSTEM;
    if (pronoun === 'you') return { kind: 'actor', text: discourse.actor ?? 'users', plural: true, tokens };
    if (pronoun === 'it') {
      const component = discourse.component();
      if (component) return { kind: 'component', text: component, plural: false, tokens };
    }
    const antecedent = discourse.resolve(pronoun, 'subject');
    if (antecedent) return { kind: antecedent.person ? 'actor' : 'thing', text: antecedent.person ? antecedent.text : definite(antecedent.text), plural: antecedent.plural, tokens };
    return SYSTEM;
  }
  const headEnd = nounPhraseEnd(words, 0, { of: false });
  const head = words[Math.max(0, headEnd - 1)];
  const lemma = head.lemma.toLowerCase();
  const plural = hasFeature(head, 'plural') || english.isPlural(head.text);
  const ours = words[0].lower === 'our' || words[0].lower === 'my';
  const text = lowerFirst(rewrite(words), words[ours ? 1 : 0] ?? head, startsSentence && !ours);
  // The tagger's reading of people ("Editors want …") comes before the component word list.
  if (COMPONENT_HEADS.has(lemma) && !hasFeature(head, 'person')) return { kind: 'component', text: definite(text), plural, tokens };
  const modified = headEnd > 1 && words.slice(0, headEnd - 1).some((token) => token.pos === 'NOUN' || token.pos === 'ADJ');
  const person = !(DEPARTMENTS.test(lemma) && modified) && (hasFeature(head, 'person') || isPersonNoun(lemma) || COLLECTIVE_HEAD.test(lemma) || head.pos === 'PROPN');
  if (ours && !person) return SYSTEM;
  if (person) return { kind: 'actor', text: text.replace(/^(?:all|every|each|any)\s+/i, ''), plural: plural || COLLECTIVE_HEAD.test(lemma), tokens };
  return { kind: 'thing', text, plural, tokens };
}
