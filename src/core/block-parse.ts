/**
 * Parses a document block by block (see `splitBlocks`), so an edit re-parses only the block
 * it touches and a check can leave blocks no rule reads unparsed. The merged tree equals
 * the whole-document parse: link and footnote definitions from other blocks are supplied
 * to each block that names them, and a block that ends inside an open fence or HTML block
 * is joined with the next one.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { closesFence, fenceOpenedBy, htmlTerminator, splitBlocks } from './blocks.js';
import { scanSkippable, type SkippedBlock, type SkippedRegion } from './lazy.js';
import { parseFragment } from './markdown.js';
import type { OffsetRange } from './positions.js';
import { tameForParser } from './tame.js';

interface Definition {
  /** As written between the brackets. */
  label: string;
  /** Normalized as the parser matches references to it. */
  identifier: string;
  footnote: boolean;
  /** Offset in the block (relative) or in the document (once collected). */
  offset: number;
}

/** A block's parse; positions are in the parser's input, where the block starts at `origin`. */
interface ParsedBlock {
  children: RootContent[];
  /** The last placement of cached children: reused while the block stays where it was. */
  placed?: { offset: number; line: number; nodes: RootContent[] };
  origin: { offset: number; line: number };
  /** With offsets relative to the block. */
  definitions: Definition[];
  /** The last node is a fence or HTML block left open: the next block belongs to it. */
  endsOpen: boolean;
}

/**
 * Parses and scans of recent blocks by content. `sweep` after each document keeps only what
 * that document used, so memory follows the document's size.
 */
export class BlockParseCache {
  private previous = new Map<string, unknown>();
  private current = new Map<string, unknown>();

  lookup<T>(key: string, compute: () => T): T {
    if (this.current.has(key)) return this.current.get(key) as T;
    const value = this.previous.has(key) ? (this.previous.get(key) as T) : compute();
    this.current.set(key, value);
    return value;
  }

  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

/** Case and whitespace folded as label matching does; backslashes dropped, so escapes match loosely. */
function normalizeLabel(label: string): string {
  return label.replace(/\\/g, '').replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

const DEFINITION_LABEL = /^\[\^?((?:\\[^]|[^\\\]])*)\]:/;

/** Copies a node with its positions moved; values are shared, never mutated. */
function moved<T extends Nodes>(node: T, offset: number, line: number): T {
  const copy = { ...node };
  const position = node.position;
  if (position) {
    copy.position = {
      start: { line: position.start.line + line, column: position.start.column, offset: (position.start.offset ?? 0) + offset },
      end: { line: position.end.line + line, column: position.end.column, offset: (position.end.offset ?? 0) + offset },
    };
  }
  if ('children' in node) (copy as Parent).children = (node as Parent).children.map((child) => moved(child, offset, line)) as Parent['children'];
  return copy;
}

/** Definitions with their labels as written (the parser's `label` has escapes decoded). */
function shiftInPlace(node: Nodes, offset: number, line: number): void {
  const position = node.position;
  if (position) {
    position.start.offset = (position.start.offset ?? 0) + offset;
    position.end.offset = (position.end.offset ?? 0) + offset;
    position.start.line += line;
    position.end.line += line;
  }
  if ('children' in node) for (const child of node.children) shiftInPlace(child, offset, line);
}

/** Definitions with their labels as written (the parser's `label` has escapes decoded). */
function collectDefinitions(nodes: readonly Nodes[], input: string, origin: number, into: Definition[]): void {
  for (const node of nodes) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const offset = node.position?.start.offset ?? 0;
      const label = DEFINITION_LABEL.exec(input.slice(offset, node.position?.end.offset))?.[1] ?? node.label ?? node.identifier;
      into.push({ label, identifier: normalizeLabel(label), footnote: node.type === 'footnoteDefinition', offset: offset - origin });
    }
    if ('children' in node) collectDefinitions(node.children, input, origin, into);
  }
}

