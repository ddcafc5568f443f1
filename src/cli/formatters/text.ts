import { countFindings, type FileResult } from '../result.js';
import { plural } from '../../core/plural.js';

/** One file's lines: `path:line:col severity rule-id message`, printed as soon as the file is checked. */
export function formatFileText(result: FileResult): string {
  const lines: string[] = [];
  if (result.skipped) lines.push(`${result.path}: skipped: ${result.skipped}`);
  if (result.fixed) lines.push(`${result.path}: fixed ${plural(result.fixed, 'problem')}`);
  for (const finding of result.findings) {
    lines.push(`${result.path}:${finding.start.line}:${finding.start.column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** The closing line: how many problems of each severity in how many files. */
export function formatTextSummary(results: readonly FileResult[]): string {
  const { errors, warnings, infos, toFillIn } = countFindings(results);
  const total = errors + warnings + infos;
  const files = plural(results.length, 'file');
  // Placeholders left to fill in are counted under their severity, and named too.
  const fillIn = toFillIn > 0 ? `; ${toFillIn} to fill in` : '';
  return total === 0
    ? `No problems in ${files}.\n`
    : `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info${fillIn}) in ${files}.\n`;
}
