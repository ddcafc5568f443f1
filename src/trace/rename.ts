/**
 * Renaming a requirement id everywhere it is written: its definition in the spec, and every
 * citation of it in the feature's files, tests and sources. The result is data, edits per
 * file, for the host to apply as one workspace edit.
 */
import { REQUIREMENT_ID } from '../core/requirements.js';
import type { Place } from './model.js';
import { referencesOf, symbolAt } from './navigate.js';
import type { WorkspaceIndex } from './workspace-index.js';
import { addTo } from '../core/collections.js';

export interface RenameEdit extends Place {
  newText: string;
}

export type RenamePlan = { id: string; newId: string; edits: Map<string, RenameEdit[]> } | { error: string };

const WHOLE_ID = new RegExp(`^(?:${REQUIREMENT_ID.source})$`, 'u');

/** The id at an offset that can be renamed, with its place; or why it cannot. */
export function renameTarget(index: WorkspaceIndex, path: string, offset: number): { id: string; place: Place } | { error: string } | undefined {
  const symbol = symbolAt(index, path, offset);
  if (!symbol) return undefined;
  const { requirement } = symbol;
  if (!requirement.definition.literal || !WHOLE_ID.test(requirement.id)) {
    return { error: `'${requirement.id}' is numbered by its heading, not written as an id: renumber it in the spec.` };
  }
  if (!symbol.id.startsWith(requirement.id)) return { error: `'${symbol.id}' is not written as '${requirement.id}' here.` };
  return { id: requirement.id, place: { ...symbol.place, range: { start: symbol.place.range.start, end: symbol.place.range.start + requirement.id.length } } };
}

/** Every edit that renames the requirement at the offset to `newId`, by file. */
export function planRename(index: WorkspaceIndex, path: string, offset: number, newId: string): RenamePlan {
  const target = renameTarget(index, path, offset);
  if (!target) return { error: 'There is no requirement id here.' };
  if ('error' in target) return target;
  const symbol = symbolAt(index, path, offset)!;
  const { requirement } = symbol;
  const id = requirement.id;
  const wanted = newId.trim();
  if (!WHOLE_ID.test(wanted)) return { error: `'${newId}' is not a requirement id: use a prefix and a number, such as FR-012 or REQ-7.` };
  if (wanted === id) return { error: `'${id}' already has that name.` };
  if (requirement.feature.requirements.has(wanted)) return { error: `'${wanted}' is already defined in ${requirement.feature.name}: pick a free id.` };
  const edits = new Map<string, RenameEdit[]>();
  const seen = new Set<string>();
  for (const location of referencesOf(index, requirement)) {
    const file = index.facts(location.path);
    if (!file) continue;
    const citation = location.kind === 'citation' ? file.citations.find((entry) => entry.range.start === location.range.start && entry.range.end === location.range.end) : undefined;
    // Only ids written as such: a range's inner ids, story phases and Kiro numbers are not in the text.
    if (citation ? !citation.literal || !citation.id.startsWith(id) : location.kind !== 'definition' && location.kind !== 'redefinition') continue;
    const start = location.range.start;
    const key = `${location.path}:${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // "FR-012d" is part (d) of FR-012: the part keeps its letter.
    const edit: RenameEdit = { range: { start, end: start + id.length }, start: location.start, end: { line: location.start.line, column: location.start.column + id.length }, newText: wanted };
    addTo(edits, location.path, edit);
  }
  for (const list of edits.values()) list.sort((a, b) => a.range.start - b.range.start);
  return { id, newId: wanted, edits };
}
