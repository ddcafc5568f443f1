import { gapCount, type MatrixLink, type TraceMatrix } from '../matrix.js';
import type { TraceFinding } from '../runner.js';
import type { PathFormatter } from './common.js';

function link(entry: MatrixLink, path: PathFormatter) {
  return { ...(entry.id !== undefined ? { id: entry.id } : {}), file: path(entry.file), line: entry.line, ...(entry.label !== undefined ? { label: entry.label } : {}), ...(entry.done !== undefined ? { done: entry.done } : {}) };
}

function finding(entry: TraceFinding, path: PathFormatter) {
  return { ruleId: entry.ruleId, severity: entry.severity, message: entry.message, file: path(entry.path), line: entry.start.line, column: entry.start.column, data: entry.data ?? {} };
}

/** The stable machine-readable shape, `version` 1, as data. */
export function traceData(matrix: TraceMatrix, path: PathFormatter) {
  const features = matrix.features.map((feature) => ({
    name: feature.name,
    path: path(feature.path),
    ...(feature.layout ? { layout: feature.layout } : {}),
    ...(feature.tasksTrace ? { tasksTrace: feature.tasksTrace } : {}),
    requirements: feature.requirements.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      file: path(row.file),
      line: row.line,
      criteria: row.criteria.map((entry) => link(entry, path)),
      tasks: row.tasks.map((entry) => link(entry, path)),
      tests: row.tests.map((entry) => link(entry, path)),
      design: row.design.map((entry) => link(entry, path)),
      code: row.code.map((entry) => link(entry, path)),
      gaps: row.gaps,
    })),
    findings: feature.findings.map((entry) => finding(entry, path)),
  }));
  return { version: 1, gaps: gapCount(matrix), features, findings: matrix.findings.map((entry) => finding(entry, path)) };
}

export function traceJson(matrix: TraceMatrix, path: PathFormatter): string {
  return `${JSON.stringify(traceData(matrix, path), null, 2)}\n`;
}
