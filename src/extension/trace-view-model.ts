/** The Traceability view and the CodeLens titles, as pure functions (no VS Code import). */
import type { MatrixFeature, MatrixLink, MatrixRow } from '../trace/matrix.js';
import { GAP_LABELS, plural, tasksTraceText } from '../trace/report/common.js';

export interface TraceNode {
  /** Stable within one feature, so the tree keeps what is expanded. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  kind: 'feature' | 'requirement' | 'group' | 'link' | 'finding' | 'message';
  /** A requirement with a gap, or a finding. */
  gap?: boolean;
  /** For tasks: checked off. */
  done?: boolean;
  location?: { path: string; line: number };
  children: TraceNode[];
}

/** "2 tasks · 1 test · 3 criteria", with the parts the feature's conventions ask for. */
export function lensTitle(row: MatrixRow, asks: { tasks: boolean; tests: boolean }): string {
  const parts: string[] = [];
  if (asks.tasks || row.tasks.length > 0) parts.push(plural(row.tasks.length, 'task'));
  if (asks.tests || row.tests.length > 0) parts.push(plural(row.tests.length, 'test'));
  parts.push(row.criteria.length === 1 ? '1 criterion' : `${row.criteria.length} criteria`);
  if (row.design.length > 0) parts.push(`${row.design.length} design`);
  const gaps = row.gaps.map((gap) => GAP_LABELS[gap] ?? gap);
  return `${gaps.length > 0 ? `$(warning) ${gaps.join(', ')} · ` : ''}${parts.join(' · ')}`;
}

function linkNode(parent: string, link: MatrixLink, index: number, relative: (path: string) => string): TraceNode {
  const place = `${relative(link.file)}:${link.line}`;
  return {
    id: `${parent}/${index}`,
    label: link.label ?? link.id ?? place,
    description: link.label && link.id && !link.label.startsWith(link.id) ? `${link.id} · ${place}` : place,
    tooltip: place,
    kind: 'link',
    done: link.done,
    location: { path: link.file, line: link.line },
    children: [],
  };
}

function group(parent: string, name: string, links: readonly MatrixLink[], relative: (path: string) => string): TraceNode {
  const id = `${parent}/${name}`;
  return { id, label: `${name} (${links.length})`, kind: 'group', children: links.map((link, index) => linkNode(id, link, index, relative)) };
}

/** The view of one feature: its requirements, gaps first, each with its criteria, tasks, tests and design; then its other findings. */
export function traceTree(feature: MatrixFeature | undefined, relative: (path: string) => string): TraceNode[] {
  if (!feature) return [{ id: 'none', label: 'Open a spec, tasks or design file of a feature to see its traceability.', kind: 'message', children: [] }];
  const requirements: TraceNode[] = feature.requirements.map((row) => {
    const id = `${feature.path}#${row.id}`;
    const gaps = row.gaps.map((gap) => GAP_LABELS[gap] ?? gap);
    const children = [group(id, 'Criteria', row.criteria, relative), group(id, 'Tasks', row.tasks, relative), group(id, 'Tests', row.tests, relative), group(id, 'Design', row.design, relative)];
    if (row.code.length > 0) children.push(group(id, 'Code', row.code, relative));
    // "FR-003: System MUST …" says its id twice next to the label.
    const title = row.title.startsWith(row.id) ? row.title.slice(row.id.length).replace(/^[\s:：.\-–—]+/, '') : row.title;
    return {
      id,
      label: row.id,
      description: `${gaps.length > 0 ? `${gaps.join(', ')} · ` : ''}${title}`,
      tooltip: `${row.title}\n${relative(row.file)}:${row.line}`,
      kind: 'requirement',
      gap: gaps.length > 0,
      location: { path: row.file, line: row.line },
      children: children.filter((child) => child.children.length > 0 || child.label.startsWith('Tasks') || child.label.startsWith('Criteria')),
    };
  });
  const others = feature.findings.filter((finding) => finding.ruleId !== 'requirement-without-task' && finding.ruleId !== 'requirement-without-test');
  const gapCount = requirements.filter((node) => node.gap).length + others.length;
  const nodes: TraceNode[] = [
    {
      id: feature.path,
      label: feature.name,
      description: `${plural(feature.requirements.length, 'requirement')} · ${plural(gapCount, 'gap')}`,
      tooltip: feature.tasksTrace ? `${relative(feature.path)}: ${tasksTraceText(feature.tasksTrace)}` : relative(feature.path),
      kind: 'feature',
      gap: gapCount > 0,
      children: requirements,
    },
  ];
  if (others.length > 0) {
    const id = `${feature.path}/findings`;
    nodes[0].children.push({
      id,
      label: `Other findings (${others.length})`,
      kind: 'group',
      gap: true,
      children: others.map((finding, index) => ({
        id: `${id}/${index}`,
        label: finding.message,
        description: `${finding.ruleId} · ${relative(finding.path)}:${finding.start.line}`,
        tooltip: finding.message,
        kind: 'finding',
        gap: true,
        location: { path: finding.path, line: finding.start.line },
        children: [],
      })),
    });
  }
  return nodes;
}
