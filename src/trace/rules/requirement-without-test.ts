import { ruleDocsUrl } from '../../core/rule.js';
import type { TraceRequirement } from '../graph.js';
import { defineTraceRule } from '../rule.js';

/** How a test should cite it: with the feature, where ids repeat from feature to feature (spec-kit's FR-001, Kiro's numbers). */
function citable(requirement: TraceRequirement): string {
  return requirement.feature.layout || requirement.id.includes(' ') ? `${requirement.feature.name}/${requirement.id}` : requirement.id;
}

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
        message: `${requirement.id} has no test: no file under the configured test globs cites it. Name it in a test's title, or tag the test with '@req ${citable(requirement)}'.`,
        data: { id: requirement.id },
      });
    }
  },
});
