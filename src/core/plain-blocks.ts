/**
 * Builds the tree of plain blocks without the Markdown parser: ATX headings, paragraphs,
 * lists (task items included), top-level fences and thematic breaks, whose text holds only
 * code spans and emphasis. That is most of what spec, requirement and task files are made
 * of, and the parser spends most of a check's time on it. Anything else (tables, quotes,
 * HTML, setext headings, tabs, links, hard breaks, an ordered list that would interrupt a
 * paragraph) makes it give up, and the block goes to the parser. The tree is the parser's,
 * positions included: test/unit/plain-blocks.test.ts compares the two on cases, generated
 * blocks and corpus documents, and scripts/plain-blocks-sweep.ts on every corpus block.
 */
import type { Heading, List, ListItem, Paragraph, RootContent } from 'mdast';
import { plainInline, type TextSegment } from './plain-inline.js';
import { LineIndex } from './positions.js';
import { tameForParser } from './tame.js';

interface Line {
  start: number;
  /** End of the line's text: the parser leaves trailing spaces out of text nodes. */
  end: number;
  /** End of the line, before its line break: blocks end there. */
  rawEnd: number;
  indent: number;
}

interface OpenFence {
  marker: string;
  size: number;
  info: string;
  start: number;
  lines: string[];
}

interface OpenItem {
  list: List;
  item: ListItem;
  /** Column (0-based) where the item's content starts: lines indented this far continue it. */
  contentColumn: number;
  /** `-`, `*`, `+`, `.` or `)`: a sibling item needs the same. */
  marker: string;
}

interface ParagraphLine {
  start: number;
  end: number;
  /** Where its line break is: the text's \n maps there. */
  rawEnd: number;
  /** Two or more trailing spaces: a hard break if the paragraph goes on. */
  hardBreak: boolean;
}

const paragraphLine = (start: number, line: Line): ParagraphLine => ({ start, end: line.end, rawEnd: line.rawEnd, hardBreak: line.rawEnd - line.end >= 2 });

interface OpenParagraph {
  node: Paragraph;
  lines: ParagraphLine[];
  /** A task item's text, which the parser starts with the space after the checkbox. */
  task?: boolean;
}

