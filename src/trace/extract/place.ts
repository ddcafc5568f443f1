import type { LineIndex, OffsetRange } from '../../core/positions.js';
import type { Place } from '../model.js';

export function placeOf(lines: LineIndex, range: OffsetRange): Place {
  return { range: { start: range.start, end: range.end }, start: lines.position(range.start), end: lines.position(range.end) };
}

/** The first line of a text, whitespace collapsed, cut to `limit` characters. */
export function firstLine(text: string, limit = 120): string {
  const line = (text.trim().split('\n')[0] ?? '').replace(/\s+/g, ' ').trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** The first line of a block as written (quotes and code kept), without its list, heading and emphasis marks. */
export function sourceTitle(text: string, start: number, limit = 120): string {
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(start, lineEnd < 0 ? text.length : lineEnd);
  return firstLine(line.replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/, '').replace(/^\[[ xX]\]\s+/, '').replace(/\*\*|__/g, ''), limit);
}
