import type { TextEdit } from './fix.js';
import type { SpecDocument } from './model.js';

type Directive = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface SuppressionComment {
  directive: Directive;
  /** Empty means every rule. */
  rules: string[];
  /** 0-based line the directive applies from (or to, for line directives). */
  line: number;
}

const DIRECTIVE = /^specwise-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/;

/** Parses `specwise-...` comments: rule ids separated by spaces or commas, then an optional `-- reason`. */
export function readSuppressions(doc: SpecDocument): SuppressionComment[] {
  const result: SuppressionComment[] = [];
  for (const comment of doc.comments) {
    const match = DIRECTIVE.exec(comment.body);
    if (!match) continue;
    const directive = match[1] as Directive;
    const ruleList = (match[2] ?? '').split('--')[0];
    const rules = ruleList.split(/[\s,]+/).filter(Boolean);
    const line = directive === 'disable-next-line' ? doc.lines.lineAt(comment.range.end) + 1 : doc.lines.lineAt(comment.range.start);
    result.push({ directive, rules, line });
  }
  return result;
}

export function isSuppressionComment(body: string): boolean {
  return DIRECTIVE.test(body);
}

/** Answers whether a rule is switched off at a 0-based line. */
export class SuppressionMap {
  private readonly comments: readonly SuppressionComment[];

  /** From a document, or from comments read earlier (cross-file findings, read from stored facts). */
  constructor(source: SpecDocument | readonly SuppressionComment[]) {
    this.comments = 'text' in source ? readSuppressions(source) : source;
  }

  isSuppressed(ruleId: string, line: number): boolean {
    let allOff = false;
    const off = new Set<string>();
    const on = new Set<string>();
    for (const comment of this.comments) {
      const applies = comment.rules.length === 0 || comment.rules.includes(ruleId);
      switch (comment.directive) {
        case 'disable-file':
          if (applies) return true;
          break;
        case 'disable-next-line':
        case 'disable-line':
          if (applies && comment.line === line) return true;
          break;
        case 'disable':
        case 'enable':
          if (comment.line > line) break;
          if (comment.rules.length === 0) {
            allOff = comment.directive === 'disable';
            off.clear();
            on.clear();
          } else if (comment.directive === 'disable') {
            for (const rule of comment.rules) (on.delete(rule), off.add(rule));
          } else {
            for (const rule of comment.rules) (off.delete(rule), on.add(rule));
          }
          break;
      }
    }
    return (allOff && !on.has(ruleId)) || off.has(ruleId);
  }
}

/**
 * Disables a rule on one line by appending an inline comment, which keeps paragraphs, list
 * items, headings and table rows intact (in a table row it goes before the closing pipe).
 * Undefined on lines where a comment cannot go: front matter and inside HTML comments.
 */
export function disableLineEdit(doc: SpecDocument, ruleId: string, line0: number): TextEdit | undefined {
  const start = doc.lines.lineStart(line0);
  const end = doc.lines.lineEnd(line0);
  const inFrontMatter = doc.frontMatter && start < doc.frontMatter.range.end;
  const inComment = doc.comments.some((comment) => comment.range.start < end && comment.range.end > start && !(comment.range.end <= end && comment.range.start >= start));
  if (inFrontMatter || inComment) return undefined;
  const line = doc.text.slice(start, end);
  const comment = `<!-- specwise-disable-line ${ruleId} -->`;
  const trimmed = line.trimEnd();
  if (/^\s*\|.*\|$/.test(trimmed)) {
    const pipe = start + trimmed.length - 1;
    return { offset: pipe, length: 0, newText: `${doc.text[pipe - 1] === ' ' ? '' : ' '}${comment} ` };
  }
  return { offset: start + trimmed.length, length: 0, newText: `${trimmed.length > 0 ? ' ' : ''}${comment}` };
}

/** Disables a rule for the whole file with a comment after the front matter (or at the top). */
export function disableFileEdit(doc: SpecDocument, ruleId: string): TextEdit {
  const eol = doc.lines.eol;
  const comment = `<!-- specwise-disable-file ${ruleId} -->`;
  if (doc.frontMatter) {
    const line = doc.lines.lineAt(doc.frontMatter.range.end);
    const offset = doc.lines.lineEnd(line);
    return { offset, length: 0, newText: `${eol}${comment}` };
  }
  const offset = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { offset, length: 0, newText: `${comment}${eol}${eol}` };
}
