import { ruleDocsUrl } from '../../core/rule.js';
import { familyOf, type Unresolved } from '../graph.js';
import type { TraceRole } from '../model.js';
import { defineTraceRule, type TraceRuleContext } from '../rule.js';
import { addTo } from '../../core/collections.js';

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

/** One finding per id and file, on its first citation, with the others as related locations. */
function report(entries: readonly Unresolved[], context: TraceRuleContext): void {
  const groups = new Map<string, Unresolved[]>();
  for (const entry of entries) {
    const key = `${entry.file.path}\u0000${entry.citation.qualifier ?? ''}/${entry.citation.id}`;
    addTo(groups, key, entry);
  }
  for (const [first, ...others] of groups.values()) {
    const more = others.length > 0 ? ` (cited ${others.length + 1} times in this file)` : '';
    context.report({
      file: first.file,
      place: first.citation,
      message: `${describe(first)}${more}`,
      data: { id: first.citation.id, reason: first.reason, ...(first.candidates ? { features: first.candidates } : {}) },
      related: others.map((other) => ({ file: other.file, place: other.citation, message: `'${other.citation.id}' again` })),
    });
  }
}

export const unknownRequirementReference = defineTraceRule({
  id: 'unknown-requirement-reference',
  description: "A task, plan, design, test or source file cites a requirement id its feature (or, for tests, the workspace) does not define, or one several features define without naming which.",
  docs: ruleDocsUrl('unknown-requirement-reference'),
  defaultSeverity: 'warning',
  checkFeature(feature, context) {
    report(
      feature.unresolved.filter(
        (entry) =>
          CITING_ROLES.has(entry.file.role) &&
          // Ids of a kind the feature never defines are someone else's: bug numbers, other documents' schemes.
          feature.families.has(familyOf(entry.citation.id)) &&
          entry.citation.status !== 'not-applicable' &&
          // A range is checked at its ends: "FR-040 to FR-060" across a numbering gap is no broken link.
          entry.citation.idRange !== 'inside',
      ),
      context,
    );
  },
  checkWorkspace(context) {
    report(context.links.unresolved, context);
  },
});
