import type { MatrixLink, MatrixRow } from '../matrix.js';
import type { TraceFinding } from '../runner.js';

/** Turns engine paths into the paths a report shows (relative to where it was asked for). */
export type PathFormatter = (path: string) => string;

export const GAP_LABELS: Record<string, string> = {
  'requirement-without-task': 'no task',
  'requirement-without-test': 'no test',
};

/** A finding the matrix shows as a requirement's gap, not among the feature's other findings. */
export function isGapFinding(finding: Pick<TraceFinding, 'ruleId'>): boolean {
  return Object.hasOwn(GAP_LABELS, finding.ruleId);
}

export function gapLabels(row: MatrixRow): string[] {
  return row.gaps.map((gap) => GAP_LABELS[gap] ?? gap);
}

/** "T004, T005 +3": ids (or lines) of the links, shortened. */
export function linkList(links: readonly MatrixLink[], limit = 4): string {
  const names = links.map((link) => link.id ?? `line ${link.line}`);
  const unique = [...new Set(names)];
  return unique.length > limit ? `${unique.slice(0, limit).join(', ')} +${unique.length - limit}` : unique.join(', ');
}

export function location(path: PathFormatter, file: string, line: number): string {
  return `${path(file)}:${line}`;
}

export function findingLine(path: PathFormatter, finding: TraceFinding): string {
  return `${location(path, finding.path, finding.start.line)} ${finding.severity} ${finding.ruleId} ${finding.message}`;
}

const FAMILY_NAMES: Record<string, string> = { kiro: 'Kiro requirements', story: 'user stories', named: 'named requirements' };

/** "tasks trace user stories and FR ids", or that they trace none. */
export function tasksTraceText(families: readonly string[]): string {
  if (families.length === 0) return 'no tasks trace its requirements';
  const names = families.map((family) => FAMILY_NAMES[family] ?? `${family.replace(/\.$/, '')} ids`);
  return `tasks trace ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}`;
}
