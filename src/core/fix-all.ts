import { applyFixes, type Fix } from './fix.js';
import type { Finding } from './rule.js';

/** Passes after which fixing stops even if fixes keep coming (a fix that re-creates its own finding). */
const MAX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  /** Findings of the final text. */
  findings: Finding[];
}

/** Each finding's first safe fix: the one `--fix` and fix-on-save apply. */
export function safeFixes(findings: readonly Finding[], ruleId?: string): Fix[] {
  return findings
    .filter((finding) => ruleId === undefined || finding.ruleId === ruleId)
    .map((finding) => finding.fixes.find((fix) => fix.safe))
    .filter((fix): fix is Fix => fix !== undefined);
}

/** Applies safe fixes and re-checks until nothing changes (fixes skipped for overlap get the next pass). */
export function fixText(text: string, check: (text: string) => Finding[]): FixAllResult {
  let current = text;
  let applied = 0;
  let findings = check(current);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = applyFixes(current, safeFixes(findings));
    if (result.text === current) break;
    applied += result.applied.length;
    current = result.text;
    findings = check(current);
  }
  return { text: current, applied, findings };
}
