// Quality words ("quickly", "securely", "with one tap") become non-functional requirements;
// the adverbs and vague adjectives among them leave the functional requirement's text.
import type { Token } from './language.js';
import type { Quality, QualityKind } from './model.js';

interface QualityPhrase {
  words: string[];
  kind: QualityKind;
  /** Leaves the requirement text: an adverb or a vague adjective, not a complement with meaning. */
  detach: boolean;
}

const phrase = (text: string, kind: QualityKind, detach = true): QualityPhrase => ({ words: text.split(' '), kind, detach });

const PHRASES: readonly QualityPhrase[] = [
  ...['quickly', 'quick', 'fast', 'faster', 'rapidly', 'instantly', 'instant', 'immediately', 'promptly', 'speedily', 'in real time', 'in real-time', 'right away', 'without delay'].map((text) => phrase(text, 'latency')),
  phrase('real-time', 'latency', false), phrase('real time', 'latency', false), phrase('responsive', 'latency'),
  ...['securely', 'safely', 'privately', 'confidentially', 'secure'].map((text) => phrase(text, 'security')),
  ...['private', 'confidential', 'encrypted', 'tamper-proof', 'tamperproof'].map((text) => phrase(text, 'security', false)),
  ...['reliably', 'reliable', 'robust', 'robustly', 'dependably', 'around the clock'].map((text) => phrase(text, 'availability')),
  phrase('always available', 'availability', false), phrase('24/7', 'availability', false),
  ...['easily', 'easy', 'simply', 'simple', 'intuitive', 'intuitively', 'user-friendly', 'seamless', 'seamlessly', 'effortlessly'].map((text) => phrase(text, 'usability')),
  ...['with one tap', 'in one tap', 'with a single tap', 'with one click', 'in one click', 'with a single click', 'in a single click', 'one-click', 'one-tap'].map((text) => phrase(text, 'usability')),
  ...['thousands', 'millions', 'bulk', 'bulk-upload', 'lots of', 'large', 'huge'].map((text) => phrase(text, 'volume', !/^(?:thousands|millions|bulk|bulk-upload)$/.test(text))),
  ...['scalable', 'at scale'].map((text) => phrase(text, 'capacity')),
  ...['accurately', 'correctly', 'precisely', 'exactly'].map((text) => phrase(text, 'accuracy')),
  ...['accurate', 'correct', 'precise'].map((text) => phrase(text, 'accuracy', false)),
  ...['on the go'].map((text) => phrase(text, 'platform')),
  ...['phone', 'phones', 'mobile', 'tablet', 'tablets', 'smartphone', 'smartphones'].map((text) => phrase(text, 'platform', false)),
];

const BY_LENGTH = [...PHRASES].sort((a, b) => b.words.length - a.words.length);

/** Quality words in a requirement's tokens, and the tokens without the detachable ones. */
export function takeQualities(tokens: readonly Token[]): { tokens: Token[]; qualities: Quality[] } {
  const kept: Token[] = [];
  const qualities: Quality[] = [];
  for (let index = 0; index < tokens.length; ) {
    const match = BY_LENGTH.find((candidate) => candidate.words.every((word, offset) => tokens[index + offset]?.lower === word));
    if (!match) {
      kept.push(tokens[index++]);
      continue;
    }
    const words = tokens.slice(index, index + match.words.length);
    qualities.push({ kind: match.kind, phrase: words.map((token) => token.text).join(' ') });
    if (match.detach) {
      // "automatically and securely", "quickly and easily": the joining word goes too.
      const after = tokens[index + match.words.length];
      const last = kept[kept.length - 1];
      if (last && /^(?:and|or)$/.test(last.lower) && (!after || after.pos === 'PUNCT' || /^(?:and|or)$/.test(after.lower))) kept.pop();
      else if (after && /^(?:and|or)$/.test(after.lower) && (!last || last.pos === 'PUNCT' || last.pos === 'VERB' || last.pos === 'ADV')) index++;
    } else {
      kept.push(...words);
    }
    index += match.words.length;
  }
  return { tokens: kept, qualities };
}
