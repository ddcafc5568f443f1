import { idFamily, requirementIndexOf } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

function isBracketed(text: string, range: { start: number; end: number }): boolean {
  return text[range.start - 1] === '[' && text[range.end] === ']' && text[range.end + 1] !== '(';
}

export const undefinedRequirementReference = defineRule({
  id: 'undefined-requirement-reference',
  description: 'A reference to an id of the document\'s own scheme (a family it defines, such as FR-) that it defines nowhere; ids of other documents and of families it never defines (bug numbers, standard clauses) are not checked.',
  docs: ruleDocsUrl('undefined-requirement-reference'),
  defaultSeverity: 'warning',
  check(context) {
    const index = requirementIndexOf(context);
    for (const reference of index.references) {
      if (index.definitions.has(reference.id) || reference.context === 'external' || !index.definedFamilies.has(idFamily(reference.id))) continue;
      // "SC-003c" is part (c) of SC-003, which lists its parts in its own text.
      const whole = /^([A-Z]+-\d+)[a-z]$/.exec(reference.id)?.[1];
      if (whole && index.definitions.has(whole)) continue;
      // A tracking row that says the id is not applicable ("numbering gap") accounts for it.
      if (reference.status === 'not-applicable') continue;
      // "[FR-099]": a tag or an example in brackets, not a citation of the document's requirement.
      if (isBracketed(context.doc.text, reference.range)) continue;
      context.report({
        message: `'${reference.id}' is not defined in this document: fix the id, or define it (a list item or table row starting with '${reference.id}' under the requirements or criteria).`,
        range: reference.range,
        data: { id: reference.id },
      });
    }
  },
});
