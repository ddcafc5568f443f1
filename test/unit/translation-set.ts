// The translation request set (test/fixtures/translation/set) and the judge that decides
// whether a translation is fully right. The rules are in the set's README.md.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from './helpers.js';

export const SET_DIR = path.join(PROJECT_ROOT, 'test/fixtures/translation/set');

export type EarsPattern = 'ubiquitous' | 'event' | 'state' | 'unwanted' | 'optional' | 'complex';
export const EARS_PATTERNS: readonly EarsPattern[] = ['ubiquitous', 'event', 'state', 'unwanted', 'optional', 'complex'];
export const QUALITY_KINDS = ['latency', 'security', 'availability', 'usability', 'volume', 'capacity', 'accuracy', 'platform'] as const;
export type QualityKind = (typeof QUALITY_KINDS)[number];

export interface ExpectedCapability {
  has: string[];
  ears?: EarsPattern | EarsPattern[];
  clause?: string[];
  optional?: boolean;
}

export interface SetRequest {
  id: string;
  /** The file it comes from: retail, health, stories, ... */
  group: string;
  tags: string[];
  text: string;
  source?: string;
  none?: boolean;
  capabilities?: ExpectedCapability[];
  dependencies?: string[];
  alsoDependencies?: string[];
  notDependencies?: string[];
  figures?: string[];
  qualities?: QualityKind[];
  problem?: string[];
  questions?: string[];
}

export const HOLDOUT_DIR = path.join(PROJECT_ROOT, 'test/fixtures/translation/holdout');

export function loadSet(directory = SET_DIR): SetRequest[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => (parse(readFileSync(path.join(directory, name), 'utf8')) as Omit<SetRequest, 'group'>[]).map((request) => ({ ...request, group: name.replace(/\.yaml$/, '') })));
}

/** What a translation produced, whatever the pipeline's own result type. */
export interface Produced {
  /** The generated spec in the tech-spec template; empty when the pipeline found no requirement. */
  markdown: string;
  /** What the pipeline says when it produces no spec. */
  message?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term matches at a word start and may continue ("submit" matches "submits"); "a|b" accepts either. */
export function termPattern(term: string): RegExp {
  const alternatives = term.split('|').map((alternative) => `(?<![\\p{L}\\p{N}])${escapeRegExp(alternative.trim())}`);
  return new RegExp(`(?:${alternatives.join('|')})`, 'iu');
}

const hasTerm = (text: string, term: string) => termPattern(term).test(text);

/** Level-2 sections of a spec by title (lower case). */
function sectionsOf(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    sections.set(part.slice(0, newline).trim().toLowerCase(), part.slice(newline + 1));
  }
  return sections;
}

interface RequirementLine {
  id: string;
  text: string;
}

function idLines(body: string): RequirementLine[] {
  return [...body.matchAll(/^- \*\*([A-Z]+-\d+)\*\*:? ?(.+)$/gm)].map((match) => ({ id: match[1], text: match[2] }));
}

interface Ears {
  pattern: EarsPattern;
  clause: string;
}

/** The EARS pattern of a requirement sentence, or undefined when it is not a well-formed EARS sentence. */
export function earsOf(sentence: string): Ears | undefined {
  if (!/^[A-Z][^]*\.$/.test(sentence) || (sentence.match(/\bshall\b/g) ?? []).length !== 1) return undefined;
  const subject = '(?:the|The) [\\w .’\'`/-]+? shall ';
  const patterns: [EarsPattern, RegExp][] = [
    ['complex', new RegExp(`^While (.+?), when (.+?), ${subject}`)],
    ['state', new RegExp(`^While (.+?), ${subject}`)],
    ['event', new RegExp(`^When (.+?), ${subject}`)],
    ['unwanted', new RegExp(`^If (.+?), then ${subject}`)],
    ['optional', new RegExp(`^Where (.+?), ${subject}`)],
    ['ubiquitous', new RegExp(`^()${subject}`)],
  ];
  for (const [pattern, regex] of patterns) {
    const match = regex.exec(sentence);
    if (match) return { pattern, clause: match.slice(1).filter(Boolean).join(', ') };
  }
  return undefined;
}

/** Words an NFR of each kind uses for its target. */
const QUALITY_VOCABULARY: Record<QualityKind, RegExp> = {
  latency: /\b(?:within|latency|respon\w*|seconds?|ms|minutes?)\b/i,
  security: /\b(?:authori[sz]\w*|permissions?|roles?|encrypt\w*|audit|access)\b/i,
  availability: /\b(?:availab\w*|uptime|outages?)\b/i,
  usability: /\b(?:without help|usability|success rate|taps?|clicks?|steps?)\b/i,
  volume: /\b(?:volume|up to|at least|records|items)\b/i,
  capacity: /\b(?:peak|concurrent|load)\b/i,
  accuracy: /\b(?:accura\w*|match\w*|error rate)\b/i,
  platform: /\b(?:platforms?|devices?|iOS|Android|browsers?|phones?|tablets?)\b/i,
};

