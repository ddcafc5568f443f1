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

/** Warnings and errors: what a fix must never add to. */
export function problemCount(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.severity !== 'info').length;
}

export interface FixPass {
  text: string;
  applied: Fix[];
  findings: Finding[];
}

/**
 * One pass of safe fixes that leaves no more warnings and errors than it found: all of them
 * when together they do not add any; else, one at a time, those that do not.
 */
export function fixPass(text: string, findings: readonly Finding[], check: (text: string) => Finding[]): FixPass {
  const limit = problemCount(findings);
  const fixes = safeFixes(findings);
  const all = applyFixes(text, fixes);
  const allFindings = all.text === text ? [...findings] : check(all.text);
  if (problemCount(allFindings) <= limit) return { text: all.text, applied: all.applied, findings: allFindings };
  let kept: FixPass = { text, applied: [], findings: [...findings] };
  for (const fix of fixes) {
    const trial = applyFixes(text, [...kept.applied, fix]);
    if (trial.applied.length <= kept.applied.length) continue;
    const trialFindings = check(trial.text);
    if (problemCount(trialFindings) <= limit) kept = { text: trial.text, applied: trial.applied, findings: trialFindings };
  }
  return kept;
}

/** Applies safe fixes and re-checks until nothing changes (fixes skipped for overlap get the next pass). */
export function fixText(text: string, check: (text: string) => Finding[]): FixAllResult {
  let current = text;
  let applied = 0;
  let findings = check(current);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = fixPass(current, findings, check);
    if (result.text === current) break;
    applied += result.applied.length;
    current = result.text;
    findings = result.findings;
  }
  return { text: current, applied, findings };
}
