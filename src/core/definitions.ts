/**
 * Link and footnote definitions, wherever they are in a document, and the definition lines
 * a block needs to parse as it does in the whole document.
 */
import type { OffsetRange } from './positions.js';

export interface Definition {
  /** As written between the brackets. */
  label: string;
  footnote: boolean;
  /** Document offset. */
  offset: number;
}

/** Case and whitespace folded as label matching does; backslashes dropped, so escapes match loosely. */
function normalizeLabel(label: string): string {
  return label.replace(/\\/g, '').replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/** A bracketed span without unescaped brackets inside: every reference label is one. */
const BRACKETED = /\[\^?((?:\\[^]|[^\\[\]]){0,999})\]/g;

/** The document's definitions by normalized label. */
export class DefinitionIndex {
  private readonly byIdentifier = new Map<string, Definition[]>();

  add(definition: Definition): void {
    const identifier = normalizeLabel(definition.label);
    const list = this.byIdentifier.get(identifier) ?? [];
    list.push(definition);
    this.byIdentifier.set(identifier, list);
  }

  /** No definitions: a bracket in the document can only be text. */
  get isEmpty(): boolean {
    return this.byIdentifier.size === 0;
  }

  /**
   * Definition lines for the labels the text in the ranges (sorted, disjoint) mentions and
   * defines outside them: one line per label and kind, which is all the parser needs.
   */
  linesFor(text: string, ranges: readonly OffsetRange[]): string {
    if (this.byIdentifier.size === 0) return '';
    const inRanges = (offset: number) => {
      let low = 0;
      let high = ranges.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (offset < ranges[mid].start) high = mid - 1;
        else if (offset >= ranges[mid].end) low = mid + 1;
        else return true;
      }
      return false;
    };
    let lines = '';
    const seen = new Set<string>();
    for (const range of ranges) {
      const source = text.slice(range.start, range.end);
      if (!source.includes('[')) continue;
      for (const match of source.matchAll(BRACKETED)) {
        const identifier = normalizeLabel(match[1]);
        if (seen.has(identifier)) continue;
        seen.add(identifier);
        for (const footnote of [false, true]) {
          const outside = this.byIdentifier.get(identifier)?.find((definition) => definition.footnote === footnote && !inRanges(definition.offset));
          if (outside) lines += `[${footnote ? '^' : ''}${outside.label}]: #\n`;
        }
      }
    }
    return lines;
  }
}
