import type { Nodes, RootContent, Table as MdTable, TableRow as MdTableRow } from 'mdast';
import { endOf, startOf } from './markdown.js';
import type { Section, SpecDocument, Table, TableRow } from './model.js';
import { sectionAt } from './parse.js';
import type { OffsetRange } from './positions.js';
import type { SectionKind } from './template.js';

/** One piece of a unit's text and where it comes from in the document. */
interface Segment {
  textStart: number;
  docStart: number;
  length: number;
  /**
   * Document offset of each character when the value differs from its source slice
   * (continuation indents, escapes, entities); undefined when they are equal.
   */
  offsets?: Int32Array;
}

/** Aligns a text value with its source: each value character is found at or after the previous one. */
function alignOffsets(value: string, source: string, start: number): Int32Array {
  const offsets = new Int32Array(value.length);
  let at = 0;
  for (let i = 0; i < value.length; i++) {
    const found = source.indexOf(value[i], at);
    // Entities (&amp;) have no literal source character: keep the last position.
    if (found >= 0 && found - at < 16) at = found;
    offsets[i] = start + Math.min(at, source.length - 1);
    if (found >= 0 && found === at) at++;
  }
  return offsets;
}

/**
 * A top-level block a TPM reads as one statement: a list item (with its nested items), a
 * table row, a paragraph or a heading. `text` is its plain text with code, raw HTML,
 * quoted passages and `[NEEDS CLARIFICATION: ...]` markers masked by spaces, so matches
 * in `text` are always prose.
 */
export interface TextUnit {
  type: 'listItem' | 'tableRow' | 'paragraph' | 'heading';
  range: OffsetRange;
  section?: Section;
  kind?: SectionKind;
  text: string;
  segments: Segment[];
  node: Nodes;
  /** For table rows: the table and the row in the spec model. */
  table?: Table;
  row?: TableRow;
}

const QUOTED = /"[^"\n]{1,300}"|“[^”\n]{1,300}”|\[NEEDS CLARIFICATION[^\]\n]*\]/g;

class TextBuilder {
  text = '';
  segments: Segment[] = [];

  constructor(private readonly source: string) {}

  add(value: string, start: number, end: number, masked: boolean): void {
    const source = this.source.slice(start, end);
    const offsets = source === value || masked ? undefined : alignOffsets(value, source, start);
    this.segments.push({ textStart: this.text.length, docStart: start, length: value.length, offsets });
    // A soft line break is a space: line breaks in the text mark block boundaries only.
    this.text += masked ? ' '.repeat(value.length) : value.replace(/\r?\n|\r/g, (eol) => ' '.repeat(eol.length));
  }

  separator(value: string): void {
    if (this.text.length > 0 && !this.text.endsWith(value)) this.text += value;
  }

  inline(node: Nodes): void {
    switch (node.type) {
      case 'text':
        this.add(node.value, startOf(node), endOf(node), false);
        return;
      case 'inlineCode':
      case 'code':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        // Kept in the offset map but masked: code and markup are never prose.
        this.add(' ', startOf(node), endOf(node), true);
        return;
      case 'break':
        this.text += ' ';
        return;
      case 'paragraph':
      case 'heading':
        // Inline children run on as one line of text; the block ends with a line break.
        for (const child of node.children) this.inline(child);
        this.separator('\n');
        return;
      case 'list':
      case 'listItem':
      case 'blockquote':
      case 'table':
      case 'tableRow':
        for (const child of node.children) {
          this.inline(child);
          this.separator(node.type === 'tableRow' ? ' | ' : '\n');
        }
        return;
      default:
        if ('children' in node) for (const child of node.children) this.inline(child);
    }
  }

  finish(): { text: string; segments: Segment[] } {
    const text = this.text.replace(QUOTED, (match) => ' '.repeat(match.length));
    return { text, segments: this.segments };
  }
}

/** The document offset of a position in a unit's text. */
export function unitOffset(unit: TextUnit, index: number): number {
  let low = 0;
  let high = unit.segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (unit.segments[mid].textStart <= index) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found < 0) return unit.range.start;
  const segment = unit.segments[found];
  const inner = Math.min(index - segment.textStart, segment.length);
  if (!segment.offsets || segment.length === 0) return segment.docStart + inner;
  return inner < segment.length ? segment.offsets[inner] : segment.offsets[segment.length - 1] + 1;
}

/** The document range of `[start, end)` in a unit's text. */
export function unitRange(unit: TextUnit, start: number, end: number): OffsetRange {
  const from = unitOffset(unit, start);
  const to = Math.max(from, unitOffset(unit, end - 1) + 1);
  return { start: from, end: Math.min(to, unit.range.end) };
}

function build(doc: SpecDocument, node: Nodes, type: TextUnit['type'], kinds: Map<Section, SectionKind>): TextUnit {
  const builder = new TextBuilder(doc.text);
  builder.inline(node);
  const { text, segments } = builder.finish();
  const section = sectionAt(doc.sections, startOf(node));
  return { type, range: { start: startOf(node), end: endOf(node) }, section, kind: section && kinds.get(section), text, segments, node };
}

/** Units of every top-level block, in document order; quotes and code blocks give none. */
export function collectUnits(doc: SpecDocument, kinds: Map<Section, SectionKind>): TextUnit[] {
  const units: TextUnit[] = [];
  const tables = new Map(doc.tables.map((table) => [table.range.start, table]));
  for (const block of doc.tree.children as RootContent[]) {
    if (block.type === 'list') {
      for (const item of block.children) units.push(build(doc, item, 'listItem', kinds));
    } else if (block.type === 'table') {
      const table = tables.get(startOf(block));
      (block as MdTable).children.slice(1).forEach((row: MdTableRow, index) => {
        units.push({ ...build(doc, row, 'tableRow', kinds), table, row: table?.rows[index] });
      });
    } else if (block.type === 'paragraph' || block.type === 'heading') {
      units.push(build(doc, block, block.type, kinds));
    }
  }
  return units;
}
