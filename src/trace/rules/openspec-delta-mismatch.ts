import { ruleDocsUrl } from '../../core/rule.js';
import type { FeatureTrace } from '../graph.js';
import { FILE_START, type TraceDelta, type TraceFileFacts } from '../model.js';
import { defineTraceRule } from '../rule.js';

/** Archived changes were applied: the base specs have moved on since. */
function isArchived(path: string): boolean {
  const parts = path.split('/');
  const changes = parts.lastIndexOf('changes');
  return parts.slice(changes + 1, -1).some((part) => part.startsWith('_') || /archiv/i.test(part));
}

function problem(delta: TraceDelta, base: FeatureTrace | undefined, renamedHere: Set<string>): string | undefined {
  const capability = delta.capability.slice(delta.capability.lastIndexOf('/openspec/specs/') + '/openspec/specs/'.length);
  const has = (name: string) => base?.requirements.has(name) ?? false;
  switch (delta.operation) {
    case 'added':
      return has(delta.name) ? `ADDED requirement '${delta.name}' already exists in openspec/specs/${capability}/spec.md: list it under MODIFIED Requirements, or give it a new name.` : undefined;
    case 'modified':
    case 'removed': {
      if (has(delta.name) || (delta.operation === 'modified' && renamedHere.has(delta.name))) return undefined;
      const where = base ? `openspec/specs/${capability}/spec.md has no requirement '${delta.name}'` : `there is no openspec/specs/${capability}/spec.md`;
      return `${delta.operation.toUpperCase()} requirement '${delta.name}', but ${where}: match its header exactly, or list it under ADDED Requirements.`;
    }
    case 'renamed':
      if (!has(delta.name)) return `RENAMED requirement '${delta.name}', but openspec/specs/${capability}/spec.md has no requirement by that name.`;
      return delta.to && has(delta.to) ? `RENAMED requirement '${delta.name}' to '${delta.to}', which openspec/specs/${capability}/spec.md already has.` : undefined;
  }
}

export const openspecDeltaMismatch = defineTraceRule({
  id: 'openspec-delta-mismatch',
  description: "An OpenSpec change's delta MODIFIES, REMOVES or RENAMES a requirement its capability's spec does not have, or ADDS one it already has (archived changes are skipped).",
  docs: ruleDocsUrl('openspec-delta-mismatch'),
  defaultSeverity: 'error',
  checkWorkspace(context) {
    const deltaFiles: TraceFileFacts[] = [];
    for (const feature of context.features.values()) for (const file of feature.files) if (file.deltas.length > 0 && !isArchived(file.path)) deltaFiles.push(file);
    for (const file of deltaFiles) {
      const renamedHere = new Set(file.deltas.flatMap((delta) => (delta.operation === 'renamed' && delta.to ? [delta.to] : [])));
      for (const delta of file.deltas) {
        const base = context.features.get(delta.capability);
        const message = problem(delta, base, renamedHere);
        if (!message) continue;
        const target = base?.files.find((candidate) => candidate.role === 'spec');
        context.report({ file, place: delta, message, data: { operation: delta.operation, requirement: delta.name }, ...(target ? { related: [{ file: target, place: target.definitions[0] ?? FILE_START, message: 'The capability\'s spec' }] } : {}) });
      }
    }
  },
});
