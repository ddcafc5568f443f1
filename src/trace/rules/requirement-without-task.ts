import { ruleDocsUrl } from '../../core/rule.js';
import { familyOf, type FeatureTrace, type TraceRequirement } from '../graph.js';
import { FILE_START } from '../model.js';
import { defineTraceRule } from '../rule.js';

/** A feature traces an id family to tasks when its tasks cite at least this share (four in five) of the family's requirements. */
export const TRACED_SHARE = 0.8;

/**
 * Citations by tasks: a task's own text, its phase's introduction, or a table row that
 * maps a requirement to tasks. A range in a task of a process phase (verification,
 * documentation, release) lists what it checks: "Review FR-001 through FR-036" in a
 * completion phase implements none of them; "Verify the include guard (FR-022)" covers FR-022.
 */
export function implementingTasks(requirement: TraceRequirement) {
  return requirement.citedBy.filter(({ file, citation }) => {
    if (file.role !== 'tasks' || (citation.tasks?.length ?? 0) === 0) return false;
    if (citation.mapped || !citation.idRange) return true;
    return citation.tasks!.some((task) => file.tasks[task].phaseKind !== 'process');
  });
}

/** Tasks build the requirement: they cite it, or an id it goes by ("**ID**: US-ADMIN-01" under the story). */
function isImplemented(feature: FeatureTrace, requirement: TraceRequirement): boolean {
  if (implementingTasks(requirement).length > 0) return true;
  return (requirement.definition.aliases ?? []).some((alias) => {
    const aliased = feature.requirements.get(alias);
    return aliased !== undefined && implementingTasks(aliased).length > 0;
  });
}

/** Marked for later in its own title: "Requirement 7: Hot Reload Support (Future)". */
const FUTURE_TITLE = /\((?:future|deferred|later|post[- ]mvp|out of scope|not in scope|phase [2-9]|v[2-9])(?:[,;][^)]*)?\)|\[(?:future|deferred)\]/i;

/** The tasks file says the requirement is put off ("US8 is excluded from this task list"), or its title does: the plan accounts for it. */
function isDeferred(requirement: TraceRequirement): boolean {
  return FUTURE_TITLE.test(requirement.definition.title) || requirement.citedBy.some((cited) => cited.file.role === 'tasks' && cited.citation.deferred);
}

/** The families whose requirements the feature's tasks cite by convention: Kiro lists and story tags whenever used, ids when most are cited. */
export function tracedFamilies(feature: FeatureTrace): Map<string, { cited: number; total: number }> {
  const counts = new Map<string, { cited: number; total: number }>();
  for (const requirement of feature.requirements.values()) {
    if (requirement.definition.kind === 'criterion') continue;
    const family = familyOf(requirement.id);
    const entry = counts.get(family) ?? { cited: 0, total: 0 };
    entry.total++;
    if (isImplemented(feature, requirement)) entry.cited++;
    counts.set(family, entry);
  }
  for (const [family, entry] of counts) {
    const byList = family === 'kiro' || family === 'story';
    if (entry.cited === 0 || (!byList && entry.cited < TRACED_SHARE * entry.total)) counts.delete(family);
  }
  return counts;
}

export const requirementWithoutTask = defineTraceRule({
  id: 'requirement-without-task',
  description: "A requirement or user story no task implements, in a feature whose tasks cite its kind of requirement (Kiro's _Requirements:_ lists, spec-kit's [US1] tags, or most of the feature's FR ids).",
  docs: ruleDocsUrl('requirement-without-task'),
  defaultSeverity: 'warning',
  checkFeature(feature, context) {
    const tasksFile = feature.files.find((file) => file.role === 'tasks');
    if (!tasksFile) return;
    const traced = tracedFamilies(feature);
    for (const requirement of feature.requirements.values()) {
      if (requirement.definition.kind === 'criterion' || requirement.file.role !== 'spec') continue;
      const family = traced.get(familyOf(requirement.id));
      if (!family || isImplemented(feature, requirement) || isDeferred(requirement)) continue;
      const checking = requirement.citedBy.filter((cited) => cited.file.role === 'tasks' && (cited.citation.tasks?.length ?? 0) > 0);
      const how =
        checking.length > 0
          ? `only a range in verification or documentation tasks cites it (${[...new Set(checking.flatMap((cited) => cited.citation.tasks!.map((task) => cited.file.tasks[task].id ?? `line ${cited.file.tasks[task].start.line}`)))].slice(0, 3).join(', ')})`
          : requirement.definition.kind === 'story'
            ? `no task is tagged [${requirement.id}] or sits in its phase`
            : 'no task cites it';
      context.report({
        file: requirement.file,
        place: requirement.definition,
        message: `${requirement.id} has no task: ${how} (tasks cite ${family.cited} of the feature's ${family.total}). Add the task that builds it, or cite it from the task that does.`,
        data: { id: requirement.id },
        related: [{ file: tasksFile, place: tasksFile.tasks[0] ?? FILE_START, message: 'The feature\'s tasks' }],
      });
    }
  },
});
