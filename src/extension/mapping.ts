/** Pure mappings from engine data to editor concepts, testable without VS Code. */
import type { ActiveSeverity, Finding } from '../core/rule.js';
import type { ConfigError } from '../core/config/locate.js';

export type EditorSeverity = 'error' | 'warning' | 'information' | 'hint';

export function editorSeverity(severity: ActiveSeverity, infoSeverity: 'information' | 'hint'): EditorSeverity {
  return severity === 'info' ? infoSeverity : severity;
}

export interface LineRange {
  /** 0-based, as VS Code positions. */
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** A config error's range on one line (a multi-line value is marked on its first line). */
export function configErrorRange(error: ConfigError, text: string): LineRange {
  const lineStart = error.offset - (error.column - 1);
  const lineEndAt = text.indexOf('\n', lineStart);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const end = Math.min(error.offset + Math.max(error.length, 1), lineEnd);
  return { startLine: error.line - 1, startCharacter: error.column - 1, endLine: error.line - 1, endCharacter: Math.max(end - lineStart, error.column) };
}

/** VS Code lists at most this many diagnostics per file. */
export const MAX_DIAGNOSTICS = 1000;

const RANK: Record<ActiveSeverity, number> = { error: 0, warning: 1, info: 2 };

/** The findings a file's diagnostics show: all of them, or the first 1,000 by severity (errors, then warnings), in document order. */
export function shownFindings(findings: readonly Finding[], limit = MAX_DIAGNOSTICS): readonly Finding[] {
  if (findings.length <= limit) return findings;
  const order = findings.map((finding, index) => ({ finding, index }));
  order.sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index);
  return order
    .slice(0, limit)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.finding);
}
