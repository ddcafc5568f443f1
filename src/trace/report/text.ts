import { gapCount, type TraceMatrix } from '../matrix.js';
import { findingLine, gapLabels, isGapFinding, linkList, tasksTraceText, type PathFormatter } from './common.js';
import { plural } from '../../core/plural.js';

function cell(count: number, list: string): string {
  return count === 0 ? '0' : `${count} (${list})`;
}

/** For people at a terminal: each feature, its requirements with gaps first, then its other findings. */
export function traceText(matrix: TraceMatrix, path: PathFormatter): string {
  const lines: string[] = [];
  for (const feature of matrix.features) {
    const gaps = feature.requirements.filter((row) => row.gaps.length > 0).length;
    lines.push(`${path(feature.path)}${feature.layout ? ` (${feature.layout})` : ''}: ${plural(feature.requirements.length, 'requirement')}, ${gaps} with gaps${feature.tasksTrace ? `; ${tasksTraceText(feature.tasksTrace)}` : ''}`);
    for (const row of feature.requirements) {
      const mark = row.gaps.length > 0 ? '✗' : '✓';
      const columns = [
        `criteria ${row.criteria.length}`,
        `tasks ${cell(row.tasks.length, linkList(row.tasks))}`,
        `tests ${cell(row.tests.length, linkList(row.tests.map((test) => ({ ...test, id: `${path(test.file)}:${test.line}` })), 2))}`,
        `design ${row.design.length}`,
      ];
      lines.push(`  ${mark} ${row.id}  ${path(row.file)}:${row.line}  ${columns.join('  ')}${row.gaps.length > 0 ? `  [${gapLabels(row).join(', ')}]` : ''}`);
    }
    const others = feature.findings.filter((finding) => !isGapFinding(finding));
    for (const finding of others) lines.push(`  ! ${findingLine(path, finding)}`);
    lines.push('');
  }
  for (const finding of matrix.findings) lines.push(`! ${findingLine(path, finding)}`);
  const requirements = matrix.features.reduce((sum, feature) => sum + feature.requirements.length, 0);
  lines.push(`${plural(requirements, 'requirement')} in ${plural(matrix.features.length, 'feature')}; ${plural(gapCount(matrix), 'gap')}.`);
  return `${lines.join('\n')}\n`;
}
