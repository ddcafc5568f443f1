import type { Finding } from '../core/rule.js';

export interface FileResult {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  template: string;
  /** Where the template came from: cli, front-matter, config, layout or default. */
  templateSource?: string;
  /** Why the file is checked and with that template, for people. */
  reason?: string;
  findings: Finding[];
  /** Why the file was not checked (binary, too large); findings are then empty. */
  skipped?: string;
  /** With --fix: how many fixes were applied and written. */
  fixed?: number;
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  /** Placeholders left on purpose (TBD), also counted under their severity. */
  toFillIn: number;
}

export function countFindings(results: readonly FileResult[]): Totals {
  const totals = { errors: 0, warnings: 0, infos: 0, toFillIn: 0 };
  for (const result of results) {
    for (const finding of result.findings) {
      if (finding.data?.toFillIn === true) totals.toFillIn++;
      if (finding.severity === 'error') totals.errors++;
      else if (finding.severity === 'warning') totals.warnings++;
      else totals.infos++;
    }
  }
  return totals;
}
