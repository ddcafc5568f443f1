import { ruleDocsUrl } from '../../core/rule.js';
import { lookup, type FeatureTrace } from '../graph.js';
import type { TraceFileFacts } from '../model.js';
import { defineTraceRule } from '../rule.js';

/**
 * Which tasks of a tasks file cite a requirement or story the feature defines, or carry a
 * work item its spec lists (a phase's citation links its tasks).
 */
export function linkedTasks(feature: FeatureTrace, file: TraceFileFacts): Set<number> {
  const linked = new Set<number>();
  for (const citation of file.citations) {
    if (citation.context === 'external' || !lookup(feature, citation.id)) continue;
    for (const task of citation.tasks ?? []) linked.add(task);
  }
  const workItems = new Set(feature.files.flatMap((spec) => spec.workItems ?? []));
  file.tasks.forEach((task, index) => {
    if (task.labels?.some((label) => workItems.has(label))) linked.add(index);
  });
  // A group is linked through its sub-tasks, and a sub-task through its group.
  file.tasks.forEach((task, index) => {
    if (task.parent !== undefined && linked.has(index)) linked.add(task.parent);
  });
  file.tasks.forEach((task, index) => {
    if (task.parent !== undefined && linked.has(task.parent)) linked.add(index);
  });
  // A task written twice ("- [x] 3. Table view" kept above its re-opened copy) is one task.
  const linkedIds = new Set([...linked].map((index) => file.tasks[index].id).filter((id) => id !== undefined));
  file.tasks.forEach((task, index) => {
    if (task.id !== undefined && linkedIds.has(task.id)) linked.add(index);
  });
  return linked;
}

/** A requirements line that names the whole feature ("All", "All requirements - E2E validation", "所有需求的整合測試"), not a kind of them ("All data fetching requirements", "所有後端相關需求"). */
const WHOLE_FEATURE = /^(?:all|every requirement|全部|所有)$|^all requirements\b|^(?:所有|全部)需求/i;

/** Tasks that say why they have no requirement; a sub-task that serves the whole feature ("_Requirements: All_") says it for its group. */
function excusedTasks(file: TraceFileFacts): Set<number> {
  const excused = new Set<number>();
  file.tasks.forEach((task, index) => {
    if (!task.exempt) return;
    excused.add(index);
    if (task.parent !== undefined && WHOLE_FEATURE.test(task.exempt)) excused.add(task.parent);
  });
  // The group's sub-tasks are excused with it, unless the group's own line speaks only for itself ("N/A").
  file.tasks.forEach((task, index) => {
    const parent = task.parent === undefined ? undefined : file.tasks[task.parent];
    if (parent && excused.has(task.parent!) && (!parent.exempt || WHOLE_FEATURE.test(parent.exempt))) excused.add(index);
  });
  return excused;
}

/** Groups whose sub-tasks each say what they serve ("_Requirements: NFR-3.1.1_", "N/A"): each is only their heading. */
function headingsOfAccounted(file: TraceFileFacts, linked: Set<number>, excused: Set<number>): Set<number> {
  const groups = new Set<number>();
  const unaccounted = new Set<number>();
  file.tasks.forEach((task, index) => {
    if (task.parent === undefined) return;
    groups.add(task.parent);
    if (!linked.has(index) && !excused.has(index)) unaccounted.add(task.parent);
  });
  for (const group of unaccounted) groups.delete(group);
  return groups;
}

/** Every task between two tasks is a sub-task of the first: they are neighbours in the list. */
function onlySubtasksBetween(file: TraceFileFacts, from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) {
    let parent = file.tasks[index].parent;
    while (parent !== undefined && parent !== from) parent = file.tasks[parent].parent;
    if (parent !== from) return false;
  }
  return true;
}

export const orphanTask = defineTraceRule({
  id: 'orphan-task',
  description: 'A task linked to no requirement or user story, in a tasks file that links its tasks; tasks of setup, foundational, edge-case and process phases (polish, verification, documentation, commits, release) and checkpoints are skipped.',
  docs: ruleDocsUrl('orphan-task'),
  defaultSeverity: 'warning',
  checkFeature(feature, context) {
    for (const file of feature.files) {
      if (file.role !== 'tasks' || file.tasks.length === 0) continue;
      const linked = linkedTasks(feature, file);
      // A tasks file that links none of its tasks does not use the convention.
      if (linked.size === 0) continue;
      const excused = excusedTasks(file);
      const headings = headingsOfAccounted(file, linked, excused);
      const isOrphan = (index: number): boolean =>
        !linked.has(index) && !excused.has(index) && !headings.has(index) && !file.tasks[index].process && file.tasks[index].phaseKind === 'work';
      // A sub-task of an orphan is part of its parent's finding.
      const orphans = file.tasks.map((task, index) => ({ task, index })).filter(({ task, index }) => isOrphan(index) && (task.parent === undefined || !isOrphan(task.parent)));
      // Orphans in a row under one heading are one finding: the phase, not each of its tasks, lacks a requirement.
      const runs: (typeof orphans)[] = [];
      for (const orphan of orphans) {
        const run = runs[runs.length - 1];
        const previous = run?.[run.length - 1];
        if (previous && previous.task.phase === orphan.task.phase && onlySubtasksBetween(file, previous.index, orphan.index)) run.push(orphan);
        else runs.push([orphan]);
      }
      for (const run of runs) {
        const first = run[0].task;
        const names = run.map(({ task }) => task.id ?? `'${task.title.slice(0, 40)}'`);
        const subject = run.length === 1 ? (first.id ? `Task ${first.id} is` : 'This task is') : `Tasks ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}${first.phase ? ` (under '${first.phase}')` : ''} are`;
        context.report({
          file,
          place: first,
          message: `${subject} linked to no requirement or user story: cite the requirement ${run.length === 1 ? 'it implements' : 'they implement'}, or move ${run.length === 1 ? 'it' : 'them'} to a setup, foundational or polish phase if ${run.length === 1 ? 'it serves' : 'they serve'} the whole feature.`,
          data: { task: first.id ?? first.title, tasks: run.length },
        });
      }
    }
  },
});
