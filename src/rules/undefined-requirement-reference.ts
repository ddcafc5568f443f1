import { requirementIndexOf } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

export const undefinedRequirementReference = defineRule({
  id: 'undefined-requirement-reference',
  description: 'A reference to a requirement or criterion id that the document defines nowhere.',
  docs: ruleDocsUrl('undefined-requirement-reference'),
  defaultSeverity: 'warning',
  check(context) {
    const index = requirementIndexOf(context);
    for (const reference of index.references) {
      if (index.definitions.has(reference.id)) continue;
      context.report({
        message: `'${reference.id}' is not defined in this document: fix the id, or define it (a list item or table row starting with '${reference.id}').`,
        range: reference.range,
        data: { id: reference.id },
      });
    }
  },
});
