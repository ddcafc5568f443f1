// The Language adapter on wink-nlp with its small English web model, for the library
// comparison in bench/compare-languages.ts. wink-nlp tags and lemmatises but does not
// inflect, so conjugation and plurals here are rules with a table of irregular verbs.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Conjugation, Feature, Language, Pos, Token } from '../src/translate/language.js';
import { tokensFromSpans, type Span } from '../src/translate/tokens.js';

const UD: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'VERB', 'AUX', 'ADJ', 'ADV', 'ADP', 'DET', 'PRON', 'NUM', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'SYM', 'INTJ', 'X']);
const POSSESSIVES = new Set(['my', 'our', 'your', 'their', 'his', 'her', 'its']);

const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  send: 'sent', keep: 'kept', hold: 'held', pay: 'paid', make: 'made', find: 'found', get: 'got', run: 'ran', buy: 'bought',
  bring: 'brought', build: 'built', choose: 'chose', come: 'came', do: 'did', give: 'gave', go: 'went', have: 'had', know: 'knew',
  lead: 'led', leave: 'left', lose: 'lost', meet: 'met', put: 'put', read: 'read', say: 'said', see: 'saw', sell: 'sold', set: 'set',
  sit: 'sat', spend: 'spent', take: 'took', tell: 'told', think: 'thought', understand: 'understood', write: 'wrote', freeze: 'froze',
  begin: 'began', break: 'broke', speak: 'spoke', drive: 'drove', ride: 'rode', rise: 'rose', shake: 'shook', wake: 'woke',
  split: 'split', shut: 'shut', cut: 'cut', let: 'let', upset: 'upset', reset: 'reset', upload: 'uploaded',
};

function doubles(verb: string): boolean {
  return /^(?:[^aeiou]*[aeiou])[bdgmnprt]$/.test(verb) || /(?:mit|fer|pel|trol)$/.test(verb);
}

function past(verb: string): string {
  if (IRREGULAR_PAST[verb]) return IRREGULAR_PAST[verb];
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return doubles(verb) ? `${verb}${verb.slice(-1)}ed` : `${verb}ed`;
}

function present3(verb: string): string {
  if (verb === 'have') return 'has';
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

function gerund(verb: string): string {
  if (/ie$/.test(verb)) return `${verb.slice(0, -2)}ying`;
  if (/[^e]e$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  return doubles(verb) ? `${verb}${verb.slice(-1)}ing` : `${verb}ing`;
}

function pluralOf(noun: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (noun === 'person') return 'people';
  return `${noun}s`;
}

function singularOf(noun: string): string {
  if (noun === 'people') return 'person';
  if (/ies$/.test(noun)) return `${noun.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(noun)) return noun;
  if (/(?:sh|ch|x|z|ss)es$/.test(noun)) return noun.slice(0, -2);
  return noun.replace(/s$/, '');
}

function featuresOf(pos: Pos, value: string, lemma: string): Set<Feature> {
  const lower = value.toLowerCase();
  const features = new Set<Feature>();
  if (pos === 'NOUN' && lemma !== lower && /s$/.test(lower)) features.add('plural');
  if (pos === 'VERB' || pos === 'AUX') {
    if (/ing$/.test(lower) && lemma !== lower) features.add('gerund');
    else if (/s$/.test(lower) && lemma !== lower) features.add('present3');
    else if (lemma !== lower) {
      features.add('past');
      features.add('participle');
    } else features.add('infinitive');
  }
  if (pos === 'NUM') features.add('value');
  if (pos === 'PRON' && POSSESSIVES.has(lower)) features.add('possessive');
  if (/^[A-Z]{2,}s?$/.test(value)) features.add('acronym');
  return features;
}

class WinkLanguage implements Language {
  private readonly nlp = winkNLP(model);

  sentences(text: string): Token[][] {
    const its = this.nlp.its;
    const doc = this.nlp.readDoc(text);
    const result: Token[][] = [];
    let cursor = 0;
    doc.sentences().each((sentence: { tokens(): { each(callback: (token: { out(what: unknown): unknown }) => void): void } }) => {
      const spans: Span[] = [];
      let from = -1;
      let to = cursor;
      sentence.tokens().each((token: { out(what: unknown): unknown }) => {
        const value = token.out(its.value) as string;
        const start = text.indexOf(value, cursor);
        if (start < 0) return;
        const end = start + value.length;
        cursor = end;
        if (from < 0) from = start;
        to = end;
        const tag = token.out(its.pos) as string;
        const pos = (UD.has(tag) ? tag : 'X') as Pos;
        if (pos === 'PUNCT' || pos === 'SYM') return;
        const lemma = (token.out(its.lemma) as string).toLowerCase();
        const previous = spans[spans.length - 1];
        // "customer" + "'s": one possessive word, as the translation reads it.
        if (previous && previous.end === start && /^'s?$/.test(value)) {
          previous.text += value;
          previous.end = end;
          previous.features.add('possessive');
          return;
        }
        if (previous && /^n't$|^not$/i.test(value)) previous.features.add('negative');
        spans.push({ start, end, text: value, pos: /^n't$/i.test(value) ? 'PART' : pos, lemma, features: featuresOf(pos, value, lemma) });
      });
      if (from >= 0) result.push(tokensFromSpans(text, spans, from, to));
    });
    return result;
  }

  tag(text: string): Token[] {
    return this.sentences(text).flat();
  }

  conjugate(verb: string): Conjugation {
    const [head, ...rest] = verb.split(' ');
    const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
    return { present3: `${present3(head)}${tail}`, past: `${past(head)}${tail}`, participle: `${past(head)}${tail}`, gerund: `${gerund(head)}${tail}` };
  }

  plural(noun: string): string {
    return pluralOf(noun);
  }

  singular(noun: string): string {
    return singularOf(noun);
  }
}

let loading: Promise<Language> | undefined;

/** wink-nlp with its model, loaded once; same name and shape as the compromise loader so a build can swap them. */
export function loadCompromise(): Promise<Language> {
  loading ??= Promise.resolve(new WinkLanguage());
  return loading;
}

export const loadWink = loadCompromise;
