import type { Nodes, Root, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { BlockParser, rootOf, type BlockParseCache, type BlockParseResult, type SkippedRegion } from './block-parse.js';
import { endOf, plainText, startOf } from './markdown.js';
import type { FrontMatter, HtmlComment, List, Section, SpecDocument, Table } from './model.js';
import { normalizeTitle } from './normalize.js';
import { isPlaceholderOnly } from './placeholders.js';
import type { SignalSet } from './lazy.js';
import { LineIndex, type OffsetRange } from './positions.js';

export interface ParseOptions {
  /** Block parses of the document's previous versions (the editor keeps one per document). */
  cache?: BlockParseCache;
  /**
   * Where rules read closely, given the document's sections. With it, blocks elsewhere that
   * a line scan fully describes stay unparsed; without it, everything is parsed.
   */
  inspected?: (doc: SpecDocument) => readonly OffsetRange[];
  /** Leave the cache's sweep to the caller, whose rules keep using the cache (default: sweep). */
  keepCacheOpen?: boolean;
  /** What is read outside the inspected ranges: everything rules flag (default), or only ids. */
  signals?: SignalSet;
}

const BOM = 0xfeff;

/** Parses a Markdown requirement file into the spec model. Never throws on any string. */
export function parseSpec(text: string, uri?: string, options: ParseOptions = {}): SpecDocument {
  const offsetBase = text.charCodeAt(0) === BOM ? 1 : 0;
  const body = offsetBase ? text.slice(1) : text;
  let doc: SpecDocument;
  try {
    const parser = new BlockParser(body, options.cache, options.inspected !== undefined, offsetBase, options.signals);
    doc = buildDocument(text, uri, parser.result(), body, offsetBase);
    if (options.inspected && parser.parseWithin(options.inspected(doc))) doc = buildDocument(text, uri, parser.result(), body, offsetBase);
  } catch (error) {
    // The parser gave up (an input shape nothing guards against yet): check an empty tree.
    const parseError = error instanceof Error ? error.message : String(error);
    doc = buildDocument(text, uri, { children: [], skipped: [] }, body, offsetBase, parseError);
  }
  if (!options.keepCacheOpen) options.cache?.sweep();
  return doc;
}

function buildDocument(text: string, uri: string | undefined, parsed: BlockParseResult, body: string, offsetBase: number, parseError?: string): SpecDocument {
  const tree: Root = parseError ? { type: 'root', children: [] } : rootOf(parsed.children, body, offsetBase);
  const sections = buildSections(topLevelItems(parsed), text);
  const doc: SpecDocument = {
    uri,
    text,
    lines: new LineIndex(text),
    frontMatter: readFrontMatter(tree),
    sections,
    rootSections: sections.filter((section) => !section.parent),
    lists: [],
    tables: [],
    comments: [],
    tree,
    unparsed: parsed.skipped,
    parseError,
  };
  collectBlocks(doc);
  return doc;
}

function readFrontMatter(tree: Root): FrontMatter | undefined {
  const first = tree.children[0];
  if (!first || (first.type !== 'yaml' && (first.type as string) !== 'toml')) return undefined;
  const raw = (first as { value: string }).value;
  const range = { start: startOf(first), end: endOf(first) };
  if (first.type !== 'yaml') return { raw, data: undefined, range, error: 'TOML front matter is not read; use YAML.' };
  try {
    return { raw, data: parseYaml(raw) ?? {}, range };
  } catch (error) {
    return { raw, data: undefined, range, error: `Front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
}

type TopLevelItem = RootContent | (SkippedRegion & { type: 'unparsed' });

/** Parsed top-level nodes and unparsed regions, in document order. */
function topLevelItems(parsed: BlockParseResult): TopLevelItem[] {
  if (parsed.skipped.length === 0) return parsed.children;
  const items: TopLevelItem[] = [];
  let next = 0;
  for (const node of parsed.children) {
    while (next < parsed.skipped.length && parsed.skipped[next].start < startOf(node)) items.push({ ...parsed.skipped[next++], type: 'unparsed' });
    items.push(node);
  }
  while (next < parsed.skipped.length) items.push({ ...parsed.skipped[next++], type: 'unparsed' });
  return items;
}

/** Sections come from top-level headings only: headings in lists, quotes, HTML or code are not structure. */
function buildSections(blocks: TopLevelItem[], text: string): Section[] {
  const headingIndexes: number[] = [];
  blocks.forEach((block, i) => {
    if (block.type === 'heading') headingIndexes.push(i);
  });
  const sections: Section[] = [];
  const open: Section[] = [];
  headingIndexes.forEach((blockIndex, n) => {
    const heading = blocks[blockIndex] as Extract<RootContent, { type: 'heading' }>;
    const nextBlock = n + 1 < headingIndexes.length ? headingIndexes[n + 1] : blocks.length;
    const headingEnd = endOf(heading);
    const following = blocks[nextBlock];
    const bodyEnd = following ? (following.type === 'unparsed' ? following.start : startOf(following)) : text.length;
    const title = plainText(heading).trim();
    while (open.length > 0 && open[open.length - 1].level >= heading.depth) open.pop();
    const hasOwnContent = blocks.slice(blockIndex + 1, nextBlock).some(isRealContent);
    const section: Section = {
      index: sections.length,
      level: heading.depth,
      title,
      normalizedTitle: normalizeTitle(title),
      headingRange: { start: startOf(heading), end: headingEnd },
      range: { start: startOf(heading), end: text.length },
      bodyRange: { start: headingEnd, end: bodyEnd },
      parent: open[open.length - 1],
      children: [],
      hasOwnContent,
      hasContent: hasOwnContent,
    };
    section.parent?.children.push(section);
    open.push(section);
    sections.push(section);
  });
  // A section ends where the next heading of the same or a higher level starts.
  const stack: Section[] = [];
  for (const section of sections) {
    while (stack.length > 0 && stack[stack.length - 1].level >= section.level) {
      stack.pop()!.range.end = section.range.start;
    }
    stack.push(section);
  }
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i];
    if (section.hasContent && section.parent) section.parent.hasContent = true;
  }
  return sections;
}

/** Comments, link definitions, rules, blank lines and template placeholders are not content. */
function isRealContent(block: TopLevelItem): boolean {
  switch (block.type) {
    case 'unparsed':
      return block.hasContent;
    case 'html':
      return withoutComments(block.value).trim() !== '';
    case 'definition':
    case 'thematicBreak':
    case 'yaml':
      return false;
    case 'code':
      return block.value.trim() !== '';
    case 'table':
      return block.children.slice(1).some((row) => !isPlaceholderOnly(plainText(row)));
    default:
      return !isPlaceholderOnly(plainText(block));
  }
}

/** Innermost section containing the offset (sections are sorted by start). */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let low = 0;
  let high = sections.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sections[mid].range.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  // A section that contains the offset contains the last section starting before it, or is that section.
  for (let section = found >= 0 ? sections[found] : undefined; section; section = section.parent) {
    if (section.range.end > offset) return section;
  }
  return undefined;
}

/** The text with every complete `<!-- ... -->` removed (linear scan, no regex). */
export function withoutComments(value: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const open = value.indexOf('<!--', from);
    const close = open < 0 ? -1 : value.indexOf('-->', open + 4);
    if (close < 0) return result + value.slice(from);
    result += value.slice(from, open);
    from = close + 3;
  }
}

function collectBlocks(doc: SpecDocument): void {
  const visit = (node: Nodes, listDepth: number): void => {
    if (node.type === 'list') {
      const list: List = {
        range: { start: startOf(node), end: endOf(node) },
        ordered: node.ordered === true,
        depth: listDepth,
        items: node.children.map((item) => ({
          range: { start: startOf(item), end: endOf(item) },
          text: plainText(item).trim(),
          checked: item.checked ?? null,
        })),
        section: sectionAt(doc.sections, startOf(node)),
      };
      doc.lists.push(list);
    } else if (node.type === 'table') {
      const [head, ...rows] = node.children;
      const cells = (row: typeof head) =>
        row.children.map((cell) => ({
          range: { start: startOf(cell), end: endOf(cell) },
          contentRange: cellContentRange(doc.text, startOf(cell), endOf(cell)),
          text: plainText(cell).trim(),
        }));
      const table: Table = {
        range: { start: startOf(node), end: endOf(node) },
        header: head ? cells(head) : [],
        rows: rows.map((row) => ({ range: { start: startOf(row), end: endOf(row) }, cells: cells(row) })),
        section: sectionAt(doc.sections, startOf(node)),
      };
      doc.tables.push(table);
    } else if (node.type === 'html') {
      collectComments(doc, startOf(node), endOf(node));
      return;
    }
    if ('children' in node) {
      const depth = node.type === 'list' ? listDepth + 1 : listDepth;
      for (const child of node.children) visit(child, depth);
    }
  };
  visit(doc.tree, 0);
}

/** The cell's text without pipes and padding; for an empty cell, the point after `| `. */
function cellContentRange(text: string, start: number, end: number): OffsetRange {
  let from = text.charCodeAt(start) === 124 ? start + 1 : start;
  let to = end > from && text.charCodeAt(end - 1) === 124 && text.charCodeAt(end - 2) !== 92 ? end - 1 : end;
  const padStart = from;
  while (from < to && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
  while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--;
  if (from === to) {
    const point = Math.min(padStart + 1, Math.max(padStart, to));
    return { start: point, end: point };
  }
  return { start: from, end: to };
}

/** Reads comments from the source slice (container prefixes such as `> ` stay in place). */
function collectComments(doc: SpecDocument, start: number, end: number): void {
  const source = doc.text.slice(start, end);
  let from = 0;
  for (;;) {
    const open = source.indexOf('<!--', from);
    if (open < 0) return;
    const close = source.indexOf('-->', open + 4);
    if (close < 0) return;
    const comment: HtmlComment = {
      range: { start: start + open, end: start + close + 3 },
      body: source.slice(open + 4, close).trim(),
    };
    doc.comments.push(comment);
    from = close + 3;
  }
}
