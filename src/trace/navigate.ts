/**
 * Navigation over the index: which requirement an offset of a file names (as its
 * definition or as a citation), and every place that names it, in every file.
 */
import { lookup, type Cited, type TraceRequirement } from './graph.js';
import type { Place, TraceFileFacts } from './model.js';
import type { WorkspaceIndex } from './workspace-index.js';

export interface TraceLocation extends Place {
  path: string;
  /** What the place is: the definition, a task, a test, a design note, a criterion, another spec mention. */
  kind: 'definition' | 'redefinition' | 'citation';
}

export interface SymbolAt {
  requirement: TraceRequirement;
  /** The id as written at the offset (a citation of a Kiro criterion names "2.1", its requirement "Requirement 2"). */
  id: string;
  place: Place;
  /** Written as the id itself (FR-003), so a rename can replace it. */
  literal: boolean;
}

function contains(place: Place, offset: number): boolean {
  return place.range.start <= offset && offset <= place.range.end;
}

/** The requirement resolved from a citation in a file (its feature's, or, for tests and sources, the workspace's). */
export function resolveCitation(index: WorkspaceIndex, file: TraceFileFacts, cited: Cited['citation']): TraceRequirement | undefined {
  if (file.feature) {
    const feature = index.feature(file.feature);
    return feature && cited.context !== 'external' ? lookup(feature, cited.id) : undefined;
  }
  for (const [key, citations] of index.workspaceLinks().byRequirement) {
    if (citations.some((entry) => entry.file.path === file.path && entry.citation === cited)) {
      const feature = index.feature(key.slice(0, key.lastIndexOf('#')));
      return feature?.requirements.get(key.slice(key.lastIndexOf('#') + 1));
    }
  }
  return undefined;
}

/** The requirement named at an offset of an indexed file, if any. */
export function symbolAt(index: WorkspaceIndex, path: string, offset: number): SymbolAt | undefined {
  const file = index.facts(path);
  if (!file) return undefined;
  const definition = file.definitions.find((entry) => contains(entry, offset));
  if (definition && file.feature) {
    const requirement = index.feature(file.feature)?.requirements.get(definition.id);
    if (requirement) return { requirement, id: definition.id, place: definition, literal: definition.literal };
  }
  // Criteria with ids of their own (Kiro's 2.1) lead to their requirement.
  for (const owner of file.definitions) {
    const criterion = owner.criteria?.find((entry) => entry.id && contains(entry, offset));
    const requirement = criterion && file.feature ? index.feature(file.feature)?.requirements.get(owner.id) : undefined;
    if (criterion && requirement) return { requirement, id: criterion.id!, place: criterion, literal: false };
  }
  const citation = file.citations.filter((entry) => contains(entry, offset)).sort((a, b) => a.range.end - a.range.start - (b.range.end - b.range.start))[0];
  const requirement = citation && resolveCitation(index, file, citation);
  return requirement && citation ? { requirement, id: citation.id, place: citation, literal: citation.literal && citation.id === requirement.id } : undefined;
}

/** Every place that names the requirement: its definitions, and citations in its feature's files, tests and sources. */
export function referencesOf(index: WorkspaceIndex, requirement: TraceRequirement): TraceLocation[] {
  const locations: TraceLocation[] = [{ path: requirement.file.path, ...requirement.definition, kind: 'definition' }];
  for (const { file, definition } of requirement.redefinitions) locations.push({ path: file.path, ...definition, kind: 'redefinition' });
  const cited = [...requirement.citedBy, ...(index.workspaceLinks().byRequirement.get(requirement.key) ?? [])];
  for (const { file, citation } of cited) locations.push({ path: file.path, ...citation, kind: 'citation' });
  // One location per place: a range ("FR-001 to FR-004") names several ids at the same place.
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.path}:${location.range.start}:${location.range.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
