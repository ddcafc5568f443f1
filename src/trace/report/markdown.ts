import { gapCount, type MatrixLink, type TraceMatrix } from '../matrix.js';
import { findingLine, gapLabels, isGapFinding, tasksTraceText, type PathFormatter } from './common.js';
import { plural } from '../../core/plural.js';

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function links(list: readonly MatrixLink[], path: PathFormatter): string {
  return list.map((link) => escape(link.id ? `${link.id}` : `${path(link.file)}:${link.line}`)).join(', ') || '—';
}

/** A Markdown report: one table per feature, gaps first. */
export function traceMarkdown(matrix: TraceMatrix, path: PathFormatter): string {
  const out: string[] = ['# Traceability', '', `${plural(matrix.features.length, 'feature')}, ${plural(gapCount(matrix), 'gap')}.`, ''];
  for (const feature of matrix.features) {
    out.push(`## ${escape(feature.name)}`, '', `\`${path(feature.path)}\`${feature.layout ? ` (${feature.layout})` : ''}${feature.tasksTrace ? `: ${tasksTraceText(feature.tasksTrace)}.` : ''}`, '');
    if (feature.requirements.length > 0) {
      out.push('| Requirement | Criteria | Tasks | Tests | Design | Gaps |', '| --- | --- | --- | --- | --- | --- |');
      for (const row of feature.requirements) {
        const name = `[${escape(row.id)}](${path(row.file)}#L${row.line})`;
        out.push(`| ${name} | ${row.criteria.length} | ${links(row.tasks, path)} | ${links(row.tests.map((test) => ({ ...test, id: undefined })), path)} | ${links(row.design, path)} | ${gapLabels(row).join(', ') || '—'} |`);
      }
      out.push('');
    }
    const others = feature.findings.filter((finding) => !isGapFinding(finding));
    if (others.length > 0) out.push(...others.map((finding) => `- ${escape(findingLine(path, finding))}`), '');
  }
  if (matrix.findings.length > 0) out.push('## Outside features', '', ...matrix.findings.map((finding) => `- ${escape(findingLine(path, finding))}`), '');
  return `${out.join('\n')}\n`;
}
