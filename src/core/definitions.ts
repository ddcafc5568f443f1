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

  /** Definition lines for the labels the text in the ranges mentions that are defined outside them. */
  linesFor(text: string, ranges: readonly OffsetRange[]): string {
    if (this.byIdentifier.size === 0) return '';
    let lines = '';
    const seen = new Set<Definition>();
    for (const range of ranges) {
      const source = text.slice(range.start, range.end);
      if (!source.includes('[')) continue;
      for (const match of source.matchAll(BRACKETED)) {
        for (const definition of this.byIdentifier.get(normalizeLabel(match[1])) ?? []) {
          const own = ranges.some((owner) => definition.offset >= owner.start && definition.offset < owner.end);
          if (own || seen.has(definition)) continue;
          seen.add(definition);
          lines += `[${definition.footnote ? '^' : ''}${definition.label}]: #\n`;
        }
      }
    }
    return lines;
  }
}
