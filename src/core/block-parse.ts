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

/** A block's parse with positions relative to the block (offset 0 on line 1). */
interface ParsedBlock {
  children: RootContent[];
  definitions: Definition[];
  /** The last node is a fence or HTML block left open: the next block belongs to it. */
  endsOpen: boolean;
}

/**
 * Parses of recent blocks by content. `sweep` after each document keeps only what that
 * document used, so memory follows the document's size.
 */
export class BlockParseCache {
  private previous = new Map<string, ParsedBlock>();
  private current = new Map<string, ParsedBlock>();

  get(key: string): ParsedBlock | undefined {
    const hit = this.current.get(key) ?? this.previous.get(key);
    if (hit) this.current.set(key, hit);
    return hit;
  }

  set(key: string, block: ParsedBlock): void {
    this.current.set(key, block);
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
function collectDefinitions(nodes: readonly Nodes[], source: string, into: Definition[]): void {
  for (const node of nodes) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const offset = node.position?.start.offset ?? 0;
      const label = DEFINITION_LABEL.exec(source.slice(offset, node.position?.end.offset))?.[1] ?? node.label ?? node.identifier;
      into.push({ label, identifier: normalizeLabel(label), footnote: node.type === 'footnoteDefinition', offset });
    }
    if ('children' in node) collectDefinitions(node.children, source, into);
  }
}

/** Whether the node runs to the end of its block still open (an unclosed fence or HTML block). */
function isOpen(node: RootContent, text: string): boolean {
  const source = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
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

/** The definition lines the text at `range` needs: those from elsewhere whose labels it mentions. */
function definitionsFor(text: string, range: OffsetRange, definitions: readonly Definition[]): string {
  if (definitions.length === 0 || !text.includes('[', range.start)) return '';
  const normalized = normalizeLabel(text.slice(range.start, range.end));
  let lines = '';
  for (const definition of definitions) {
    const own = definition.offset >= range.start && definition.offset < range.end;
    if (!own && normalized.includes(definition.identifier)) lines += `[${definition.footnote ? '^' : ''}${definition.label}]: #\n`;
  }
  return lines;
}

/** `headingNodes` of a skipped block are relative to the block, like parsed children. */
type Block = OffsetRange & { parsed?: ParsedBlock; skipped?: SkippedBlock; headingNodes?: RootContent[] };

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
  private definitions: Definition[] = [];

  private readonly perBlock: boolean;
  private readonly cache: BlockParseCache;

  /** `text` without its BOM; `offsetBase` is 1 when the document had one. Without a cache, runs of blocks are parsed together. */
  constructor(
    private readonly text: string,
    cache: BlockParseCache | undefined,
    lazy: boolean,
    private readonly offsetBase = 0,
  ) {
    this.perBlock = cache !== undefined;
    this.cache = cache ?? new BlockParseCache();
    const starts = splitBlocks(text);
    this.blocks = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
    // Definitions come first: every block's parse depends on the labels defined anywhere.
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i];
      if (text.slice(block.start, block.end).includes(']:')) this.parseBlock(i, '');
    }
    for (const block of this.blocks) {
      for (const definition of block.parsed?.definitions ?? []) this.definitions.push({ ...definition, offset: definition.offset + block.start });
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

  /**
   * Parses the pending blocks. Without a cache, each run of adjacent ones is parsed as one
   * text, since every parser call has a fixed cost; with one, block by block, for reuse.
   */
  private parsePending(pending: boolean[]): void {
    for (let i = 0, n = 0; i < this.blocks.length; i++, n++) {
      if (!pending[n]) continue;
      if (!this.perBlock) {
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

  result(): BlockParseResult {
    const children: RootContent[] = [];
    const skipped: SkippedRegion[] = [];
    let line = 0;
    let lineAt = 0;
    for (const block of this.blocks) {
      line += countLines(this.text, lineAt, block.start);
      lineAt = block.start;
      const offset = block.start + this.offsetBase;
      const nodes = block.parsed?.children ?? block.headingNodes ?? [];
      for (const node of nodes) children.push(moved(node, offset, line));
      if (block.skipped) {
        for (const region of block.skipped.regions) {
          skipped.push({ start: region.start + this.offsetBase, end: region.end + this.offsetBase, hasContent: region.hasContent });
        }
      }
    }
    return { children, skipped };
  }

  private needsDefinitions(index: number): boolean {
    return definitionsFor(this.text, this.blocks[index], this.definitions) !== '';
  }

  /** Parses a block, joining the next blocks while it ends open. */
  private parseBlock(index: number, definitions?: string): void {
    const block = this.blocks[index];
    for (;;) {
      const source = this.text.slice(block.start, block.end);
      block.parsed = this.parseSource(source, definitions ?? definitionsFor(this.text, block, this.definitions), index === 0);
      const next = this.blocks[index + 1];
      if (!next || !block.parsed.endsOpen) break;
      block.end = next.end;
      this.blocks.splice(index + 1, 1);
    }
  }

  private parseSource(source: string, definitions: string, isFirst: boolean): ParsedBlock {
    // The first block may open with front matter, so definitions go after it instead.
    const prefix = isFirst || !definitions ? '' : `${definitions}\n`;
    const suffix = isFirst ? definitions : '';
    const key = `${prefix}\u0000${source}\u0000${suffix}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const tamed = tameForParser(source);
    const tree = parseFragment(prefix + tamed + suffix);
    const prefixLines = countLines(prefix, 0, prefix.length);
    let children = tree.children.filter((node) => {
      const start = node.position?.start.offset ?? 0;
      return start >= prefix.length && start < prefix.length + source.length;
    });
    if (prefix) children = children.map((node) => moved(node, -prefix.length, -prefixLines));
    const definitionsInBlock: Definition[] = [];
    collectDefinitions(children, tamed, definitionsInBlock);
    const last = children[children.length - 1];
    const parsed = { children, definitions: definitionsInBlock, endsOpen: last !== undefined && isOpen(last, tamed) };
    this.cache.set(key, parsed);
    return parsed;
  }

  /** A skippable block's scan with its heading lines parsed, or undefined. */
  private skippable(block: Block): SkippedBlock | undefined {
    if (tameForParser(this.text.slice(block.start, block.end)) !== this.text.slice(block.start, block.end)) return undefined;
    const scan = scanSkippable(this.text, block.start, block.end);
    if (!scan) return undefined;
    let line = 0;
    let lineAt = block.start;
    block.headingNodes = scan.headings.map((heading) => {
      const source = this.text.slice(heading.start, heading.end);
      line += countLines(this.text, lineAt, heading.start);
      lineAt = heading.start;
      const node = plainHeading(source) ?? this.parseSource(source, definitionsFor(this.text, heading, this.definitions), false).children[0];
      return moved(node, heading.start - block.start, line);
    });
    return scan;
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
      start: { line: 1, column: 1, offset: 0 },
      end: { line: countLines(text, 0, text.length) + 1, column: text.length - lastBreak, offset: text.length + offsetBase },
    },
  };
}
