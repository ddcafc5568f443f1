import { ruleDocsUrl } from '../../core/rule.js';
import { defineTraceRule } from '../rule.js';

/** The cross-file half of duplicate-requirement-id: the same id defined by two spec files of one feature. */
export const duplicateRequirementIdAcrossFiles = defineTraceRule({
  id: 'duplicate-requirement-id',
  description: 'The same requirement or criterion id is defined twice, in one file or in two spec files of one feature.',
  docs: ruleDocsUrl('duplicate-requirement-id'),
  defaultSeverity: 'error',
  checkFeature(feature, context) {
    // In OpenSpec each spec file is one capability's, and names its requirements for that capability alone:
    // two capabilities of one change may both have a "Requirement: Test Isolation". Redefinitions are always in another file.
    if (feature.layout === 'openspec') return;
    for (const requirement of feature.requirements.values()) {
      for (const duplicate of requirement.redefinitions) {
        context.report({
          file: duplicate.file,
          place: duplicate.definition,
          message: `'${requirement.id}' is already defined in ${requirement.file.path.slice(feature.path.length + 1)} (line ${requirement.definition.start.line}): give this one a new id, so tasks and tests point at one requirement.`,
          data: { id: requirement.id },
          related: [{ file: requirement.file, place: requirement.definition, message: `First definition of '${requirement.id}'` }],
        });
      }
    }
  },
});