/** Whether the node runs to the end of its block still open (an unclosed fence or HTML block). */
function isOpen(node: RootContent, input: string): boolean {
  const source = input.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const lines = source.split('\n');
  if (node.type === 'code') {
    const fence = fenceOpenedBy(lines[0]);
    return fence !== undefined && (lines.length < 2 || !closesFence(lines[lines.length - 1].replace(/\r$/, ''), fence));
  }
  if (node.type === 'html') {
    const terminator = htmlTerminator(lines[0]);
    return terminator !== undefined && !terminator.test(lines.slice(1).join('\n'));
  }
  return false;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A bracketed span without unescaped brackets inside: every reference label is one. */
const BRACKETED = /\[\^?((?:\\[^]|[^\\[\]]){0,999})\]/g;

/** The document's link and footnote definitions, by normalized label. */
class DefinitionIndex {
  private readonly byIdentifier = new Map<string, Definition[]>();

  add(definition: Definition): void {
    const list = this.byIdentifier.get(definition.identifier) ?? [];
    list.push(definition);
    this.byIdentifier.set(definition.identifier, list);
  }

  /** Definition lines for the labels the text at `range` mentions that are defined outside it. */
  linesFor(text: string, range: OffsetRange): string {
    if (this.byIdentifier.size === 0) return '';
    const source = text.slice(range.start, range.end);
    if (!source.includes('[')) return '';
    let lines = '';
    const seen = new Set<Definition>();
    for (const match of source.matchAll(BRACKETED)) {
      for (const definition of this.byIdentifier.get(normalizeLabel(match[1])) ?? []) {
        const own = definition.offset >= range.start && definition.offset < range.end;
        if (own || seen.has(definition)) continue;
        seen.add(definition);
        lines += `[${definition.footnote ? '^' : ''}${definition.label}]: #\n`;
      }
    }
    return lines;
  }
}

/** A block and, once parsed or scanned, its nodes placed in the document. */
type Block = OffsetRange & { parsed?: ParsedBlock; skipped?: SkippedBlock; nodes?: RootContent[] };

export interface BlockParseResult {
  /** Parsed blocks' nodes, and the headings of skipped blocks. */
  children: RootContent[];
  /** What was not parsed: the text between headings in skipped blocks. */
  skipped: SkippedRegion[];
}

/**
 * One document's blocks. `lazy` leaves blocks unparsed when a line scan tells all the model
 * needs of them; `parseWithin` parses those a rule turns out to need.
 */
export class BlockParser {
  private readonly blocks: Block[];
  private readonly definitions = new DefinitionIndex();
  private readonly lineBreaks: number[] = [];
  private readonly cache: BlockParseCache | undefined;

  /**
   * `text` without its BOM; `offsetBase` is 1 when the document had one. With a cache, blocks
   * are parsed one by one for reuse; without, each run of adjacent blocks in one call, since
   * every parser call has a fixed cost.
   */
  constructor(
    private readonly text: string,
    cache: BlockParseCache | undefined,
    lazy: boolean,
    private readonly offsetBase = 0,
  ) {
    this.cache = cache;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.lineBreaks.push(at);
    const starts = splitBlocks(text);
    this.blocks = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
    // Definitions come first: every block's parse depends on the labels defined anywhere.
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i];
      if (text.slice(block.start, block.end).includes(']:')) this.parseBlock(i, '');
    }
    for (const block of this.blocks) {
      for (const definition of block.parsed?.definitions ?? []) this.definitions.add({ ...definition, offset: definition.offset + block.start });
    }
    const pending = this.blocks.map((block, i) => {
      if (block.parsed && !this.needsDefinitions(i)) return false;
      block.skipped = lazy && i > 0 ? this.skippable(block) : undefined;
      return !block.skipped;
    });
    this.parsePending(pending);
  }

  /** Parses every skipped block overlapping one of the ranges; true when any was. */
  parseWithin(ranges: readonly OffsetRange[]): boolean {
    const pending = this.blocks.map((block) => {
      const start = block.start + this.offsetBase;
      const end = block.end + this.offsetBase;
      return block.skipped !== undefined && ranges.some((range) => range.start < end && range.end > start);
    });
    for (let i = 0; i < pending.length; i++) if (pending[i]) this.blocks[i].skipped = undefined;
    this.parsePending(pending);
    return pending.includes(true);
  }

  result(): BlockParseResult {
    const children: RootContent[] = [];
    const skipped: SkippedRegion[] = [];
    for (const block of this.blocks) {
      for (const node of block.nodes ?? []) children.push(node);
      for (const region of block.skipped?.regions ?? []) {
        skipped.push({ start: region.start + this.offsetBase, end: region.end + this.offsetBase, hasContent: region.hasContent });
      }
    }
    return { children, skipped };
  }

  /** Line breaks before the offset (binary search). */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineBreaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineBreaks[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private parsePending(pending: boolean[]): void {
    for (let i = 0, n = 0; i < this.blocks.length; i++, n++) {
      if (!pending[n]) continue;
      if (!this.cache) {
        while (pending[n + 1] && i + 1 < this.blocks.length) {
          this.blocks[i].end = this.blocks[i + 1].end;
          this.blocks.splice(i + 1, 1);
          n++;
        }
      }
      const before = this.blocks.length;
      this.parseBlock(i);
      // Blocks joined to an open fence were parsed with it.
      n += before - this.blocks.length;
    }
  }

  private needsDefinitions(index: number): boolean {
    return this.definitions.linesFor(this.text, this.blocks[index]) !== '';
  }

  /** Parses a block, joining the next blocks while it ends open. */
  private parseBlock(index: number, definitions?: string): void {
    const block = this.blocks[index];
    for (;;) {
      const source = this.text.slice(block.start, block.end);
      block.parsed = this.parseSource(source, definitions ?? this.definitions.linesFor(this.text, block), index === 0);
      const next = this.blocks[index + 1];
      if (!next || !block.parsed.endsOpen) break;
      block.end = next.end;
      this.blocks.splice(index + 1, 1);
    }
    block.nodes = this.place(block.parsed, block.start);
  }

  /** The block's nodes moved to the document position `at`: cached ones copied, fresh ones in place. */
  private place(parsed: ParsedBlock, at: number, count = parsed.children.length): RootContent[] {
    const offset = at + this.offsetBase - parsed.origin.offset;
    const line = this.lineOf(at) - parsed.origin.line;
    const nodes = parsed.children.slice(0, count);
    if (!this.cache) {
      for (const node of nodes) shiftInPlace(node, offset, line);
      return nodes;
    }
    if (parsed.placed?.offset !== offset || parsed.placed.line !== line) {
      parsed.placed = { offset, line, nodes: nodes.map((node) => moved(node, offset, line)) };
    }
    return parsed.placed.nodes;
  }

  private parseSource(source: string, definitions: string, isFirst: boolean): ParsedBlock {
    // The first block may open with front matter, so definitions go after it instead.
    const prefix = isFirst || !definitions ? '' : `${definitions}\n`;
    const suffix = isFirst ? definitions : '';
    const parse = (): ParsedBlock => {
      const input = prefix + tameForParser(source) + suffix;
      const children = parseFragment(input).children.filter((node) => {
        const start = node.position?.start.offset ?? 0;
        return start >= prefix.length && start < prefix.length + source.length;
      });
      const definitionsInBlock: Definition[] = [];
      collectDefinitions(children, input, prefix.length, definitionsInBlock);
      const last = children[children.length - 1];
      return {
        children,
        origin: { offset: prefix.length, line: countLines(prefix, 0, prefix.length) },
        definitions: definitionsInBlock,
        endsOpen: last !== undefined && isOpen(last, input),
      };
    };
    return this.cache ? this.cache.lookup(`parse\u0000${prefix}\u0000${source}\u0000${suffix}`, parse) : parse();
  }

  /** A skippable block's scan, its heading lines parsed; undefined when it needs the parser. */
  private skippable(block: Block): SkippedBlock | undefined {
    const source = this.text.slice(block.start, block.end);
    const scanSource = () => (tameForParser(source) === source ? (scanSkippable(source, 0, source.length) ?? null) : null);
    const scan = this.cache ? this.cache.lookup(`scan\u0000${source}`, scanSource) : scanSource();
    if (!scan) return undefined;
    const shift = (range: OffsetRange) => ({ start: range.start + block.start, end: range.end + block.start });
    const headings = scan.headings.map(shift);
    block.nodes = headings.flatMap((heading) => {
      const line = this.text.slice(heading.start, heading.end);
      const plain = plainHeading(line);
      if (plain) return this.place({ children: [plain], origin: { offset: 0, line: 0 }, definitions: [], endsOpen: false }, heading.start);
      return this.place(this.parseSource(line, this.definitions.linesFor(this.text, heading), false), heading.start, 1);
    });
    return { headings, regions: scan.regions.map((region) => ({ ...shift(region), hasContent: region.hasContent })) };
  }
}

