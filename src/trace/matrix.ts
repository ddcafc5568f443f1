/**
 * The traceability matrix: each requirement of each feature with its criteria, the tasks
 * that implement it, the tests that cite it and the design documents that address it,
 * and the gaps the cross-file rules found; features and requirements with gaps first.
 */
import type { FeatureTrace, TraceRequirement, WorkspaceLinks } from './graph.js';
import type { DefinitionKind, TraceRole } from './model.js';
import { tracedFamilies } from './rules/requirement-without-task.js';
import type { TraceFinding } from './runner.js';
import { addTo } from '../core/collections.js';
import { isGapFinding } from './report/common.js';

export interface MatrixLink {
  file: string;
  line: number;
  /** The task's id (T012, 2.1), the criterion's id (2.3, SC-001), when it has one. */
  id?: string;
  /** The task's title or the criterion's first line. */
  label?: string;
  /** For tasks: checked off. */
  done?: boolean;
}

export interface MatrixRow {
  id: string;
  kind: DefinitionKind;
  title: string;
  file: string;
  line: number;
  criteria: MatrixLink[];
  tasks: MatrixLink[];
  tests: MatrixLink[];
  design: MatrixLink[];
  /** Source files that cite it (`trace.sources`). */
  code: MatrixLink[];
  /** Rule ids of the gaps found on it (requirement-without-task, requirement-without-test). */
  gaps: string[];
}

export interface MatrixFeature {
  name: string;
  path: string;
  layout?: string;
  /** The kinds of requirement its tasks trace by convention ("kiro", "story", "FR"): only those are asked for a task. Absent without a tasks file. */
  tasksTrace?: string[];
  requirements: MatrixRow[];
  /** Every cross-file finding in the feature's files. */
  findings: TraceFinding[];
}

export interface TraceMatrix {
  features: MatrixFeature[];
  /** Findings outside any feature (tests and sources citing unknown ids). */
  findings: TraceFinding[];
}

const DESIGN_ROLES: ReadonlySet<TraceRole> = new Set(['design', 'plan']);

/** One requirement's row: its criteria, the tasks, tests and design documents that cite it. */
export function matrixRow(requirement: TraceRequirement, links: WorkspaceLinks, gaps: string[] = []): MatrixRow {
  const { definition, file } = requirement;
  const tasks = new Map<string, MatrixLink>();
  const design = new Map<string, MatrixLink>();
  for (const { file: citing, citation } of requirement.citedBy) {
    if (citing.role === 'tasks') {
      for (const index of citation.tasks ?? []) {
        const task = citing.tasks[index];
        tasks.set(`${citing.path}:${index}`, { file: citing.path, line: task.start.line, id: task.id, label: task.title, done: task.done });
      }
    } else if (DESIGN_ROLES.has(citing.role)) {
      design.set(`${citing.path}:${citation.start.line}`, { file: citing.path, line: citation.start.line });
    }
  }
  const cited = links.byRequirement.get(requirement.key) ?? [];
  const linksOf = (role: TraceRole) => cited.filter((entry) => entry.file.role === role).map(({ file: citing, citation }) => ({ file: citing.path, line: citation.start.line, id: citation.id }));
  return {
    id: requirement.id,
    kind: definition.kind,
    title: definition.title,
    file: file.path,
    line: definition.start.line,
    criteria: (definition.criteria ?? []).map((criterion) => ({ file: file.path, line: criterion.start.line, id: criterion.id, label: criterion.label })),
    tasks: [...tasks.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
    tests: linksOf('test'),
    design: [...design.values()],
    code: linksOf('source'),
    gaps,
  };
}

/** The matrix of every feature (criteria are columns of their requirements, not rows). */
export function traceMatrix(features: Iterable<FeatureTrace>, links: WorkspaceLinks, findings: readonly TraceFinding[]): TraceMatrix {
  const gapsOf = new Map<string, string[]>();
  for (const finding of findings) {
    if (!isGapFinding(finding)) continue;
    const key = `${finding.path}:${finding.start.line}:${String(finding.data?.id)}`;
    addTo(gapsOf, key, finding.ruleId);
  }
  const byFile = new Map<string, TraceFinding[]>();
  for (const finding of findings) addTo(byFile, finding.path, finding);
  const inFeatures = new Set<string>();
  const matrix: MatrixFeature[] = [];
  for (const feature of features) {
    const rows: MatrixRow[] = [];
    for (const requirement of feature.requirements.values()) {
      if (requirement.definition.kind === 'criterion' || requirement.file.role !== 'spec') continue;
      rows.push(matrixRow(requirement, links, gapsOf.get(`${requirement.file.path}:${requirement.definition.start.line}:${requirement.id}`) ?? []));
    }
    const featureFindings = feature.files.flatMap((file) => {
      inFeatures.add(file.path);
      return byFile.get(file.path) ?? [];
    });
    if (rows.length === 0 && featureFindings.length === 0) continue;
    // Gaps first; otherwise the order of the documents.
    rows.sort((a, b) => Number(b.gaps.length > 0) - Number(a.gaps.length > 0));
    const tasksTrace = feature.files.some((file) => file.role === 'tasks') ? [...tracedFamilies(feature).keys()].sort() : undefined;
    matrix.push({ name: feature.name, path: feature.path, layout: feature.layout, tasksTrace, requirements: rows, findings: featureFindings });
  }
  const hasGaps = (feature: MatrixFeature) => feature.findings.length > 0;
  matrix.sort((a, b) => Number(hasGaps(b)) - Number(hasGaps(a)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { features: matrix, findings: findings.filter((finding) => !inFeatures.has(finding.path)) };
}

export function gapCount(matrix: TraceMatrix): number {
  return matrix.features.reduce((sum, feature) => sum + feature.findings.length, 0) + matrix.findings.length;
}