// Markdown's whitespace is space and tab only (not NBSP or U+3000): hence [^ \t], never \S.
const MARKER = /^(?:([-*+])|(\d{1,9})([.)]))( {1,4})(?=[^ \t])/;
/** Lines the parser reads as something other than text: rules, setext underlines, table delimiters, front matter fences. */
const ONLY_MARKS = /^[-_*=+#:| ]+$/;
/** Quotes, fences, HTML, table rows; empty items and items that open with indented code. */
const NOT_TEXT = /^(?:[><|]|`{3}|~{3}|\d{10}|(?:[-*+]|\d{1,9}[.)])(?: {5,}|$))/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const THEMATIC_BREAK = /^([-*_])(?: *\1){2,}$/;
const TASK_CHECKBOX = /^\[[ xX]\] +(?=[^ \t])/;
const HEADING = /^(#{1,6}) +([^ \t].*)$/;

/** Parses `source` (a block's text, starting at a line start) into top-level nodes; undefined when it is not plain. */
export function parsePlainBlock(source: string, brackets: boolean): RootContent[] | undefined {
  // Front matter (or what the parser first tries as front matter) is the parser's.
  // NUL becomes U+FFFD and a BOM is dropped by the parser: both are its to handle.
  // Input the parser would handle in quadratic time is tamed first (tame.ts): only the parser reads the tamed text.
  if (/[\r\0]/.test(source) || /^(?:---|\+\+\+|\uFEFF)/.test(source) || tameForParser(source) !== source) return undefined;
  const index = new LineIndex(source);
  const { lineStarts } = index;
  // Points shaped as the parser's ({ line, column, offset }), so code reading positions sees one shape.
  const pointAt = (offset: number) => {
    const line = index.lineAt(offset);
    return { line: line + 1, column: offset - lineStarts[line] + 1, offset };
  };

  const nodes: RootContent[] = [];
  const open: OpenItem[] = [];
  let paragraph: OpenParagraph | undefined;
  let blankBefore = false;
  let failed = false;

  const childrenAt = (depth: number): RootContent[] => (depth === 0 ? nodes : (open[depth - 1].item.children as RootContent[]));
  const extendTo = (end: number) => {
    for (const entry of open) {
      entry.item.position!.end = pointAt(end);
      entry.list.position!.end = pointAt(end);
    }
  };
  const closeParagraph = () => {
    if (!paragraph) return;
    const { node, lines, task } = paragraph;
    let text = '';
    const segments: TextSegment[] = [];
    lines.forEach((line, i) => {
      if (i > 0) {
        segments.push({ at: text.length, source: lines[i - 1].rawEnd });
        text += '\n';
      }
      segments.push({ at: text.length, source: line.start });
      text += source.slice(line.start, line.end);
    });
    const children = plainInline(text, segments, pointAt, brackets);
    paragraph = undefined;
    if (!children) {
      failed = true;
      return;
    }
    node.children = children;
    // A task item's paragraph starts at its checkbox; as mdast-util-gfm-task-list-item does, the space after goes, and the paragraph starts after it when text follows.
    node.position = { start: pointAt(task ? lines[0].start - 3 : lines[0].start), end: pointAt(lines[lines.length - 1].rawEnd) };
    const head = children[0];
    if (task && head?.type === 'text') {
      head.value = head.value.slice(1);
      if (head.value === '') children.shift();
      else {
        head.position!.start = pointAt(head.position!.start.offset! + 1);
        node.position.start = pointAt(head.position!.start.offset!);
      }
    }
  };
  const closeItems = (depth: number) => {
    closeParagraph();
    open.length = depth;
  };

  const lines: Line[] = lineStarts.map((start, i) => {
    const rawEnd = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : source.length;
    let indent = start;
    while (indent < rawEnd && source.charCodeAt(indent) === 32) indent++;
    let end = rawEnd;
    while (end > indent && source.charCodeAt(end - 1) === 32) end--;
    return { start, end, rawEnd, indent: indent - start };
  });
  let fence: OpenFence | undefined;

  for (const line of lines) {
    if (failed) return undefined;
    if (fence) {
      const closing = FENCE_CLOSE.exec(source.slice(line.start, line.rawEnd));
      if (!closing || closing[1][0] !== fence.marker || closing[1].length < fence.size) {
        fence.lines.push(source.slice(line.start, line.rawEnd));
        continue;
      }
      // The info string: its first word is the language, the rest (trailing spaces kept) the meta.
      const info = /^[ \t]*([^ \t]*)[ \t]*(.*)$/.exec(fence.info)!;
      nodes.push({ type: 'code', lang: info[1] || null, meta: info[2] || null, value: fence.lines.join('\n'), position: { start: pointAt(fence.start), end: pointAt(line.rawEnd) } });
      fence = undefined;
      continue;
    }
    const content = source.slice(line.start + line.indent, line.end);
    if (content === '') {
      // The paragraph ends; a blank line then spreads the item or list the next line continues.
      closeParagraph();
      blankBefore = true;
      continue;
    }
    if (content.includes('\t')) return undefined;
    // Two spaces before a line break inside a paragraph make a hard break.
    if (paragraph && !blankBefore && paragraph.lines[paragraph.lines.length - 1].hardBreak) return undefined;
    const opening = FENCE_OPEN.exec(content);
    if (opening) {
      // Fences at the top level only; their text is taken as it is.
      if (line.indent > 0 || (opening[1][0] === '`' && opening[2].includes('`')) || /[\\&]/.test(opening[2])) return undefined;
      closeItems(0);
      fence = { marker: opening[1][0], size: opening[1].length, info: source.slice(line.start + opening[1].length, line.rawEnd), start: line.start, lines: [] };
      blankBefore = false;
      continue;
    }
    if (THEMATIC_BREAK.test(content)) {
      // After paragraph text, `---` underlines a heading; inside items, rules are left to the parser.
      if (line.indent > 0 || (paragraph && !blankBefore)) return undefined;
      closeItems(0);
      nodes.push({ type: 'thematicBreak', position: { start: pointAt(line.start), end: pointAt(line.rawEnd) } });
      blankBefore = false;
      continue;
    }
    if (ONLY_MARKS.test(content) || NOT_TEXT.test(content)) return undefined;
    // The open items this line continues: those whose content column it reaches.
    let depth = 0;
    while (depth < open.length && line.indent >= open[depth].contentColumn) depth++;
    const base = depth === 0 ? 0 : open[depth - 1].contentColumn;
    const relative = line.indent - base;
    const marker = relative < 4 ? MARKER.exec(content) : null;
    if (content.startsWith('#')) {
      const heading = HEADING.exec(content);
      if (!heading || line.indent > 0 || / #+$/.test(heading[2]) || /^#+$/.test(heading[2])) return undefined;
      closeItems(0);
      const contentStart = line.start + heading[1].length + (content.length - heading[1].length - heading[2].length);
      const text = heading[2];
      const children = plainInline(text, [{ at: 0, source: contentStart }], pointAt, brackets);
      if (!children) return undefined;
      const node: Heading = { type: 'heading', depth: heading[1].length as Heading['depth'], children, position: { start: pointAt(line.start), end: pointAt(line.rawEnd) } };
      nodes.push(node);
      blankBefore = false;
      continue;
    }
    if (marker) {
      const bullet = marker[1];
      const markerText = bullet ?? marker[2] + marker[3];
      const kind = bullet ?? marker[3];
      const sibling = depth < open.length && open[depth].marker === kind ? open[depth] : undefined;
      const ordered = bullet === undefined;
      // A new list right after paragraph text must start at 1 if ordered; otherwise the line continues the text.
      if (!sibling && paragraph && !blankBefore && ordered && marker[2] !== '1') return undefined;
      if (blankBefore) spreadAfterBlank(open, depth, sibling !== undefined);
      closeItems(depth);
      const markerStart = line.start + line.indent;
      const contentStart = markerStart + markerText.length + marker[4].length;
      // The item's own first line must be text too: not a quote, heading, fence or another marker.
      const rest = source.slice(contentStart, line.end);
      if (rest.startsWith('#') || ONLY_MARKS.test(rest) || NOT_TEXT.test(rest) || MARKER.test(rest)) return undefined;
      // A checkbox with no text after it on the line, or one the line leaves open ("- [" then "] a"): the parser's task check reads across lines.
      if (/^\[(?:[ xX]\]?)?$/.test(rest)) return undefined;
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: { start: pointAt(markerStart), end: pointAt(line.rawEnd) } };
      let list: List;
      if (sibling) {
        list = sibling.list;
        list.children.push(item);
      } else {
        list = { type: 'list', ordered, start: ordered ? Number.parseInt(marker[2], 10) : null, spread: false, children: [item], position: { start: pointAt(markerStart), end: pointAt(line.rawEnd) } };
        childrenAt(depth).push(list);
      }
      open.push({ list, item, contentColumn: contentStart - line.start, marker: kind });
      extendTo(line.rawEnd);
      const task = TASK_CHECKBOX.test(rest);
      if (task) item.checked = rest[1] !== ' ';
      const node: Paragraph = { type: 'paragraph', children: [] };
      item.children.push(node);
      paragraph = { node, lines: [paragraphLine(task ? contentStart + 3 : contentStart, line)], task };
      blankBefore = false;
      continue;
    }
    // Text: the open paragraph's next line (lazy or not), or a new paragraph where the line sits.
    if (paragraph && !blankBefore) {
      paragraph.lines.push(paragraphLine(line.start + line.indent, line));
      extendTo(line.rawEnd);
      continue;
    }
    if (relative >= 4) return undefined; // indented code
    if (blankBefore) spreadAfterBlank(open, depth, false);
    closeItems(depth);
    const node: Paragraph = { type: 'paragraph', children: [] };
    childrenAt(depth).push(node);
    paragraph = { node, lines: [paragraphLine(line.start + line.indent, line)] };
    extendTo(line.rawEnd);
    blankBefore = false;
  }
  if (fence) return undefined; // open to the end: it takes in what follows
  closeParagraph();
  return failed ? undefined : nodes;
}

/**
 * A blank line before a line that continues `depth` open items: it separates two items of
 * the list below them (the list is spread) or two children of the deepest continued item
 * (the item is spread). Blank lines before the end of a list spread nothing.
 */
function spreadAfterBlank(open: readonly OpenItem[], depth: number, sibling: boolean): void {
  if (sibling) open[depth].list.spread = true;
  else if (depth > 0) open[depth - 1].item.spread = true;
}
