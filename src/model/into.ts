import { parseSpec } from '../core/parse.js';
import type { Template } from '../core/template.js';
import { matchTemplate } from '../core/template-match.js';
import { conventionsOf } from '../translate/conventions.js';
import { insertionEdits, templateStyle, type SpecEdits } from '../translate/index.js';
import { draftParts } from './parts.js';
import { translateWithModel, type ModelTranslation, type ModelTranslationOptions } from './translate.js';

export interface ModelSpecEdits extends SpecEdits {
  translation: ModelTranslation;
}

/**
 * A model translation planned into an existing spec: the draft's ids continue the spec's,
 * its criteria take the spec's form, and its parts go in through the same insertion as the
 * deterministic translation's. Sections the spec lacks get the draft's own text.
 */
export async function translateIntoWithModel(specText: string, options: Omit<ModelTranslationOptions, 'numbering' | 'style' | 'idPrefix'>): Promise<ModelSpecEdits> {
  const template: Template = options.template;
  const doc = parseSpec(specText);
  const { numbering, style } = conventionsOf(doc, matchTemplate(doc, template), templateStyle(template));
  const translation = await translateWithModel({ ...options, numbering, style });
  const { parts, bodies } = draftParts(translation.markdown, template, translation.ids);
  return { kind: 'edits', edits: insertionEdits(doc, template, parts, options.request, (section) => bodies.get(section.id)), ids: translation.ids, translation };
}