/** Wording that is not English a reader would accept in a requirement, criterion or title. */
const SMELLS: [RegExp, string][] = [
  [/\b(?:[Ww]e|us|[Oo]urs?|I|me|[Mm]y)\b/, 'first-person pronoun from the request'],
  [/\b(\w+)\s+\1\b/i, 'repeated word'],
  [/\b[Aa] (?!eu|one\b|once\b|uni|use|usu)[aeio][a-z]/, '"a" before a vowel'],
  [/\b[Aa]n (?![A-Z]{2})[bcdfgjklmnpqrstvwxzBCDFGJKLMNPQRSTVWXZ]\w/, '"an" before a consonant'],
  [/\bshall (?:be able to|can|could|must|should|will|need)\b/, 'a second modal after "shall"'],
  [/\ballow the system\b/i, '"allow the system"'],
  [/\s[,.;:](?!\d)|,,|\.\.|\s{2,}/, 'stray punctuation or spacing'],
  [/\b(?:and|or|of|to|with|the|a|an|from|for|by)[.,;:]/i, 'a sentence left hanging on a function word'],
  [/\b(?:must|should|needs? to|ha(?:s|ve) to|ought to)\b/i, 'a modal of the request left in the text'],
];

/** In a requirement, a condition cannot lean on a pronoun: nothing before it says what "it" is. */
const UNRESOLVED_CONDITION = /^(?:When|While|If|Where) (?:it|they|them|this|that|he|she)\b|, (?:when|while|if) (?:it|they|them|this|that|he|she)\b/;

function smellsIn(line: string, requirement: boolean): string[] {
  const prose = line.replace(/"[^"]*"|“[^”]*”|`[^`]*`|\[NEEDS CLARIFICATION: [^\]]*\]/g, '"…"');
  const smells = SMELLS.filter(([pattern]) => pattern.test(prose)).map(([, what]) => `${what} in "${line}"`);
  if (requirement && UNRESOLVED_CONDITION.test(prose)) smells.push(`a condition whose subject is an unresolved pronoun in "${line}"`);
  return smells;
}

function dependencyRows(body: string | undefined): string[] {
  if (!body) return [];
  return body
    .split('\n')
    .filter((line) => /^\|/.test(line) && !/^\|\s*-{3}/.test(line))
    .slice(1)
    .map((line) => line.split('|')[1]?.trim() ?? '');
}

/** Assigns each expected capability a distinct requirement line; returns the assignment or undefined. */
function assign(capabilities: ExpectedCapability[], lines: RequirementLine[]): Map<number, number> | undefined {
  const candidates = capabilities.map((capability) => lines.map((line, index) => (capability.has.every((term) => hasTerm(line.text, term)) ? index : -1)).filter((index) => index >= 0));
  const used = new Map<number, number>();
  const order = capabilities.map((_, index) => index).sort((a, b) => candidates[a].length - candidates[b].length);
  const search = (position: number): boolean => {
    if (position === order.length) return true;
    const capability = order[position];
    for (const line of candidates[capability]) {
      if ([...used.values()].includes(line)) continue;
      used.set(capability, line);
      if (search(position + 1)) return true;
      used.delete(capability);
    }
    return capabilities[capability].optional === true && search(position + 1);
  };
  return search(0) ? used : undefined;
}

export const CHECKS = ['no requirement', 'capabilities', 'conditions', 'criteria', 'figures', 'qualities', 'dependencies', 'problem statement', 'open questions', 'wording'] as const;
export type Check = (typeof CHECKS)[number];

export interface Problem {
  check: Check;
  message: string;
}

