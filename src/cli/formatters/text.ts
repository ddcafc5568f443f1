import { countFindings, type FileResult } from '../result.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `path:line:col severity rule-id message`, one per line, then a summary line. */
export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.skipped) lines.push(`${result.path}: skipped: ${result.skipped}`);
    if (result.fixed) lines.push(`${result.path}: fixed ${plural(result.fixed, 'problem')}`);
    for (const finding of result.findings) {
      lines.push(`${result.path}:${finding.start.line}:${finding.start.column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
    }
  }
  const { errors, warnings, infos } = countFindings(results);
  const total = errors + warnings + infos;
  const files = plural(results.length, 'file');
  lines.push(
    total === 0
      ? `No problems in ${files}.`
      : `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info) in ${files}.`,
  );
  return lines.join('\n') + '\n';
}
