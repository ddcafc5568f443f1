/**
 * Parses a document block by block (see `splitBlocks`), so an edit re-parses only the block
 * it touches and a check can leave blocks no rule reads unparsed. The merged tree equals
 * the whole-document parse: link and footnote definitions from other blocks are supplied
 * to each block that names them, and a block that ends inside an open fence or HTML block
 * is joined with the next one.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { definitionsIn, isOpen, moveInPlace, parsePieces, type ParsedPiece } from './batch-parse.js';
import { splitBlocks } from './blocks.js';
import { DefinitionIndex, type Definition } from './definitions.js';
import { mayDefine, scanSkippable, simpleDefinitions, type SignalSet, type SkippedBlock, type SkippedRegion } from './lazy.js';
import { parseFragment } from './markdown.js';
import { parsePlainBlock } from './plain-blocks.js';
import type { OffsetRange } from './positions.js';
import { tameForParser } from './tame.js';

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

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A block and, once parsed or scanned, its nodes placed in the document. */
type Block = OffsetRange & { parsed?: ParsedBlock; skipped?: SkippedBlock; nodes?: RootContent[] };

export interface BlockParseResult {
  /** Parsed blocks' nodes, and the headings of skipped blocks. */
  children: RootContent[];
  /** What was not parsed: the text between headings in skipped blocks. */
  skipped: SkippedRegion[];
}

/** Characters per parser call: enough to spread its fixed cost, few enough that the parser stays linear. */
const BATCH_SIZE = 32_768;

/** A heading line of a skipped block: its node, once built or parsed. */
interface HeadingLine extends OffsetRange {
  node?: RootContent;
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
  private readonly headingLines = new Map<Block, HeadingLine[]>();

  /**
   * `text` without its BOM; `offsetBase` is 1 when the document had one. With a cache, blocks
   * are parsed one by one for reuse; without, all pending blocks in one parser call.
   */
  constructor(
    private readonly text: string,
    cache: BlockParseCache | undefined,
    lazy: boolean,
    private readonly offsetBase = 0,
    private readonly signals: SignalSet = 'rules',
  ) {
    this.cache = cache;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.lineBreaks.push(at);
    const starts = splitBlocks(text);
    this.blocks = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
    // Definitions come first: every block's parse depends on the labels defined anywhere.
    const defining = this.blocks.map((block, i) => {
      const source = text.slice(block.start, block.end);
      if (!mayDefine(source)) return false;
      const simple = lazy && i > 0 ? simpleDefinitions(source) : undefined;
      if (!simple) return true;
      block.skipped = { headings: [], regions: [{ start: block.start, end: block.end, hasContent: false }] };
      for (const { label, offset } of simple) this.definitions.add({ label, footnote: false, offset: block.start + offset });
      return false;
    });
    this.parsePending(defining, false);
    for (const block of this.blocks) for (const definition of block.parsed?.definitions ?? []) this.definitions.add(definition);
    const pending = this.blocks.map((block) => {
      if (block.skipped || (block.parsed && this.definitions.linesFor(text, [block]) === '')) return false;
      block.skipped = lazy && block.start > 0 ? this.skippable(block) : undefined;
      return !block.skipped;
    });
    this.parsePending(pending, true);
  }

  /** Parses every skipped block overlapping one of the ranges; true when any was. */
  parseWithin(ranges: readonly OffsetRange[]): boolean {
    const pending = this.blocks.map((block) => {
      const start = block.start + this.offsetBase;
      const end = block.end + this.offsetBase;
      return block.skipped !== undefined && ranges.some((range) => range.start < end && range.end > start);
    });
    for (let i = 0; i < pending.length; i++) {
      if (!pending[i]) continue;
      this.blocks[i].skipped = undefined;
      this.headingLines.delete(this.blocks[i]);
    }
    this.parsePending(pending, true);
    return pending.includes(true);
  }

