/**
 * Citations resolved to requirements: per feature, what each requirement is cited by, and
 * what could not be resolved. Ids are scoped by feature: a feature's own files resolve in
 * it; tests and sources resolve across the workspace, by a feature they name or by an id
 * only one feature defines.
 */
import type { LayoutName } from '../core/layout.js';
import { idFamily } from '../core/requirements.js';
import type { TraceCitation, TraceDefinition, TraceFileFacts, TraceRole } from './model.js';
import { addTo } from '../core/collections.js';

/** A citation and the file it is in. */
export interface Cited {
  file: TraceFileFacts;
  citation: TraceCitation;
}

export interface TraceRequirement {
  /** `<feature>#<id>`: unique in the workspace. */
  key: string;
  id: string;
  feature: FeatureTrace;
  file: TraceFileFacts;
  definition: TraceDefinition;
  /** Every other definition of the id in the feature's spec files (duplicates). */
  redefinitions: { file: TraceFileFacts; definition: TraceDefinition }[];
  /** Citations of the requirement or of one of its criteria, from every file. */
  citedBy: Cited[];
}

export type UnresolvedReason = 'unknown' | 'ambiguous';

export interface Unresolved extends Cited {
  reason: UnresolvedReason;
  /** For ambiguous ids: the features that define it. */
  candidates?: string[];
}

export interface FeatureTrace {
  /** The feature folder (absolute). */
  path: string;
  /** Its folder name ("003-export"), or its path under `openspec/specs/` for a capability. */
  name: string;
  layout?: LayoutName;
  files: TraceFileFacts[];
  /** Requirements, stories and criteria, by id, in document order. */
  requirements: Map<string, TraceRequirement>;
  /** Criterion ids of requirement blocks (Kiro's 2.3) → the requirement's id. */
  criterionOwners: Map<string, string>;
  /** Id families the feature defines (FR, SC, US, Kiro's requirements). */
  families: Set<string>;
  /** Citations in the feature's files that name nothing it defines. */
  unresolved: Unresolved[];
}

export function familyOf(id: string): string {
  if (/^Requirement \d/.test(id)) return 'kiro';
  if (/^\d+(?:\.\d+)+$/.test(id)) return 'kiro';
  // Stories (US1) are not the dashed US-001 ids some teams give user stories in other documents.
  if (/^US\d+$/.test(id)) return 'story';
  if (/^[A-Z]+-(?:[A-Z][A-Z0-9]*-)?\d|^R\d/.test(id)) return idFamily(id);
  return 'named';
}

/** "003-export" for a feature folder, "cli-init" (or "auth/login") for an OpenSpec capability, "checkout" for checkout.spec.md. */
export function featureName(path: string): string {
  const capability = /\/openspec\/specs\/(.+)$/.exec(path);
  if (capability) return capability[1];
  return path.slice(path.lastIndexOf('/') + 1).replace(/(?:\.spec)?\.(?:md|markdown)$/i, '');
}

const SPEC_ORDER: Record<TraceRole, number> = { spec: 0, tasks: 1, design: 2, plan: 3, checklist: 4, supporting: 5, test: 6, source: 7 };

