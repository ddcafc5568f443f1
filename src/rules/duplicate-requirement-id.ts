import { requirementIndexOf } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

export const duplicateRequirementId = defineRule({
  id: 'duplicate-requirement-id',
  description: 'The same requirement or criterion id is defined twice.',
  docs: ruleDocsUrl('duplicate-requirement-id'),
  defaultSeverity: 'error',
  check(context) {
    for (const [id, definitions] of requirementIndexOf(context).definitions) {
      const [first, ...later] = definitions;
      const firstLine = context.doc.lines.position(first.range.start).line;
      for (const duplicate of later) {
        context.report({
          message: `'${id}' is already defined on line ${firstLine}: give this one a new id, so references and tests point at one requirement.`,
          range: duplicate.range,
          data: { id },
          related: [{ range: first.range, message: `First definition of '${id}'` }],
        });
      }
    }
  },
});