/** Every way the translation differs from what the request expects; empty means fully right. */
export function judge(request: SetRequest, produced: Produced): Problem[] {
  const problems: Problem[] = [];
  const fail = (check: Check, message: string) => void problems.push({ check, message });
  const markdown = produced.markdown.trim();
  if (request.none) {
    if (markdown) fail('no requirement', 'produced a spec for a text that holds no requirement');
    if (!produced.message) fail('no requirement', 'no message saying that the text holds no requirement');
    return problems;
  }
  if (!markdown) return [{ check: 'capabilities', message: `produced no spec${produced.message ? `: ${produced.message}` : ''}` }];
  const sections = sectionsOf(markdown);
  const requirementLines = idLines(sections.get('requirements') ?? '');
  const functional = requirementLines.filter((line) => !line.id.startsWith('NFR-'));
  const nonFunctional = requirementLines.filter((line) => line.id.startsWith('NFR-'));
  const criteria = idLines(sections.get('success criteria') ?? '');

  const expected = request.capabilities ?? [];
  const required = expected.filter((capability) => !capability.optional).length;
  if (functional.length < required || functional.length > expected.length) {
    fail('capabilities', `${functional.length} functional requirements for ${required === expected.length ? required : `${required} to ${expected.length}`} capabilities`);
  }
  const assignment = assign(expected, functional);
  if (!assignment) {
    fail('capabilities', `capabilities not each in a distinct requirement: ${expected.map((capability) => `[${capability.has.join(', ')}]`).join(' ')}`);
  } else {
    for (const [index, lineIndex] of assignment) {
      const capability = expected[index];
      const line = functional[lineIndex];
      const ears = earsOf(line.text);
      if (!ears) continue;
      const allowed = [capability.ears ?? 'ubiquitous'].flat();
      if (!allowed.includes(ears.pattern)) fail('conditions', `${line.id} is ${ears.pattern}, expected ${allowed.join(' or ')}: ${line.text}`);
      for (const term of capability.clause ?? []) if (!hasTerm(ears.clause, term)) fail('conditions', `${line.id} condition lacks "${term}": ${line.text}`);
    }
    if (assignment.size !== functional.length && functional.length <= expected.length) fail('capabilities', 'a requirement matches no capability');
  }
  for (const line of functional) if (!earsOf(line.text)) fail('conditions', `not a well-formed EARS sentence: ${line.id}: ${line.text}`);

  const verifying = (id: string) => criteria.filter((criterion) => new RegExp(`\\b${id}\\b`).test(criterion.text));
  for (const line of requirementLines) {
    const own = verifying(line.id);
    if (own.length === 0) fail('criteria', `no criterion verifies ${line.id}`);
    else if (!own.some((criterion) => /\bGiven\b.+\bwhen\b.+\bthen\b/i.test(criterion.text))) fail('criteria', `the criterion for ${line.id} is not Given/When/Then`);
  }

  for (const figure of request.figures ?? []) {
    const holders = requirementLines.filter((line) => hasTerm(line.text, figure));
    if (holders.length === 0) fail('figures', `figure "${figure}" is in no requirement`);
    else if (!holders.some((line) => verifying(line.id).some((criterion) => hasTerm(criterion.text, figure)))) fail('figures', `figure "${figure}" is in no criterion that verifies its requirement`);
  }

  const qualities = request.qualities ?? [];
  if (qualities.length === 0 && nonFunctional.length > 0) fail('qualities', `non-functional requirements where none is asked for: ${nonFunctional.map((line) => line.text).join(' | ')}`);
  for (const kind of qualities) if (!nonFunctional.some((line) => QUALITY_VOCABULARY[kind].test(line.text))) fail('qualities', `no ${kind} non-functional requirement`);

  const rows = dependencyRows(sections.get('dependencies'));
  const expectedDependencies = request.dependencies ?? [];
  for (const name of expectedDependencies) if (!rows.some((row) => hasTerm(row, name))) fail('dependencies', `dependency "${name}" missing`);
  const allowed = [...expectedDependencies, ...(request.alsoDependencies ?? [])];
  for (const row of rows) {
    const unresolved = expectedDependencies.length === 0 && /NEEDS CLARIFICATION/.test(row);
    if (!unresolved && !allowed.some((name) => hasTerm(row, name))) fail('dependencies', `unexpected dependency "${row}"`);
  }
  for (const name of request.notDependencies ?? []) if (rows.some((row) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu').test(row))) fail('dependencies', `"${name}" listed as a dependency`);

  const problem = sections.get('problem statement') ?? '';
  for (const phrase of request.problem ?? []) if (!hasTerm(problem, phrase)) fail('problem statement', `problem statement lacks "${phrase}"`);
  const questions = sections.get('open questions') ?? '';
  for (const phrase of request.questions ?? []) if (!questions.includes(`"${phrase}"`)) fail('open questions', `no open question about "${phrase}"`);

  for (const line of requirementLines) for (const smell of smellsIn(line.text, true)) fail('wording', smell);
  for (const line of criteria) for (const smell of smellsIn(line.text, false)) fail('wording', smell);
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? '';
  if (!/\s/.test(title.trim()) || /^(?:Be|Is|Are|Get|Gets|Have|Has|Do|Does)\b/.test(title)) fail('wording', `title "${title}" does not name the capability`);
  if (/\bAC-(\d+) to AC-(\d+)\b/.test(markdown)) {
    const [, from, to] = /\bAC-(\d+) to AC-(\d+)\b/.exec(markdown)!;
    if (Number(to) < Number(from)) fail('wording', `empty range AC-${from} to AC-${to}`);
  }
  return problems;
}
