import { parseSpec } from '../core/parse.js';
import type { Template } from '../core/template.js';
import { matchTemplate } from '../core/template-match.js';
import { conventionsOf } from '../translate/conventions.js';
import { insertionEdits, templateStyle, type SpecEdits } from '../translate/index.js';
import { normalizeSpec } from './normalize.js';
import { draftParts } from './parts.js';
import { translateWithModel, type ModelTranslation, type ModelTranslationOptions } from './translate.js';

export interface ModelSpecEdits extends SpecEdits {
  translation: ModelTranslation;
}

function specConventions(specText: string, template: Template) {
  const doc = parseSpec(specText);
  return { doc, ...conventionsOf(doc, matchTemplate(doc, template), templateStyle(template)) };
}

/**
 * A drafted spec put into an existing one: its ids renumbered to continue the spec's, its
 * parts inserted as the deterministic translation's are (lines join lists, rows join
 * tables), and sections the spec lacks written as the draft wrote them.
 */
export function draftInsertion(specText: string, template: Template, draftMarkdown: string, request: string): SpecEdits {
  const { doc, numbering } = specConventions(specText, template);
  const draft = normalizeSpec(draftMarkdown, { template, numbering });
  const { parts, bodies } = draftParts(draft.markdown, template, draft.ids);
  // A section the draft left out stays out: its absence is the rules' to report, not ours to fill.
  return { kind: 'edits', edits: insertionEdits(doc, template, parts, request, (section) => bodies.get(section.id) ?? ''), ids: draft.ids };
}

/** A model translation planned into an existing spec, in the spec's numbering and criteria form. */
export async function translateIntoWithModel(specText: string, options: Omit<ModelTranslationOptions, 'numbering' | 'style' | 'idPrefix'>): Promise<ModelSpecEdits> {
  const { numbering, style } = specConventions(specText, options.template);
  const translation = await translateWithModel({ ...options, numbering, style });
  return { ...draftInsertion(specText, options.template, translation.markdown, options.request), translation };
}
