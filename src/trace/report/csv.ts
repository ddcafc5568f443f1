import type { MatrixLink, TraceMatrix } from '../matrix.js';
import { gapLabels, type PathFormatter } from './common.js';

/** RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would read as a formula. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function list(links: readonly MatrixLink[], path: PathFormatter): string {
  return links.map((link) => (link.id ? `${link.id} (${path(link.file)}:${link.line})` : `${path(link.file)}:${link.line}`)).join('; ');
}

/** One row per requirement, for spreadsheets. */
export function traceCsv(matrix: TraceMatrix, path: PathFormatter): string {
  const rows = [['feature', 'id', 'kind', 'file', 'line', 'title', 'criteria', 'tasks', 'tests', 'design', 'gaps']];
  for (const feature of matrix.features) {
    for (const row of feature.requirements) {
      rows.push([feature.name, row.id, row.kind, path(row.file), String(row.line), row.title, list(row.criteria, path), list(row.tasks, path), list(row.tests, path), list(row.design, path), gapLabels(row).join('; ')]);
    }
  }
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
