/**
 * An OpenSpec spec delta (`openspec/changes/<id>/specs/<capability>/spec.md`): the
 * requirements it adds, modifies, removes or renames in `openspec/specs/<capability>/spec.md`.
 */
import type { Section, SpecDocument } from '../../core/model.js';
import type { DeltaOperation, TraceDelta } from '../model.js';
import { placeOf } from './place.js';

const OPERATION = /^(added|modified|removed|renamed)\s+requirements?\b/i;
const REQUIREMENT = /^requirement\s*[:：]\s*(.+)$/i;
/** `- FROM: \`### Requirement: Old\`` and `- TO: \`### Requirement: New\``. */
const RENAME_LINE = /^\s*[-*]?\s*(FROM|TO)\s*:\s*`?\s*(?:#{1,6}\s*)?Requirement\s*:\s*([^`\n]+?)\s*`?\s*$/gim;

/** The capability spec a delta file changes, or undefined when the path is not a delta's. */
export function deltaCapability(path: string): string | undefined {
  const parts = path.split('/');
  const root = parts.lastIndexOf('openspec');
  const specs = parts.indexOf('specs', root + 1);
  if (root < 0 || parts[root + 1] !== 'changes' || specs < 0 || parts[parts.length - 1] !== 'spec.md' || specs >= parts.length - 2) return undefined;
  return [...parts.slice(0, root + 1), 'specs', ...parts.slice(specs + 1, -1)].join('/');
}

function operationOf(section: Section): DeltaOperation | undefined {
  return OPERATION.exec(section.title.trim())?.[1].toLowerCase() as DeltaOperation | undefined;
}

export function openspecDeltas(doc: SpecDocument, path: string): TraceDelta[] {
  const capability = deltaCapability(path);
  if (!capability) return [];
  const deltas: TraceDelta[] = [];
  for (const section of doc.sections) {
    const operation = operationOf(section);
    if (!operation) continue;
    if (operation === 'renamed') {
      const body = doc.text.slice(section.bodyRange.start, section.range.end);
      let from: { name: string; start: number; end: number } | undefined;
      for (const line of body.matchAll(RENAME_LINE)) {
        const start = section.bodyRange.start + line.index;
        const end = start + line[0].trimEnd().length;
        if (line[1].toUpperCase() === 'FROM') from = { name: line[2].trim(), start, end };
        else if (from) {
          deltas.push({ ...placeOf(doc.lines, { start: from.start, end: from.end }), operation, name: from.name, to: line[2].trim(), capability });
          from = undefined;
        }
      }
      continue;
    }
    for (const child of section.children) {
      const name = REQUIREMENT.exec(child.title.trim())?.[1]?.trim();
      if (name) deltas.push({ ...placeOf(doc.lines, child.headingRange), operation, name, capability });
    }
  }
  return deltas;
}
