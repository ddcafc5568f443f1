// The systems a request's requirements depend on: named products and organisations, other
// parties' systems ("the supplier portal") and delivery channels (email, SMS, push).
import { depths, isWord } from './phrases.js';
import { hasFeature, textOf, type Token } from './language.js';
import { CHANNELS, COMPONENT_HEADS, EXTERNAL_HEADS, NOT_SYSTEMS, SYSTEM_ACRONYMS } from './lexicon.js';
import type { Dependency } from './model.js';

const GENERIC_TAIL = new Set(['sso', 'api', 'apis', 'integration', 'account', 'accounts', 'app']);

function isNameWord(token: Token): boolean {
  if (token.pos === 'PUNCT' || hasFeature(token, 'code')) return false;
  return /^[A-Z]/.test(token.text) || /[a-z][A-Z]/.test(token.text);
}

function excluded(word: string): boolean {
  const lower = word.toLowerCase();
  return NOT_SYSTEMS.has(lower) || NOT_SYSTEMS.has(lower.split('-')[0]) || NOT_SYSTEMS.has(lower.replace(/s$/, ''));
}

/** "Membrum as an instrument plugin": the name is the system itself. */
function namesTheSystem(tokens: Token[], after: number): boolean {
  if (!isWord(tokens[after], 'as') || !isWord(tokens[after + 1], 'a', 'an', 'the')) return false;
  for (let index = after + 2; index < Math.min(tokens.length, after + 6); index++) if (COMPONENT_HEADS.has(tokens[index].lemma)) return true;
  return false;
}

function namedSystems(tokens: Token[], actors: ReadonlySet<string>, sentenceStarts: ReadonlySet<Token>): string[] {
  const names: string[] = [];
  const depth = depths(tokens);
  // A capital at the start of a sentence is a name only when the word is written like one ("QuickBooks", "SAP").
  const isName = (token: Token) => isNameWord(token) && (!sentenceStarts.has(token) || /[A-Z].*[A-Z]/.test(token.text));
  for (let index = 0; index < tokens.length; index++) {
    if (depth[index] > 0 || !isName(tokens[index])) continue;
    let end = index;
    while (end < tokens.length && depth[end] === 0 && isName(tokens[end])) end++;
    const run = tokens.slice(index, end).map((token) => token.text);
    const after = end;
    index = end - 1;
    while (run.length > 0 && GENERIC_TAIL.has(run[run.length - 1].toLowerCase())) run.pop();
    if (run.length === 0 || run.every(excluded) || namesTheSystem(tokens, after)) continue;
    const name = run.join(' ');
    if (actors.has(name.toLowerCase())) continue;
    if (run.length === 1 && /^[A-Z]{2,}s?$/.test(name) && !SYSTEM_ACRONYMS.has(name.replace(/s$/, '')) && excluded(name)) continue;
    names.push(name);
  }
  return names;
}

/** "the supplier portal", "our banks", "the CRM": a noun phrase whose head names another party's system. */
function systemPhrases(tokens: Token[]): string[] {
  const phrases: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const head = EXTERNAL_HEADS.has(token.lemma) ? token.lemma : token.lower.replace(/s$/, '');
    if (!(EXTERNAL_HEADS.has(head) || SYSTEM_ACRONYMS.has(token.text.replace(/s$/, '')))) continue;
    // "the supplier portal": the head is the last noun, not "supplier".
    if (tokens[index + 1] && (tokens[index + 1].pos === 'NOUN' || tokens[index + 1].pos === 'PROPN') && !isNameWord(tokens[index + 1])) continue;
    if (isNameWord(token) && !SYSTEM_ACRONYMS.has(token.text.replace(/s$/, ''))) continue;
    let start = index;
    while (start > 0 && (tokens[start - 1].pos === 'NOUN' || tokens[start - 1].pos === 'ADJ' || hasFeature(tokens[start - 1], 'value')) && !isNameWord(tokens[start - 1])) start--;
    const modifiers = tokens.slice(start, index);
    const determiner = tokens[start - 1];
    const owned = !!determiner && (isWord(determiner, 'our', 'their', 'other') || determiner.pos === 'DET');
    if (modifiers.length === 0 && !SYSTEM_ACRONYMS.has(token.text.replace(/s$/, '')) && !(owned && head !== 'system')) continue;
    if (head === 'system' && modifiers.length === 0) continue;
    phrases.push(textOf(tokens.slice(start, index + 1)));
  }
  return phrases;
}

function capitalize(text: string): string {
  return /^[a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Dependencies of the requirement spans (objects, complements, conditions) and texts; actors are not systems. */
export function findDependencies(spans: Token[][], actors: ReadonlySet<string>, requirementTexts: readonly string[], sentenceStarts: ReadonlySet<Token>): Dependency[] {
  const found = new Map<string, Dependency>();
  const add = (name: string, why: string, risk: string) => {
    const key = name.toLowerCase().replace(/s$/, '');
    if (![...found.keys()].some((existing) => existing === key || existing.includes(key) || key.includes(existing))) found.set(key, { name, why, risk });
  };
  for (const tokens of spans) {
    if (tokens.length === 0) continue;
    for (const name of namedSystems(tokens, actors, sentenceStarts)) add(name, `the request names ${name}`, `Changes, outages or rate limits in ${name} break the integration`);
    for (const phrase of systemPhrases(tokens)) add(capitalize(phrase.replace(/^(?:the|a|an)\s+/i, '')), 'the requirements read from or write to it', `The ${phrase.replace(/^(?:the|a|an)\s+/i, '')} is unavailable or changes its interface`);
  }
  const text = requirementTexts.join(' ');
  for (const channel of CHANNELS) {
    if (channel.pattern.test(text)) add(channel.name, 'delivers the messages', 'Messages are delayed, filtered as spam or sent twice');
  }
  return [...found.values()];
}

