/**
 * Kiro's requirement lists: `_Requirements: 1.2, 3.1_`, `**Validates: Requirements 2.1, 2.4**`,
 * `**验证**: Requirement 1, 2`, `_需求 1.1, 2.1_`, ranges such as `1.1-1.3`. A number N names "Requirement N",
 * N.M its criterion M; "6.x" (and "1.x–7.x") names the whole requirement.
 */
import { kiroRequirementId } from './definitions.js';

/** "_Requirements: 1.2_", "**验证**: …", and the Chinese "_需求 1.1, 2.1_", a label without a colon. */
const LABEL = /(?<![\p{L}\p{N}])(?:(?:requirements?|validates|验证|驗證|需求|要件|요구사항)\s*[:：]\s*|(?:需求|要件)\s*(?=\d))/giu;
const ITEM = /^(?:(?:requirements?|需求)\s*)?(\d{1,3}(?:\.\d{1,3}){0,2}(?:\.[x*])?)(?:\s*[-–~]\s*(?:(?:requirements?|需求)\s*)?(\d{1,3}(?:\.\d{1,3}){0,2}(?:\.[x*])?))?(?:\s*\([^)\n]{0,40}\))?/i;
const SEPARATOR = /^\s*(?:,|，|、|;|\band\b|和)\s*/i;
const MAX_RANGE = 50;

export interface KiroItem {
  /** "Requirement 2" or "2.3". */
  id: string;
  /** Where the number stands in the searched text. */
  start: number;
  end: number;
}

export interface KiroList {
  /** Where the label starts and the list ends. */
  start: number;
  end: number;
  items: KiroItem[];
  /** What follows a requirements label that holds no number ("All", "N/A", "(documentation)"). */
  words?: string;
}

/** "6.x" and "6.*" stand for all of Requirement 6. */
function whole(number: string): string {
  return number.replace(/\.[x*]$/i, '');
}

function idOf(number: string): string {
  return number.includes('.') ? number : kiroRequirementId(number);
}

/** 1.1-1.4 is 1.1, 1.2, 1.3, 1.4; 2-4 is Requirements 2, 3, 4; anything else is its two ends. */
function expand(from: string, to: string): string[] {
  const a = from.split('.').map(Number);
  const b = to.split('.').map(Number);
  const samePrefix = a.length === b.length && a.slice(0, -1).every((part, index) => part === b[index]);
  const first = a[a.length - 1];
  const last = b[b.length - 1];
  if (!samePrefix || last < first || last - first > MAX_RANGE) return [from, to];
  const prefix = a.slice(0, -1);
  const result: string[] = [];
  for (let n = first; n <= last; n++) result.push([...prefix, n].join('.'));
  return result;
}

/** The Kiro lists in a text. */
export function kiroLists(text: string): KiroList[] {
  const lists: KiroList[] = [];
  for (const label of text.matchAll(LABEL)) {
    let at = label.index + label[0].length;
    const items: KiroItem[] = [];
    for (;;) {
      const item = ITEM.exec(text.slice(at, at + 120));
      if (!item) break;
      const numberStart = at + item[0].indexOf(item[1]);
      const ids = item[2] ? expand(whole(item[1]), whole(item[2])) : [whole(item[1])];
      const end = item[2] ? at + item[0].length : numberStart + item[1].length;
      for (const number of ids) items.push({ id: idOf(number), start: numberStart, end });
      at += item[0].length;
      const separator = SEPARATOR.exec(text.slice(at, at + 8));
      if (!separator) break;
      at += separator[0].length;
    }
    if (items.length > 0) {
      lists.push({ start: label.index, end: at, items });
    } else if (/^(?:requirements?|需求)/i.test(label[0])) {
      // "Requirements: All", "Requirements: N/A": the author says which, in words.
      const words = /^[^\n|]{0,60}/.exec(text.slice(at))?.[0].trim().replace(/[_*\s]+$/, '');
      if (words) lists.push({ start: label.index, end: at, items, words });
    }
  }
  return lists;
}
