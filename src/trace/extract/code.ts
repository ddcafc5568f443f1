/**
 * Citations in test and source files, by configurable patterns: an id in a test's title,
 * `@req REQ-12`, `Verifies: FR-003`, Kiro's `_Requirements: 1.2_`, and the team's own regular
 * expressions. An id may name its feature: `003-export/FR-003` or `003-export#FR-003`.
 */
import { LineIndex } from '../../core/positions.js';
import { REQUIREMENT_ID } from '../../core/requirements.js';
import { contentHash } from '../hash.js';
import type { TraceCitation, TraceFileFacts } from '../model.js';
import { kiroLists } from './kiro-lists.js';
import { placeOf } from './place.js';

/** The built-in citation patterns, by the name the configuration uses. */
export const BUILT_IN_CITATIONS = {
  /** An id in the title of a test: `it('REQ-12 exports a PDF', …)`, `TEST_CASE("FR-003 …")`. */
  title: /\b(?:it|test|describe|context|specify|suite|scenario|Scenario|Feature|TEST_CASE|TEST|SECTION|SCENARIO|DisplayName|pytest\.mark\.\w+)\s*\(\s*(["'`])(.*?)\1/g,
  /** A tag: `@req REQ-12`, `@verifies FR-003`, `@covers NFR-2`. */
  tag: /@(?:req|reqs|requirement|requirements|verifies|covers|implements|satisfies)\b[:\s]+(.*)$/gim,
  /** A label: `Verifies: FR-003`, `Covers: REQ-4, REQ-5`. */
  verifies: /\b(?:Verifies|Validates|Covers|Implements|Satisfies)\s*:\s*(.*)$/gim,
  /** Kiro's `_Requirements: 1.2, 3.1_` and `Validates: Requirements 2.1` (with `Feature: name` nearby for the feature). */
  kiro: /_Requirements?\s*:|Validates\s*:\s*Requirements?\b/gi,
} as const;

export type BuiltInCitation = keyof typeof BUILT_IN_CITATIONS;
export const BUILT_IN_CITATION_NAMES = Object.keys(BUILT_IN_CITATIONS) as BuiltInCitation[];

export interface CitationPatterns {
  builtIn: readonly BuiltInCitation[];
  /** The team's own expressions: the first capture group (or the group named `ids`) holds the ids. */
  custom: readonly RegExp[];
}

export const DEFAULT_CITATION_PATTERNS: CitationPatterns = { builtIn: BUILT_IN_CITATION_NAMES, custom: [] };

/** Ids with an optional feature in front: FR-003, 003-export/FR-003, 003-export#FR-003. */
const QUALIFIED_ID = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:([\\p{L}\\p{N}_.-]+)[/#])?(${REQUIREMENT_ID.source.replace(/^\(\?<!\[[^\]]*\]\)/, '')})`, 'gu');
/** Kiro's property tests name their feature: "Feature: user-auth, Property 3: …". */
const KIRO_FEATURE = /\bFeature\s*:\s*([\p{L}\p{N}_.-]+)/u;
const FEATURE_REACH = 10;

/** The patterns a configuration asks for; expressions that do not compile are left out (the configuration check reports them). */
export function citationPatternsOf(settings: { citations?: readonly string[]; patterns: readonly string[] }): CitationPatterns {
  const custom: RegExp[] = [];
  for (const source of settings.patterns) {
    try {
      custom.push(new RegExp(source, 'gmu'));
    } catch {
      // Reported with its file, line and column when the configuration loads.
    }
  }
  const builtIn = settings.citations ? BUILT_IN_CITATION_NAMES.filter((name) => settings.citations!.includes(name)) : BUILT_IN_CITATION_NAMES;
  return { builtIn, custom };
}

function idsIn(text: string, offset: number, cite: (id: string, start: number, end: number, qualifier: string | undefined) => void): void {
  for (const match of text.matchAll(QUALIFIED_ID)) {
    const idStart = offset + match.index + match[0].length - match[2].length;
    cite(match[2], idStart, idStart + match[2].length, match[1]);
  }
}

export function codeFacts(path: string, text: string, role: 'test' | 'source', patterns: CitationPatterns = DEFAULT_CITATION_PATTERNS): TraceFileFacts {
  const lines = new LineIndex(text);
  const seen = new Set<number>();
  const citations: TraceCitation[] = [];
  const push = (citation: Omit<TraceCitation, 'range' | 'start' | 'end'>, start: number, end: number) => {
    if (seen.has(start)) return;
    seen.add(start);
    citations.push({ ...placeOf(lines, { start, end }), ...citation });
  };
  const citeId = (id: string, start: number, end: number, qualifier: string | undefined) => push({ id, form: 'pattern', literal: true, ...(qualifier ? { qualifier } : {}) }, start, end);
  const builtIn = new Set(patterns.builtIn);
  let feature: { name: string; line: number } | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineStart = lines.lineStart(line);
    const content = text.slice(lineStart, lines.lineEnd(line));
    const named = KIRO_FEATURE.exec(content);
    if (named) feature = { name: named[1], line };
    if (builtIn.has('title')) {
      for (const match of content.matchAll(BUILT_IN_CITATIONS.title)) idsIn(match[2], lineStart + match.index + match[0].indexOf(match[1], match[0].indexOf('(')) + 1, citeId);
    }
    for (const name of ['tag', 'verifies'] as const) {
      if (builtIn.has(name)) for (const match of content.matchAll(BUILT_IN_CITATIONS[name])) idsIn(match[1], lineStart + match.index + match[0].length - match[1].length, citeId);
    }
    if (builtIn.has('kiro') && content.search(BUILT_IN_CITATIONS.kiro) >= 0) {
      const qualifier = feature && line - feature.line <= FEATURE_REACH ? feature.name : undefined;
      for (const list of kiroLists(content)) {
        for (const item of list.items) push({ id: item.id, form: 'kiro', literal: false, ...(qualifier ? { qualifier } : {}) }, lineStart + item.start, lineStart + item.end);
      }
    }
  }
  for (const pattern of patterns.custom) {
    for (const match of text.matchAll(pattern)) {
      const ids = match.groups?.ids ?? match[1];
      if (ids === undefined) continue;
      idsIn(ids, match.index + match[0].indexOf(ids), citeId);
    }
  }
  return {
    path,
    hash: contentHash(text),
    role,
    definitions: [],
    citations: citations.sort((a, b) => a.range.start - b.range.start),
    tasks: [],
    deltas: [],
    suppressions: [],
  };
}
