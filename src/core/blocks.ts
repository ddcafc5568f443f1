/**
 * Splits Markdown into blocks that parse the same alone as in the whole document, so each
 * can be parsed (and cached) on its own. A block starts at a line in column 0 that follows
 * a blank line and cannot continue anything before it: not a list marker, quote, rule or
 * indented line, and not inside a fence, a multi-line HTML block or front matter.
 * The split is a fast guess; `parseBlocks` re-joins a block whose parse ends inside an
 * unclosed fence or HTML block.
 */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** HTML blocks that run past blank lines until a terminator (CommonMark kinds 1 to 5). */
const HTML_BLOCKS: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

export interface Fence {
  marker: string;
  length: number;
}

/** The fence a line opens, if it opens one (a backtick fence's info has no backtick). */
export function fenceOpenedBy(line: string): Fence | undefined {
  const match = FENCE_OPEN.exec(line);
  if (!match || (match[1][0] === '`' && match[2].includes('`'))) return undefined;
  return { marker: match[1][0], length: match[1].length };
}

export function closesFence(line: string, fence: Fence): boolean {
  const match = FENCE_CLOSE.exec(line);
  return match !== null && match[1][0] === fence.marker && match[1].length >= fence.length;
}

/** The terminator of a multi-line HTML block the line opens and does not close itself. */
export function htmlTerminator(line: string): RegExp | undefined {
  for (const [open, close] of HTML_BLOCKS) {
    if (!open.test(line)) continue;
    const afterOpen = line.slice(line.indexOf('<') + 2);
    return close.test(afterOpen) ? undefined : close;
  }
  return undefined;
}

function isBlank(line: string): boolean {
  return /^[ \t\r]*$/.test(line);
}

/** A line that after a blank line starts a new top-level block, never continuing a list or quote. */
function canStartBlock(line: string): boolean {
  const code = line.charCodeAt(0);
  if (Number.isNaN(code) || code === 32 || code === 9 || code === 13) return false;
  if (code >= 48 && code <= 57) return false; // ordered list marker
  return !'-+*_>'.includes(line[0]);
}

/** Length of the front matter block at the start (fences included), or 0. */
function frontMatterEnd(text: string): number {
  const fence = text.startsWith('---') ? '---' : text.startsWith('+++') ? '+++' : undefined;
  if (!fence) return 0;
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || text.slice(0, firstBreak).trimEnd() !== fence) return 0;
  let at = firstBreak + 1;
  while (at < text.length) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next;
    if (text.slice(at, end).trimEnd() === fence) return end;
    at = end + 1;
  }
  return 0;
}

/** Start offsets of the blocks, in order; the first is always 0. */
export function splitBlocks(text: string): number[] {
  const starts = [0];
  let at = frontMatterEnd(text);
  if (at > 0) at = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
  let fence: Fence | undefined;
  let html: RegExp | undefined;
  let afterBlank = false;
  while (at < text.length) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next;
    const line = text.slice(at, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      afterBlank = false;
    } else if (html) {
      if (html.test(line)) html = undefined;
      afterBlank = false;
    } else if (isBlank(line)) {
      afterBlank = true;
    } else {
      if (afterBlank && canStartBlock(line)) starts.push(at);
      afterBlank = false;
      fence = fenceOpenedBy(line);
      if (!fence) html = htmlTerminator(line);
    }
    at = end + 1;
  }
  return starts;
}
