/**
 * Inline content of plain blocks (see plain-blocks.ts): text, code spans and emphasis, built
 * as the parser builds them. Emphasis follows micromark's own resolution (flanking by
 * micromark's character classes, the rule of three, inner spans resolved on their own), so
 * the tree is the parser's. Anything else inline (links, HTML, escapes, entities,
 * strikethrough, footnotes, hard breaks) is refused.
 */
import type { Emphasis, InlineCode, PhrasingContent, Strong, Text } from 'mdast';
import { classifyCharacter } from 'micromark-util-classify-character';
import { MAX_EMPHASIS_DELIMITERS } from './tame.js';

/** Where each piece of the joined text starts in the block's source; line breaks join lines. */
export interface TextSegment {
  /** Index in the joined text. */
  at: number;
  /** Offset in the source. */
  source: number;
}

/** Turns source offsets into mdast points. */
export type PointAt = (offset: number) => { line: number; column: number; offset: number };

/** Outside code spans: escapes, HTML and autolinks, strikethrough, images, links, definitions, footnotes, entities. */
const REFUSED = /[\\<~]|!\[|\]\(|\]\[|\]:|\[\^|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;
const BRACKET = /[[\]]/;

/** Text between items is not an item: it becomes text nodes as it is. */
type Item =
  | { kind: 'code'; start: number; end: number; value: string }
  | { kind: 'sequence'; marker: number; start: number; end: number; open: boolean; close: boolean }
  | { kind: 'group'; node: 'emphasis' | 'strong'; start: number; end: number; children: Item[] };

/** Code spans and delimiter runs of the text, in order; undefined when the text holds what plain blocks leave to the parser. */
function tokenize(text: string, brackets: boolean): Item[] | undefined {
  const items: Item[] = [];
  let plainFrom = 0;
  const checkPlain = (to: number) => {
    const plain = text.slice(plainFrom, to);
    return !REFUSED.test(plain) && (brackets || !BRACKET.test(plain));
  };
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 96) {
      let runEnd = at;
      while (text.charCodeAt(runEnd) === 96) runEnd++;
      const size = runEnd - at;
      let close = runEnd;
      let found = -1;
      while (close < text.length) {
        const next = text.indexOf('`', close);
        if (next < 0) break;
        let end = next;
        while (text.charCodeAt(end) === 96) end++;
        if (end - next === size) {
          found = next;
          break;
        }
        close = end;
      }
      // Backticks that open no code span are text, but the parser places the text around them differently.
      if (found < 0) return undefined;
      const inside = text.slice(runEnd, found);
      if (inside.includes('\n')) return undefined;
      if (!checkPlain(at)) return undefined;
      // Padding goes when the inside holds anything but spaces (an NBSP counts as content).
      const padded = inside.startsWith(' ') && inside.endsWith(' ') && /[^ ]/.test(inside);
      items.push({ kind: 'code', start: at, end: found + size, value: padded ? inside.slice(1, -1) : inside });
      at = found + size;
      plainFrom = at;
      continue;
    }
    if (code === 42 || code === 95) {
      let end = at;
      while (text.charCodeAt(end) === code) end++;
      const before = classifyCharacter(at > 0 ? text.charCodeAt(at - 1) : null);
      const after = classifyCharacter(end < text.length ? text.charCodeAt(end) : null);
      const open = !after || (after === 2 && before !== undefined);
      const close = !before || (before === 2 && after !== undefined);
      items.push({
        kind: 'sequence',
        marker: code,
        start: at,
        end,
        open: code === 42 ? open : open && (before !== undefined || !close),
        close: code === 42 ? close : close && (after !== undefined || !open),
      });
      at = end;
      continue;
    }
    at++;
  }
  if (!checkPlain(text.length)) return undefined;
  return items;
}

/** micromark's resolveAllAttention over the sequences, with everything between them kept in place. */
function resolve(items: Item[]): Item[] {
  let index = 0;
  while (index < items.length) {
    const closer = items[index];
    if (closer.kind !== 'sequence' || !closer.close) {
      index++;
      continue;
    }
    let matched = false;
    for (let open = index - 1; open >= 0; open--) {
      const opener = items[open];
      if (opener.kind !== 'sequence' || !opener.open || opener.marker !== closer.marker) continue;
      const openSize = opener.end - opener.start;
      const closeSize = closer.end - closer.start;
      if ((opener.close || closer.open) && closeSize % 3 && !((openSize + closeSize) % 3)) continue;
      const use = openSize > 1 && closeSize > 1 ? 2 : 1;
      const group: Item = { kind: 'group', node: use > 1 ? 'strong' : 'emphasis', start: opener.end - use, end: closer.start + use, children: resolve(items.slice(open + 1, index)) };
      opener.end -= use;
      closer.start += use;
      const replacement: Item[] = [];
      if (opener.end > opener.start) replacement.push(opener);
      replacement.push(group);
      const closerLeft = closer.end > closer.start;
      if (closerLeft) replacement.push(closer);
      items.splice(open, index - open + 1, ...replacement);
      index = open + replacement.length - (closerLeft ? 1 : 0);
      matched = true;
      break;
    }
    if (!matched) index++;
  }
  return items;
}

/** The mdast children of the items; unmatched sequences and the text between become merged text nodes. */
interface Points {
  start(index: number): ReturnType<PointAt>;
  end(index: number): ReturnType<PointAt>;
}

function build(items: readonly Item[], from: number, to: number, text: string, points: Points): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let textFrom = from;
  const flushText = (until: number) => {
    if (until > textFrom) {
      const node: Text = { type: 'text', value: text.slice(textFrom, until), position: { start: points.start(textFrom), end: points.end(until) } };
      nodes.push(node);
    }
  };
  for (const item of items) {
    if (item.kind === 'code') {
      flushText(item.start);
      const node: InlineCode = { type: 'inlineCode', value: item.value, position: { start: points.start(item.start), end: points.end(item.end) } };
      nodes.push(node);
      textFrom = item.end;
    } else if (item.kind === 'group') {
      flushText(item.start);
      const size = item.node === 'strong' ? 2 : 1;
      const children = build(item.children, item.start + size, item.end - size, text, points);
      const node: Emphasis | Strong = { type: item.node, children, position: { start: points.start(item.start), end: points.end(item.end) } } as Emphasis | Strong;
      nodes.push(node);
      textFrom = item.end;
    }
  }
  flushText(to);
  return nodes;
}

/**
 * The phrasing content of `text` (lines joined with \n, indentation removed), or undefined
 * when it holds inline markup plain blocks leave to the parser. `brackets`: whether `[` and
 * `]` are plain text (no reference definitions could turn them into links).
 */
export function plainInline(text: string, segments: readonly TextSegment[], pointAt: PointAt, brackets: boolean): PhrasingContent[] | undefined {
  const items = tokenize(text, brackets);
  // Resolving emphasis is quadratic in the delimiter runs, as in micromark: past the limit tameForParser keeps, the parser takes the block.
  if (!items || items.length > MAX_EMPHASIS_DELIMITERS) return undefined;
  const sourceOf = (index: number): number => {
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (segments[mid].at <= index) low = mid;
      else high = mid - 1;
    }
    return segments[low].source + (index - segments[low].at);
  };
  // A node ends after its last character, which may be a line break: the next line's indentation is not in it.
  const points: Points = { start: (index) => pointAt(sourceOf(index)), end: (index) => pointAt(sourceOf(index - 1) + 1) };
  return build(resolve(items), 0, text.length, text, points);
}
