/**
 * Which blocks can go unparsed. A block may be skipped when no rule could find anything in
 * it and the model needs from it only what a line scan gives exactly: its ATX headings and
 * whether the text between them is real content. Everything a rule reads closely (modal
 * sentences, ids, placeholders, HTML and comments, tables, definitions) forces a parse.
 */
import { closesFence, fenceOpenedBy, type Fence } from './blocks.js';
import { ANGLE_PLACEHOLDER, BRACKET_PLACEHOLDER, isAnglePlaceholder } from './placeholders.js';
import type { OffsetRange } from './positions.js';
import type { SectionKind } from './template.js';

/** Section kinds whose every entry some rule reads (entries, criteria, requirement ids). */
export const CLOSELY_READ_KINDS: ReadonlySet<SectionKind | undefined> = new Set<SectionKind>(['requirements', 'user-stories', 'success-criteria', 'risks', 'dependencies', 'test-plan']);

/**
 * Loose, linear probes: each matches wherever the rule's own pattern could match in the
 * parsed text (and more). They run on the raw text and on the text without inline markup,
 * so `mu*st*` or `[TB](x)D` still count.
 */
const ID_SIGNAL = /(?:REQ|FR|NFR|SC|AC|US|UC|BR|SR|TR|QR|SEC|PERF|SYS)-\d|R\d+\.\d/;
const TEXT_SIGNALS: readonly RegExp[] = [
  // Outside requirement and criteria sections, only "shall" sentences are normative.
  /shall/i,
  ID_SIGNAL,
  /TODO|TBD|TBC|FIXME|\?\?\?|NEEDS\s+CLARIFICATION|fill\s+(?:me|this)\s+in|to\s+be\s+(?:written|determined|decided)/i,
];

/** Table delimiter rows: rules read tables (a line scan would tell the headings right). */
const TABLE_DELIMITER = /^ {0,3}(?=[^\n]*-)[|:\- \t]*\|[|:\- \t]*\r?$/m;

/** Markup the line scan cannot read exactly, so the parser must. */
const MARKUP_SIGNALS: readonly RegExp[] = [
  /^ {0,3}<|<!--/m, // HTML blocks and comments (inline HTML elsewhere changes nothing a rule reads)
  /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/, // entities
  TABLE_DELIMITER,
  /\]:|!\[|\]\([ \t]*\r?\n/, // definitions, images, links whose destination wraps
  /^ {0,3}(?:=+|-+)[ \t]*\r?$/m, // setext underlines and rules
  /^ {0,3}([*_])[ \t]*(?:\1[ \t]*){2,}\r?$/m, // rules
  /^ {1,3}#/m, // a heading that may sit in a list item
];

/** A non-global copy: `test` on a global pattern would leave `lastIndex` behind for the next `matchAll`. */
const BRACKET_PROBE = new RegExp(BRACKET_PLACEHOLDER.source);

const INDENTED_FENCE = /^ {1,3}(?:`{3}|~{3})/m;

/** Read in the raw text: escapes change what a backtick means, and links may hold backticks. */
const RAW_SIGNALS: readonly RegExp[] = [
  /\\[!-/:-@[-`{-~]/, // backslash escapes
  /\]\([^)\n]*`/, // a backtick in a link destination
  INDENTED_FENCE, // a fence that may sit in a list item
];

/** The text as inline markup leaves it: emphasis marks and link destinations gone. */
function withoutInlineMarkup(text: string): string {
  return text.replace(/\]\([^)]*\)|\]\[[^\]]*\]/g, '').replace(/[*_~[\]]/g, '');
}

function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
}

/**
 * The block with code (column-0 fences and code spans) blanked: rules never read code. A
 * paragraph's code spans are blanked only when each closes on the line it opens on, where
 * pairing backtick runs of equal length is exact whatever block the line belongs to.
 */
function withoutCode(text: string): string {
  const chars = text.split('');
  let fence: Fence | undefined;
  let fenceStart = 0;
  let chunkStart = -1;
  let at = 0;
  while (at <= text.length) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next;
    // Without the CR of a CRLF ending, which fence patterns (`.*$`) do not match.
    const line = text.slice(at, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    const isBlank = /^[ \t\r]*$/.test(line);
    if (fence) {
      if (closesFence(line, fence)) {
        blank(chars, fenceStart, end);
        fence = undefined;
      }
    } else {
      const opens = isBlank ? undefined : fenceOpenedBy(line);
      if ((isBlank || opens) && chunkStart >= 0) {
        blankCodeSpans(text, chars, chunkStart, at);
        chunkStart = -1;
      }
      if (opens) {
        fence = opens;
        fenceStart = at;
      } else if (!isBlank && chunkStart < 0) {
        chunkStart = at;
      }
    }
    if (next < 0) break;
    at = next + 1;
  }
  if (fence) blank(chars, fenceStart, text.length);
  if (chunkStart >= 0) blankCodeSpans(text, chars, chunkStart, text.length);
  return chars.join('');
}

function blankCodeSpans(text: string, chars: string[], from: number, to: number): void {
  const runs = [...text.slice(from, to).matchAll(/`+/g)].map((match) => ({ start: from + match.index, end: from + match.index + match[0].length }));
  // The next run of the same length, for each run: pairing is linear.
  const nextSame = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i].end - runs[i].start;
    nextSame[i] = lastByLength.get(length) ?? -1;
    lastByLength.set(length, i);
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    const closer = nextSame[i];
    if (closer < 0) continue;
    if (text.slice(runs[i].end, runs[closer].start).includes('\n')) return;
    spans.push([runs[i].start, runs[closer].end]);
    i = closer;
  }
  for (const [start, end] of spans) blank(chars, start, end);
}

