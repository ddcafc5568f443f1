/**
 * Which blocks can go unparsed. A block may be skipped when no rule could find anything in
 * it and the model needs from it only what a line scan gives exactly: its ATX headings and
 * whether the text between them is real content. Everything a rule reads closely (modal
 * sentences, ids, placeholders, HTML and comments, tables, definitions) forces a parse.
 */
import { closesFence, fenceOpenedBy, type Fence } from './blocks.js';
import type { OffsetRange } from './positions.js';
import type { SectionKind } from './template.js';

/** Section kinds whose every entry some rule reads (entries, criteria, requirement ids). */
export const CLOSELY_READ_KINDS: ReadonlySet<SectionKind | undefined> = new Set<SectionKind>(['requirements', 'success-criteria', 'risks', 'dependencies', 'test-plan']);

/**
 * Loose, linear probes: each matches wherever the rule's own pattern could match in the
 * parsed text (and more). They run on the raw text and on the text without inline markup,
 * so `mu*st*` or `[TB](x)D` still count.
 */
const TEXT_SIGNALS: readonly RegExp[] = [
  /shall|must/i,
  /(?:REQ|FR|NFR|SC|AC|US|UC|BR|SR|TR|QR|SEC|PERF|SYS)-\d|R\d+\.\d/,
  /TODO|TBD|TBC|FIXME|\?\?\?|NEEDS\s+CLARIFICATION|fill\s+(?:me|this)\s+in|to\s+be\s+(?:written|determined|decided)/i,
];

/** Markup the line scan cannot read exactly, so the parser must. */
const MARKUP_SIGNALS: readonly RegExp[] = [
  /[<&|]/, // HTML, comments, angle placeholders, entities, tables
  /\]:|!\[|\]\([ \t]*\r?\n/, // definitions, images, links whose destination wraps
  /\\[!-/:-@[-`{-~]/, // backslash escapes
  /^ {0,3}(?:=+|-+)[ \t]*\r?$/m, // setext underlines and rules
  /^ {0,3}([*_])[ \t]*(?:\1[ \t]*){2,}\r?$/m, // rules
  /^ {1,3}(?:#|`{3}|~{3})/m, // a heading or fence that may sit in a list item
];

/** The text as inline markup leaves it: emphasis marks and link destinations gone. */
function withoutInlineMarkup(text: string): string {
  return text.replace(/\]\([^)]*\)|\]\[[^\]]*\]/g, '').replace(/[*_~[\]]/g, '');
}

export function hasSignal(text: string): boolean {
  if (MARKUP_SIGNALS.some((pattern) => pattern.test(text))) return true;
  const plain = withoutInlineMarkup(text);
  return TEXT_SIGNALS.some((pattern) => pattern.test(text) || pattern.test(plain));
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
export function scanSkippable(text: string, start: number, end: number): SkippedBlock | undefined {
  const block = text.slice(start, end);
  if (hasSignal(block)) return undefined;
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
    const line = text.slice(at, lineEnd);
    const blank = /^[ \t\r]*$/.test(line);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      else if (!blank) regionState = 'content';
    } else if (ATX_HEADING.test(line)) {
      if (!closeRegion(at)) return undefined;
      headings.push({ start: at, end: line.endsWith('\r') ? lineEnd - 1 : lineEnd });
      regionStart = Math.min(lineEnd + 1, end);
      regionState = 'blank';
    } else if (!blank) {
      fence = fenceOpenedBy(line);
      if (!fence && regionState !== 'content') regionState = CONTENT_LINE.test(line) ? 'content' : 'unknown';
    }
    at = lineEnd + 1;
  }
  return closeRegion(end) ? { headings, regions } : undefined;
}
