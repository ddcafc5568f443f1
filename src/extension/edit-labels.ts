import type { TextEdit } from '../core/fix.js';
import type { SpecDocument } from '../core/model.js';

/** "Add section 'Risks'", "Add to 'Requirements': REQ-5, REQ-6": what one translation edit does. */
export function editLabel(doc: SpecDocument, edit: TextEdit): string {
  const heading = /^\s*#{1,6}\s+(.+)$/m.exec(edit.newText);
  if (heading && /^\s*#/.test(edit.newText)) return `Add section '${heading[1].trim()}'`;
  const section = [...doc.sections].reverse().find((candidate) => candidate.range.start <= edit.offset && edit.offset <= candidate.range.end);
  const ids = [...new Set(edit.newText.match(/\b[A-Z]{1,5}-\d+\b/g) ?? [])];
  const where = section ? `Add to '${section.title}'` : 'Add';
  return ids.length > 0 ? `${where}: ${ids.slice(0, 4).join(', ')}${ids.length > 4 ? ', …' : ''}` : where;
}
