import { requirementIndexOf, type IdOccurrence } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

/** What a definition says after its id, without emphasis, punctuation or case. */
function statementOf(text: string, occurrence: IdOccurrence): string {
  return text
    .slice(occurrence.range.end, occurrence.unit.range.end)
    .replace(/[*_`:|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export const duplicateRequirementId = defineRule({
  id: 'duplicate-requirement-id',
  description: 'The same requirement or criterion id is defined twice.',
  docs: ruleDocsUrl('duplicate-requirement-id'),
  defaultSeverity: 'error',
  check(context) {
    for (const [id, definitions] of requirementIndexOf(context).definitions) {
      const [first, ...later] = definitions;
      const firstLine = context.doc.lines.position(first.range.start).line;
      const said = statementOf(context.doc.text, first);
      for (const duplicate of later) {
        // A summary that restates the criterion word for word repeats it; only a different statement under the same id conflicts.
        if (said !== '' && statementOf(context.doc.text, duplicate) === said) continue;
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