/**
 * Whether the text may hold a link or footnote definition. Code cannot, but a fence in a
 * list item may end with the item before its closing line, so then the raw text is read.
 */
export function mayDefine(text: string): boolean {
  if (!text.includes(']:')) return false;
  return INDENTED_FENCE.test(text) || withoutCode(text).includes(']:');
}

/**
 * What a caller reads in blocks outside its closely read ranges: `rules`, everything a rule
 * could flag; `ids`, only requirement ids (traceability in tasks, plans and designs, which
 * no rule checks), so a table, a TODO or a "shall" without an id stays unparsed there.
 */
export type SignalSet = 'rules' | 'ids';

export function hasSignal(text: string, signals: SignalSet = 'rules'): boolean {
  if (RAW_SIGNALS.some((pattern) => pattern.test(text))) return true;
  const prose = text.includes('`') || text.includes('~~~') ? withoutCode(text) : text;
  if (MARKUP_SIGNALS.some((pattern) => (signals === 'rules' || pattern !== TABLE_DELIMITER) && pattern.test(prose))) return true;
  const plain = withoutInlineMarkup(prose);
  if (signals === 'ids') return ID_SIGNAL.test(prose) || ID_SIGNAL.test(plain);
  for (const match of prose.matchAll(ANGLE_PLACEHOLDER)) if (isAnglePlaceholder(match[1])) return true;
  if (BRACKET_PROBE.test(prose)) return true;
  return TEXT_SIGNALS.some((pattern) => pattern.test(prose) || pattern.test(plain));
}

export interface SkippedRegion extends OffsetRange {
  /** Holds prose, a list or code (not only blank lines). */
  hasContent: boolean;
}

export interface SkippedBlock {
  /** ATX heading lines, line break excluded. */
  headings: OffsetRange[];
  /** The text before, between and after the headings. */
  regions: SkippedRegion[];
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const CONTENT_LINE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+\p{L}|\p{L}|\d+(?![\d.)]))/u;

/**
 * The headings and content of a block that may go unparsed, or undefined when the block
 * needs the parser: it has a signal, or a region whose content a line scan cannot judge.
 */
export function scanSkippable(text: string, start: number, end: number, signals: SignalSet = 'rules'): SkippedBlock | undefined {
  const block = text.slice(start, end);
  if (hasSignal(block, signals)) return undefined;
  const headings: OffsetRange[] = [];
  const regions: SkippedRegion[] = [];
  let regionStart = start;
  let regionState: 'blank' | 'content' | 'unknown' = 'blank';
  const closeRegion = (to: number): boolean => {
    if (regionState === 'unknown') return false;
    regions.push({ start: regionStart, end: to, hasContent: regionState === 'content' });
    return true;
  };
  let fence: Fence | undefined;
  let at = start;
  while (at < end) {
    const next = text.indexOf('\n', at);
    const lineEnd = next < 0 || next >= end ? end : next;
    const contentEnd = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(at, contentEnd);
    const blank = /^[ \t\r]*$/.test(line);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      else if (!blank) regionState = 'content';
    } else if (ATX_HEADING.test(line)) {
      if (!closeRegion(at)) return undefined;
      headings.push({ start: at, end: contentEnd });
      regionStart = Math.min(lineEnd + 1, end);
      regionState = 'blank';
    } else if (!blank) {
      fence = fenceOpenedBy(line);
      // Reading only ids, whether a region holds prose (empty-section's question) does not matter: a table row is content.
      if (!fence && regionState !== 'content') regionState = signals === 'ids' || CONTENT_LINE.test(line) ? 'content' : 'unknown';
    }
    at = lineEnd + 1;
  }
  return closeRegion(end) ? { headings, regions } : undefined;
}

/** A link definition on one line with nothing the parser could read otherwise: no parentheses, escapes or footnote. */
const SIMPLE_DEFINITION = /^ {0,3}\[([^\\[\]\n^][^\\[\]\n]{0,998})\]:[ \t]*(?:<[^<>\\\n]*>|[^\s()<>\\]+)(?:[ \t]+(?:"[^"\\\n]*"|'[^'\\\n]*'))?[ \t]*\r?$/;

/**
 * The labels and offsets of a block made only of one-line link definitions (like the link
 * list closing many specs), or undefined. Such a block gives the model nothing but them.
 */
export function simpleDefinitions(text: string): { label: string; offset: number }[] | undefined {
  const definitions: { label: string; offset: number }[] = [];
  let at = 0;
  while (at < text.length) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next;
    const line = text.slice(at, end);
    if (!/^[ \t\r]*$/.test(line)) {
      const match = SIMPLE_DEFINITION.exec(line);
      if (!match || !/\S/.test(match[1])) return undefined;
      definitions.push({ label: match[1], offset: at });
    }
    at = end + 1;
  }
  return definitions.length > 0 ? definitions : undefined;
}