/** Resolves a feature's own files: definitions from its specs, citations from every file. */
export function resolveFeature(path: string, files: readonly TraceFileFacts[]): FeatureTrace {
  const ordered = [...files].sort((a, b) => SPEC_ORDER[a.role] - SPEC_ORDER[b.role] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const feature: FeatureTrace = { path, name: featureName(path), layout: ordered.find((file) => file.layout)?.layout, files: ordered, requirements: new Map(), criterionOwners: new Map(), families: new Set(), unresolved: [] };
  for (const file of ordered) {
    for (const definition of file.definitions) {
      const existing = feature.requirements.get(definition.id);
      if (existing) {
        if (existing.file !== file) existing.redefinitions.push({ file, definition });
        continue;
      }
      feature.requirements.set(definition.id, { key: `${path}#${definition.id}`, id: definition.id, feature, file, definition, redefinitions: [], citedBy: [] });
      feature.families.add(familyOf(definition.id));
      for (const criterion of definition.criteria ?? []) if (criterion.id && !feature.criterionOwners.has(criterion.id)) feature.criterionOwners.set(criterion.id, definition.id);
    }
  }
  // "FR-001 through FR-010" covers FR-007b too: the parts of each number a range spans.
  const parts = new Map<string, TraceRequirement[]>();
  for (const [id, requirement] of feature.requirements) {
    const whole = /^([A-Z]+-\d+)[a-z]$/.exec(id)?.[1];
    if (whole) addTo(parts, whole, requirement);
  }
  for (const file of ordered) {
    for (const citation of file.citations) {
      if (citation.context === 'external') continue;
      const target = lookup(feature, citation.id);
      if (target) target.citedBy.push({ file, citation });
      if (citation.idRange === 'inside') for (const part of parts.get(citation.id) ?? []) if (part !== target) part.citedBy.push({ file, citation });
      // A Kiro criterion its requirement does not number (2.9 of a block with 5) still means requirement 2, and is wrong.
      const misnumbered = target !== undefined && /^\d+\.\d+$/.test(citation.id) && !feature.criterionOwners.has(citation.id) && (target.definition.criteria?.length ?? 0) > 0;
      if ((!target || misnumbered) && file.role !== 'spec') feature.unresolved.push({ file, citation, reason: 'unknown' });
    }
  }
  return feature;
}

/** The requirement an id names in a feature: itself, or the requirement owning the criterion. */
export function lookup(feature: FeatureTrace, id: string): TraceRequirement | undefined {
  const direct = feature.requirements.get(id);
  if (direct) return direct;
  const owner = feature.criterionOwners.get(id) ?? kiroOwner(id);
  if (owner !== undefined) return feature.requirements.get(owner);
  // AC-4.1.4 is the fourth item of AC-4.1; FR-012d is part (d) of FR-012.
  const parent = /^([A-Z]+-\d+(?:\.\d+)*)(?:\.\d+|[a-z])$/.exec(id)?.[1];
  return parent === undefined ? undefined : feature.requirements.get(parent);
}

function kiroOwner(id: string): string | undefined {
  const number = /^(\d+)\.\d+$/.exec(id)?.[1];
  return number && `Requirement ${number}`;
}

/** What tests and sources cite, resolved across features. */
export interface WorkspaceLinks {
  /** Requirement key → test and source citations. */
  byRequirement: Map<string, Cited[]>;
  unresolved: Unresolved[];
}

export function resolveWorkspaceCitations(features: Iterable<FeatureTrace>, files: Iterable<TraceFileFacts>): WorkspaceLinks {
  const byName = new Map<string, FeatureTrace[]>();
  const byId = new Map<string, FeatureTrace[]>();
  const families = new Set<string>();
  for (const feature of features) {
    addTo(byName, feature.name, feature);
    const base = feature.name.slice(feature.name.lastIndexOf('/') + 1);
    if (base !== feature.name) addTo(byName, base, feature);
    for (const id of [...feature.requirements.keys(), ...feature.criterionOwners.keys()]) addTo(byId, id, feature);
    for (const family of feature.families) families.add(family);
  }
  const links: WorkspaceLinks = { byRequirement: new Map(), unresolved: [] };
  for (const file of files) {
    for (const citation of file.citations) {
      const candidates = citation.qualifier ? (byName.get(citation.qualifier) ?? []) : (byId.get(citation.id) ?? []);
      const targets = candidates.map((feature) => lookup(feature, citation.id)).filter((target): target is TraceRequirement => target !== undefined);
      if (targets.length === 1) {
        const key = targets[0].key;
        addTo(links.byRequirement, key, { file, citation });
      } else if (targets.length > 1) {
        links.unresolved.push({ file, citation, reason: 'ambiguous', candidates: targets.map((target) => target.feature.name) });
      } else if (citation.qualifier || families.has(familyOf(citation.id))) {
        links.unresolved.push({ file, citation, reason: 'unknown', candidates: citation.qualifier ? candidates.map((feature) => feature.name) : undefined });
      }
    }
  }
  return links;
}
