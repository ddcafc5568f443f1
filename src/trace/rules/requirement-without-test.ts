import { ruleDocsUrl } from '../../core/rule.js';
import { defineTraceRule } from '../rule.js';

export const requirementWithoutTest = defineTraceRule({
  id: 'requirement-without-test',
  description: 'A requirement no test cites, when the configuration names the test files (trace.tests).',
  docs: ruleDocsUrl('requirement-without-test'),
  defaultSeverity: 'warning',
  checkFeature(feature, context) {
    for (const requirement of feature.requirements.values()) {
      if (requirement.definition.kind !== 'requirement' || requirement.file.role !== 'spec' || !context.tracesTests(requirement.file)) continue;
      const tests = (context.links.byRequirement.get(requirement.key) ?? []).filter((cited) => cited.file.role === 'test');
      if (tests.length > 0) continue;
      context.report({
        file: requirement.file,
        place: requirement.definition,
        message: `${requirement.id} has no test: no file under the configured test globs cites it. Name it in a test's title, or tag the test with '@req ${requirement.id.includes(' ') ? `${requirement.feature.name}/${requirement.id}` : requirement.id}'.`,
        data: { id: requirement.id },
      });
    }
  },
});
