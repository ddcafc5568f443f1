import type { OffsetRange } from './positions.js';
import { requirementIndexOf, unitsOf } from './requirements.js';
import type { AnalysisContext } from './rule.js';
import type { TextUnit } from './units.js';

export type OutlineKind = 'requirement' | 'risk' | 'dependency';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: OffsetRange;
  /** The part to highlight: the id, or the entry's name. */
  selectionRange: OffsetRange;
}

function clip(text: string, limit: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** A risk's or dependency's name: a row's first cell, else the item's first line without a "Risk:" label. */
function entryName(context: AnalysisContext, unit: TextUnit): { name: string; range: OffsetRange } {
  const cell = unit.row?.cells[0];
  if (cell && cell.text.trim()) return { name: clip(cell.text, 60), range: cell.contentRange };
  const source = context.doc.text.slice(unit.range.start, unit.range.end).split(/\r?\n/)[0];
  return { name: clip(source.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^(?:\*\*|__)?(?:risk|dependency)(?:\*\*|__)?\s*:\s*/i, '').replace(/[*_`]/g, ''), 60), range: unit.range };
}

/** Other cells of a row, by their column names: "Owner: Payments team · Status: Done". */
function rowDetail(unit: TextUnit, columns: RegExp): string {
  const { table, row } = unit;
  if (!table || !row) return '';
  return table.header
    .map((header, i) => (columns.test(header.text) && row.cells[i]?.text.trim() ? `${header.text.trim()}: ${row.cells[i].text.trim()}` : ''))
    .filter(Boolean)
    .join(' · ');
}

/**
 * The spec's entities for the Outline and "Go to Symbol", in document order: requirement ids,
 * risks and dependencies. Headings are left to the Markdown extension, which lists them already.
 */
export function specOutline(context: AnalysisContext): OutlineNode[] {
  const index = requirementIndexOf(context);
  const definitions = new Map<TextUnit, string>();
  for (const [id, occurrences] of index.definitions) if (!definitions.has(occurrences[0].unit)) definitions.set(occurrences[0].unit, id);
  const nodes: OutlineNode[] = [];
  for (const unit of unitsOf(context)) {
    if (unit.type === 'heading') continue;
    const id = unit.kind === 'requirements' ? definitions.get(unit) : undefined;
    if (id) {
      const occurrence = index.definitions.get(id)![0];
      const text = context.doc.text.slice(occurrence.range.end, unit.range.end).replace(/^[\s*_:.)|-]+/, '').replace(/[*_`]/g, '');
      nodes.push({ name: id, detail: clip(text.split(/\r?\n\s*\r?\n/)[0], 60), kind: 'requirement', range: unit.range, selectionRange: occurrence.range });
    } else if (unit.type !== 'paragraph' && (unit.kind === 'risks' || unit.kind === 'dependencies')) {
      const kind = unit.kind === 'risks' ? 'risk' : 'dependency';
      const { name, range } = entryName(context, unit);
      if (!name) continue;
      const detail = kind === 'risk' ? rowDetail(unit, /^(?:owner|impact)$/i) : rowDetail(unit, /^(?:owner|status)$/i);
      nodes.push({ name, detail: detail || kind, kind, range: unit.range, selectionRange: range });
    }
  }
  return nodes;
}
