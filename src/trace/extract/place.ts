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
