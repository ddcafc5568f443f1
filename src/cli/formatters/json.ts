import type { FileResult } from '../result.js';

/** The stable machine-readable shape, `version` 1. */
export function formatJson(results: readonly FileResult[]): string {
  const files = results.map((result) => ({
    path: result.path,
    template: result.template,
    ...(result.templateSource ? { templateSource: result.templateSource } : {}),
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.skipped ? { skipped: result.skipped } : {}),
    ...(result.fixed !== undefined ? { fixed: result.fixed } : {}),
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: finding.start.line,
      column: finding.start.column,
      endLine: finding.end.line,
      endColumn: finding.end.column,
      data: finding.data ?? {},
      fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe === true, edits: fix.edits })),
    })),
  }));
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
