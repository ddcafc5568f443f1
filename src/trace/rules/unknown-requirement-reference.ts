import { ruleDocsUrl } from '../../core/rule.js';
import { familyOf, type Unresolved } from '../graph.js';
import type { TraceRole } from '../model.js';
import { defineTraceRule, type TraceRuleContext } from '../rule.js';

/** Files whose citations say what implements, designs or tests a requirement. */
const CITING_ROLES: ReadonlySet<TraceRole> = new Set(['tasks', 'design', 'plan', 'test', 'source']);

function describe(entry: Unresolved): string {
  const { id, qualifier } = entry.citation;
  const kiroCriterion = /^\d+\.\d+$/.test(id);
  if (entry.reason === 'ambiguous') return `'${id}' is defined in ${entry.candidates!.length} features (${entry.candidates!.join(', ')}): name the feature, as in '${entry.candidates![0]}/${id}'.`;
  if (qualifier && (entry.candidates?.length ?? 0) === 0) return `No feature is named '${qualifier}': '${qualifier}/${id}' cites nothing.`;
  if (kiroCriterion) return `Requirement ${id.split('.')[0]} has no acceptance criterion ${id}: fix the number, or add the criterion.`;
  return `'${id}' is not defined${qualifier ? ` in ${qualifier}` : ' by this feature'}: fix the id, or define it in the spec.`;
}

function report(entry: Unresolved, context: TraceRuleContext): void {
  context.report({ file: entry.file, place: entry.citation, message: describe(entry), data: { id: entry.citation.id, reason: entry.reason, ...(entry.candidates ? { features: entry.candidates } : {}) } });
}

export const unknownRequirementReference = defineTraceRule({
  id: 'unknown-requirement-reference',
  description: "A task, plan, design, test or source file cites a requirement id its feature (or, for tests, the workspace) does not define, or one several features define without naming which.",
  docs: ruleDocsUrl('unknown-requirement-reference'),
  defaultSeverity: 'warning',
  checkFeature(feature, context) {
    for (const entry of feature.unresolved) {
      if (!CITING_ROLES.has(entry.file.role)) continue;
      // Ids of a kind the feature never defines are someone else's: bug numbers, other documents' schemes.
      if (!feature.families.has(familyOf(entry.citation.id))) continue;
      if (entry.citation.status === 'not-applicable') continue;
      report(entry, context);
    }
  },
  checkWorkspace(context) {
    for (const entry of context.links.unresolved) report(entry, context);
  },
});
