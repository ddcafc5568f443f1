import type { TextEdit } from '../core/fix.js';
import type { SpecDocument } from '../core/model.js';
import { blockInsertion, missingSectionEdit } from '../core/scaffold.js';
import type { Template } from '../core/template.js';
import { matchTemplate } from '../core/template-match.js';
import type { Translation } from './index.js';

/**
 * Edits that put a translation into an existing spec: each section's content is appended to
 * the matching section, or the section is inserted at its template position.
 */
export function insertionEdits(doc: SpecDocument, template: Template, translation: Translation): TextEdit[] {
  const match = matchTemplate(doc, template);
  const eol = doc.lines.eol;
  const edits: TextEdit[] = [];
  for (const section of translation.sections) {
    const existing = match.byId.get(section.id);
    const body = section.body.replace(/\n/g, eol);
    if (existing) {
      edits.push(blockInsertion(doc.text, existing.section.range.end, body, eol));
      continue;
    }
    const templateSection = template.sections.find((entry) => entry.id === section.id) ?? { id: section.id, title: section.title, aliases: [], kind: 'other' as const, presence: 'optional' as const };
    edits.push(missingSectionEdit(doc, template.sections.some((entry) => entry.id === section.id) ? template : { ...template, sections: [...template.sections, templateSection] }, match, { ...templateSection, scaffold: section.body }));
  }
  return edits;
}
