/** Pure mappings from engine data to editor concepts, testable without VS Code. */
import type { ActiveSeverity } from '../core/rule.js';
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
