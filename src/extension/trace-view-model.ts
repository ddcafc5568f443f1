/** The Traceability view and the CodeLens titles, as pure functions (no VS Code import). */
import type { MatrixFeature, MatrixLink, MatrixRow } from '../trace/matrix.js';
import { plural } from '../core/plural.js';
import { gapLabels, isGapFinding, tasksTraceText } from '../trace/report/common.js';

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

/**
 * "2 tasks · 1 test · 3 criteria": the counts the feature's conventions ask for and those
 * above zero, gaps first ("⚠ no task · 1 criterion"), without repeating a gap as "0 tasks".
 */
export function lensTitle(row: MatrixRow, asks: { tasks: boolean; tests: boolean }): string {
  const parts: string[] = [];
  if (!row.gaps.includes('requirement-without-task') && (asks.tasks || row.tasks.length > 0)) parts.push(plural(row.tasks.length, 'task'));
  if (!row.gaps.includes('requirement-without-test') && (asks.tests || row.tests.length > 0)) parts.push(plural(row.tests.length, 'test'));
  if (row.criteria.length > 0) parts.push(row.criteria.length === 1 ? '1 criterion' : `${row.criteria.length} criteria`);
  if (row.design.length > 0) parts.push(`${row.design.length} design`);
  const gaps = gapLabels(row);
  if (gaps.length > 0) return [`$(warning) ${gaps.join(', ')}`, ...parts].join(' · ');
  return parts.length > 0 ? parts.join(' · ') : 'no links';
}

function linkNode(parent: string, link: MatrixLink, index: number, relative: (path: string) => string): TraceNode {
  const place = `${relative(link.file)}:${link.line}`;
  // A design note or test has no text of its own here: its file name and line lead, its folder follows (a long path is cut in the sidebar).
  const named = link.label ?? link.id;
  const fileName = link.file.slice(link.file.lastIndexOf('/') + 1);
  return {
    id: `${parent}/${index}`,
    label: named ?? `${fileName}:${link.line}`,
    description: named ? (link.label && link.id && !link.label.startsWith(link.id) ? `${link.id} · ${place}` : place) : relative(link.file.slice(0, link.file.lastIndexOf('/'))),
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
    const gaps = gapLabels(row);
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
      // Empty groups say nothing the gaps do not: "no task" is in the description.
      children: children.filter((child) => child.children.length > 0),
    };
  });
  const others = feature.findings.filter((finding) => !isGapFinding(finding));
  const withGaps = requirements.filter((node) => node.gap).length;
  // Requirements with gaps, not gap findings (one requirement may lack both a task and a test), as `specwise trace` counts
  // them; short enough for a narrow side bar, with the other findings in the tooltip and their own node.
  const counts = `${plural(feature.requirements.length, 'requirement')}, ${withGaps} with gaps${others.length > 0 ? `, ${plural(others.length, 'other finding')}` : ''}`;
  const nodes: TraceNode[] = [
    {
      id: feature.path,
      label: feature.name,
      description: `${withGaps} of ${feature.requirements.length} with gaps`,
      tooltip: `${relative(feature.path)}: ${counts}${feature.tasksTrace ? `; ${tasksTraceText(feature.tasksTrace)}` : ''}`,
      kind: 'feature',
      gap: withGaps + others.length > 0,
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