  result(): BlockParseResult {
    const children: RootContent[] = [];
    const skipped: SkippedRegion[] = [];
    for (const block of this.blocks) {
      if (block.skipped) {
        for (const heading of this.headingLines.get(block) ?? []) children.push(heading.node!);
        for (const region of block.skipped.regions) {
          skipped.push({ start: region.start + this.offsetBase, end: region.end + this.offsetBase, hasContent: region.hasContent });
        }
      } else {
        for (const node of block.nodes ?? []) children.push(node);
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

  /**
   * Parses the pending blocks and the heading lines skipped blocks still need. Without a
   * cache, adjacent pending blocks form one run and everything goes to the parser at once;
   * a run that ends open is then parsed again on its own, joined with what follows.
   */
  private parsePending(pending: boolean[], withDefinitions: boolean): void {
    const runs: Block[] = [];
    for (let i = 0, n = 0; i < this.blocks.length; i++, n++) {
      if (!pending[n]) continue;
      if (!this.cache) {
        while (pending[n + 1] && i + 1 < this.blocks.length) {
          this.blocks[i].end = this.blocks[i + 1].end;
          this.blocks.splice(i + 1, 1);
          n++;
        }
      }
      runs.push(this.blocks[i]);
    }
    const headings = [...this.headingLines.values()].flat().filter((heading) => !heading.node);
    if (!this.cache && runs.length + headings.length > 0 && this.parseTogether(runs, headings, withDefinitions)) return;
    for (const run of runs) {
      const index = this.blocks.indexOf(run);
      if (index >= 0) this.parseBlock(index, withDefinitions);
    }
    for (const heading of headings) {
      const parsed = this.parseSource(this.text.slice(heading.start, heading.end), this.definitions.linesFor(this.text, [heading]), false, true);
      heading.node = this.place(parsed, heading.start, 1)[0];
    }
  }

  /** Parses the pieces in calls of about BATCH_SIZE characters; false when a piece ends open. */
  private parseTogether(runs: Block[], headings: HeadingLine[], withDefinitions: boolean): boolean {
    const pieces: OffsetRange[] = [...runs, ...headings].sort((a, b) => a.start - b.start);
    const batches: OffsetRange[][] = [[]];
    let size = 0;
    for (const piece of pieces) {
      if (size > BATCH_SIZE) {
        batches.push([]);
        size = 0;
      }
      batches[batches.length - 1].push(piece);
      size += piece.end - piece.start;
    }
    const results = new Map<OffsetRange, ParsedPiece>();
    for (const batch of batches) {
      const definitionLines = withDefinitions ? this.definitions.linesFor(this.text, batch) : '';
      // Once every definition is known, plain blocks are built without the parser.
      const plain = withDefinitions ? { brackets: this.definitions.isEmpty } : undefined;
      const parsed = parsePieces(this.text, batch, definitionLines, (offset) => this.lineOf(offset), this.offsetBase, plain);
      if (!parsed) return false;
      batch.forEach((piece, i) => results.set(piece, parsed[i]));
    }
    for (const run of runs) {
      const { nodes, definitions } = results.get(run)!;
      run.nodes = nodes;
      run.parsed = { children: nodes, origin: { offset: 0, line: 0 }, definitions, endsOpen: false };
    }
    for (const heading of headings) heading.node = results.get(heading)!.nodes[0];
    return true;
  }

  /** Parses a block, joining the next blocks while it ends open. */
  private parseBlock(index: number, withDefinitions: boolean): void {
    const block = this.blocks[index];
    for (;;) {
      const source = this.text.slice(block.start, block.end);
      block.parsed = this.parseSource(source, withDefinitions ? this.definitions.linesFor(this.text, [block]) : '', index === 0, withDefinitions);
      const next = this.blocks[index + 1];
      if (!next || !block.parsed.endsOpen) break;
      block.end = next.end;
      this.blocks.splice(index + 1, 1);
    }
    block.nodes = this.place(block.parsed, block.start);
    const definitions = block.parsed.definitions.map((definition) => ({ ...definition, offset: definition.offset + block.start }));
    block.parsed = { ...block.parsed, definitions };
  }

  /** The block's nodes moved to the document position `at`: cached ones copied, fresh ones in place. */
  private place(parsed: ParsedBlock, at: number, count = parsed.children.length): RootContent[] {
    const offset = at + this.offsetBase - parsed.origin.offset;
    const line = this.lineOf(at) - parsed.origin.line;
    const nodes = parsed.children.slice(0, count);
    if (!this.cache) {
      for (const node of nodes) moveInPlace(node, offset, line);
      return nodes;
    }
    if (parsed.placed?.offset !== offset || parsed.placed.line !== line) {
      parsed.placed = { offset, line, nodes: nodes.map((node) => moved(node, offset, line)) };
    }
    return parsed.placed.nodes;
  }

  /**
   * `plain`: once the document's definitions are known, a plain block is built without the
   * parser; with no definition lines, none of its bracketed labels is defined, so brackets are text.
   */
  private parseSource(source: string, definitions: string, isFirst: boolean, plain: boolean): ParsedBlock {
    // The first block may open with front matter, so definitions go after it instead.
    const prefix = isFirst || !definitions ? '' : `${definitions}\n`;
    const suffix = isFirst ? definitions : '';
    const parse = (): ParsedBlock => {
      const built = plain && !definitions ? parsePlainBlock(source, true) : undefined;
      if (built) return { children: built, origin: { offset: 0, line: 0 }, definitions: [], endsOpen: false };
      const input = prefix + tameForParser(source) + suffix;
      const children = parseFragment(input).children.filter((node) => {
        const start = node.position?.start.offset ?? 0;
        return start >= prefix.length && start < prefix.length + source.length;
      });
      const definitionsInBlock: Definition[] = [];
      definitionsIn(children, input, definitionsInBlock, -prefix.length);
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

  /** A skippable block's scan, with its heading lines to build or parse; undefined when it needs the parser. */
  private skippable(block: Block): SkippedBlock | undefined {
    const source = this.text.slice(block.start, block.end);
    const scanSource = () => (tameForParser(source) === source ? (scanSkippable(source, 0, source.length, this.signals) ?? null) : null);
    const scan = this.cache ? this.cache.lookup(`scan\u0000${this.signals}\u0000${source}`, scanSource) : scanSource();
    if (!scan) return undefined;
    const shift = (range: OffsetRange) => ({ start: range.start + block.start, end: range.end + block.start });
    const headings: HeadingLine[] = scan.headings.map(shift);
    for (const heading of headings) {
      const plain = plainHeading(this.text.slice(heading.start, heading.end));
      if (plain) heading.node = this.place({ children: [plain], origin: { offset: 0, line: 0 }, definitions: [], endsOpen: false }, heading.start)[0];
    }
    this.headingLines.set(block, headings);
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
