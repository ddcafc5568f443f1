import type { ListItem as MdListItem } from 'mdast';
import type { Fix } from './fix.js';
import { endOf, startOf } from './markdown.js';
import type { SpecDocument, Table, TableCell } from './model.js';
import { unitsOf } from './requirements.js';
import type { AnalysisContext, Report } from './rule.js';
import type { SectionKind } from './template.js';
import type { TextUnit } from './units.js';

/**
 * The entries a TPM reviews in sections of a kind: list items and table rows; paragraphs
 * only in sections that have neither (and not lead-ins ending with a colon).
 */
export function entriesOfKind(context: AnalysisContext, kind: SectionKind, withParagraphs = false): TextUnit[] {
  const units = unitsOf(context).filter((unit) => unit.kind === kind);
  const structured = new Set(units.filter((unit) => unit.type === 'listItem' || unit.type === 'tableRow').map((unit) => unit.section));
  return units.filter(
    (unit) =>
      unit.type === 'listItem' ||
      unit.type === 'tableRow' ||
      (withParagraphs && unit.type === 'paragraph' && !structured.has(unit.section) && !/:\s*$/.test(unit.text)),
  );
}

/** Index of the first header cell matching the pattern, or -1. */
export function columnIndex(table: Table | undefined, pattern: RegExp): number {
  return table ? table.header.findIndex((cell) => pattern.test(cell.text)) : -1;
}

/**
 * True when a cell says nothing: empty, "-" or "?". "n/a" is an answer; "TBD" is an open
 * question that `unresolved-placeholder` tracks.
 */
export function isBlankCell(cell: TableCell | undefined): boolean {
  if (!cell) return true;
  return /^(?:-+|—|–|\?+)?$/.test(cell.text.trim());
}

/** A fix that puts a placeholder into an empty table cell. */
export function fillCellFix(doc: SpecDocument, cell: TableCell, column: string): Fix | undefined {
  if (cell.text.trim() !== '') return undefined;
  const { start } = cell.contentRange;
  const newText = `${doc.text[start - 1] === ' ' ? '' : ' '}TBD${doc.text[start] === ' ' ? '' : ' '}`;
  return {
    title: `Fill in the '${column}' cell`,
    edits: [{ offset: start, length: 0, newText }],
    safe: true,
  };
}

/** A fix that adds `- Label: TBD` as the last sub-item of a list item, at the item's content indent. */
export function subItemFix(doc: SpecDocument, unit: TextUnit, label: string): Fix | undefined {
  if (unit.type !== 'listItem') return undefined;
  const item = unit.node as MdListItem;
  const firstChild = item.children[0];
  if (!firstChild) return undefined;
  const contentStart = startOf(firstChild);
  const line = doc.lines.lineAt(contentStart);
  const indent = contentStart - doc.lines.lineStart(line);
  const prefix = doc.text.slice(doc.lines.lineStart(line), contentStart).replace(/[^\t]/g, ' ');
  if (indent > 40) return undefined;
  return {
    title: `Add '${label}' to this item`,
    edits: [{ offset: endOf(item), length: 0, newText: `${doc.lines.eol}${prefix}- ${label}: TBD` }],
    safe: true,
  };
}

/** The first line of an entry: where findings about the whole entry go. */
export function firstLineRange(doc: SpecDocument, unit: TextUnit): { start: number; end: number } {
  return { start: unit.range.start, end: Math.min(unit.range.end, doc.lines.lineEnd(doc.lines.lineAt(unit.range.start))) };
}

/** Reports every blank cell of the given columns of a table row, each with a `TBD` fix. */
export function reportBlankCells(
  context: AnalysisContext & { report(report: Report): void },
  entry: TextUnit,
  columns: readonly [field: string, index: number][],
  message: (field: string, header: string) => string,
): void {
  if (!entry.table || !entry.row) return;
  for (const [field, index] of columns) {
    if (index < 0 || !isBlankCell(entry.row.cells[index])) continue;
    const cell = entry.row.cells[index];
    const header = entry.table.header[index].text;
    const fix = cell && fillCellFix(context.doc, cell, header);
    context.report({ message: message(field, header), range: cell?.range ?? entry.range, data: { field }, fixes: fix ? [fix] : [] });
  }
}

/** Reports a list item that lacks a field, with a fix adding `- Label: TBD` under it. */
export function reportMissingSubItem(context: AnalysisContext & { report(report: Report): void }, entry: TextUnit, label: string, message: string): void {
  const fix = subItemFix(context.doc, entry, label);
  context.report({ message, range: firstLineRange(context.doc, entry), data: { field: label.toLowerCase() }, fixes: fix ? [fix] : [] });
}