/** An ATX heading line with no inline markup, as the parser would give it (line 1, offset 0). */
const PLAIN_HEADING = /^(#{1,6})(?:([ \t]+)([\p{L}\p{N} .,;?!'"()/+=%-]*?))??(?:[ \t]+#+)?[ \t]*$/u;

function plainHeading(line: string): RootContent | undefined {
  const match = PLAIN_HEADING.exec(line);
  if (!match || /www\./i.test(line)) return undefined;
  const point = (offset: number) => ({ line: 1, column: offset + 1, offset });
  const content = match[3] ?? '';
  const contentStart = match[1].length + (match[2]?.length ?? 0);
  const children = content
    ? [{ type: 'text' as const, value: content, position: { start: point(contentStart), end: point(contentStart + content.length) } }]
    : [];
  return { type: 'heading', depth: match[1].length as 1, children, position: { start: point(0), end: point(line.length) } };
}

export type { SkippedRegion };

/** The root node over block-parsed children of `text` (BOM excluded, `offsetBase` 1 if there was one). */
export function rootOf(children: RootContent[], text: string, offsetBase: number): Root {
  const lastBreak = text.lastIndexOf('\n');
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: offsetBase },
      end: { line: countLines(text, 0, text.length) + 1, column: text.length - lastBreak, offset: text.length + offsetBase },
    },
  };
}
