import { gapCount, type MatrixLink, type TraceMatrix } from '../matrix.js';
import { findingLine, gapLabels, isGapFinding, tasksTraceText, type PathFormatter } from './common.js';
import { plural } from '../../core/plural.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function links(list: readonly MatrixLink[], path: PathFormatter): string {
  if (list.length === 0) return '<span class="none">—</span>';
  return list.map((link) => `<span title="${escape(`${path(link.file)}:${link.line}${link.label ? ` ${link.label}` : ''}`)}">${escape(link.id ?? `${path(link.file)}:${link.line}`)}</span>`).join(', ');
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#1f2328}table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}tr.gap td{background:#fff1f0}.none{color:#8c959f}code{font-size:12px}li{margin:.2em 0}`;

/** A standalone page (no scripts, no network): one table per feature, rows with gaps highlighted and first. */
export function traceHtml(matrix: TraceMatrix, path: PathFormatter): string {
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Traceability</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>Traceability</h1>',
    `<p>${plural(matrix.features.length, 'feature')}, ${plural(gapCount(matrix), 'gap')}.</p>`,
  ];
  for (const feature of matrix.features) {
    out.push(`<h2>${escape(feature.name)}</h2>`, `<p><code>${escape(path(feature.path))}</code>${feature.layout ? ` (${escape(feature.layout)})` : ''}${feature.tasksTrace ? `: ${escape(tasksTraceText(feature.tasksTrace))}.` : ''}</p>`);
    if (feature.requirements.length > 0) {
      out.push('<table><thead><tr><th>Requirement</th><th>Criteria</th><th>Tasks</th><th>Tests</th><th>Design</th><th>Gaps</th></tr></thead><tbody>');
      for (const row of feature.requirements) {
        out.push(
          `<tr${row.gaps.length > 0 ? ' class="gap"' : ''}><td title="${escape(row.title)}">${escape(row.id)}<br><code>${escape(`${path(row.file)}:${row.line}`)}</code></td><td>${row.criteria.length}</td><td>${links(row.tasks, path)}</td><td>${links(row.tests, path)}</td><td>${links(row.design, path)}</td><td>${escape(gapLabels(row).join(', ')) || '<span class="none">—</span>'}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
    }
    const others = feature.findings.filter((finding) => !isGapFinding(finding));
    if (others.length > 0) out.push('<ul>', ...others.map((finding) => `<li>${escape(findingLine(path, finding))}</li>`), '</ul>');
  }
  if (matrix.findings.length > 0) out.push('<h2>Outside features</h2><ul>', ...matrix.findings.map((finding) => `<li>${escape(findingLine(path, finding))}</li>`), '</ul>');
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}
