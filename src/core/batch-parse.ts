/**
 * Parses separate pieces of a document in one parser call. Every call has a fixed cost
 * (the parser combines its extensions each time), which dominates for short pieces such
 * as heading lines. Pieces that parse alone (blocks after a blank line, single lines)
 * also parse alone when joined, each after a blank line.
 */
import type { Nodes, RootContent } from 'mdast';
import { closesFence, fenceOpenedBy, htmlTerminator, splitBlocks } from './blocks.js';
import { parseFragment } from './markdown.js';
import { parsePlainBlock } from './plain-blocks.js';
import type { OffsetRange } from './positions.js';
import { tameForParser } from './tame.js';

export interface ParsedPiece {
  /** Top-level nodes with document positions. */
  nodes: RootContent[];
  /** Definitions in the piece: labels as written, document offsets. */
  definitions: { label: string; footnote: boolean; offset: number }[];
}

/** Where each piece starts in the joined input, and how to move its nodes into the document. */
interface Placement {
  inputStart: number;
  inputEnd: number;
  offsetDelta: number;
  lineDelta: number;
}

const DEFINITION_LABEL = /^\[\^?((?:\\[^]|[^\\\]])*)\]:/;

/** Moves a node's positions, in place (for nodes fresh from the parser). */
export function moveInPlace(node: Nodes, offset: number, line: number): void {
  const position = node.position;
  if (position) {
    position.start.offset = (position.start.offset ?? 0) + offset;
    position.end.offset = (position.end.offset ?? 0) + offset;
    position.start.line += line;
    position.end.line += line;
  }
  if ('children' in node) for (const child of node.children) moveInPlace(child, offset, line);
}

/** Whether the node ends still open (an unclosed fence or HTML block): what follows would belong to it. */
export function isOpen(node: RootContent, input: string): boolean {
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

/** Definitions anywhere in the nodes, labels read from the input as written. */
export function definitionsIn(nodes: readonly Nodes[], input: string, into: { label: string; footnote: boolean; offset: number; identifier?: string }[], offsetDelta = 0): void {
  for (const node of nodes) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const offset = node.position?.start.offset ?? 0;
      const label = DEFINITION_LABEL.exec(input.slice(offset, node.position?.end.offset))?.[1] ?? node.label ?? node.identifier;
      into.push({ label, footnote: node.type === 'footnoteDefinition', offset: offset + offsetDelta });
    }
    if ('children' in node) definitionsIn(node.children, input, into, offsetDelta);
  }
}

/**
 * Parses the pieces of `text` (in document order, not overlapping), each block of which is
 * either plain (built without the parser, see plain-blocks.ts) or parsed with the others
 * in one call. `plainText`: whether to build plain blocks, with `[` and `]` as text (no
 * reference definitions in the document). Undefined when a piece ends open.
 */
export function parsePieces(text: string, pieces: readonly OffsetRange[], definitionLines: string, lineOf: (offset: number) => number, offsetBase: number, plain?: { brackets: boolean }): ParsedPiece[] | undefined {
  if (!plain) return parseTogether(text, pieces, definitionLines, lineOf, offsetBase);
  const built: { piece: number; start: number; nodes: RootContent[]; definitions?: ParsedPiece['definitions'] }[] = [];
  const rest: OffsetRange[] = [];
  const owners: number[] = [];
  pieces.forEach((piece, index) => {
    const slice = text.slice(piece.start, piece.end);
    const starts = splitBlocks(slice);
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : slice.length;
      const source = slice.slice(start, end);
      const nodes = parsePlainBlock(source, plain.brackets);
      if (!nodes) {
        rest.push({ start: piece.start + start, end: piece.start + end });
        owners.push(index);
        return;
      }
      const at = piece.start + start;
      for (const node of nodes) moveInPlace(node, at + offsetBase, lineOf(at));
      built.push({ piece: index, start: at, nodes });
    });
  });
  const parsed = rest.length > 0 ? parseTogether(text, rest, definitionLines, lineOf, offsetBase) : [];
  if (!parsed) return undefined;
  const parts = [...built, ...parsed.map((result, i) => ({ piece: owners[i], start: rest[i].start, nodes: result.nodes, definitions: result.definitions }))].sort((a, b) => a.start - b.start);
  const results: ParsedPiece[] = pieces.map(() => ({ nodes: [], definitions: [] }));
  for (const part of parts) {
    results[part.piece].nodes.push(...part.nodes);
    if (part.definitions) results[part.piece].definitions.push(...part.definitions);
  }
  return results;
}

/** Parses the pieces in one parser call, with the definition lines they need. */
function parseTogether(text: string, pieces: readonly OffsetRange[], definitionLines: string, lineOf: (offset: number) => number, offsetBase: number): ParsedPiece[] | undefined {
  let input = '';
  let inputLines = 0;
  const placements: Placement[] = [];
  const append = (value: string) => {
    input += value;
    for (let at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) inputLines++;
  };
  // Definitions must not precede front matter: after the first block, which ends in a blank line.
  const definitionsFirst = pieces[0]?.start !== 0;
  if (definitionsFirst && definitionLines) append(`${definitionLines}\n`);
  pieces.forEach((piece, index) => {
    const source = tameForParser(text.slice(piece.start, piece.end));
    placements.push({ inputStart: input.length, inputEnd: input.length + source.length, offsetDelta: piece.start + offsetBase - input.length, lineDelta: lineOf(piece.start) - inputLines });
    append(source);
    const last = index === pieces.length - 1;
    if (!last && !/\n[ \t\r]*\n$/.test(source)) append(source.endsWith('\n') ? '\n' : '\n\n');
    // The first block is never the document's last here (it has no outside definitions then): it ends in a blank line.
    if (index === 0 && !definitionsFirst && definitionLines) append(`${definitionLines}\n`);
  });
  const results: ParsedPiece[] = pieces.map(() => ({ nodes: [], definitions: [] }));
  let current = 0;
  for (const node of parseFragment(input).children) {
    const start = node.position?.start.offset ?? 0;
    while (current < placements.length && start >= placements[current].inputEnd) current++;
    const placement = placements[current];
    if (!placement || start < placement.inputStart) continue; // a definition line added for the pieces
    if ((node.position?.end.offset ?? 0) > placement.inputEnd) return undefined;
    results[current].nodes.push(node);
  }
  for (let i = 0; i < placements.length; i++) {
    const { nodes } = results[i];
    const endsDocument = pieces[i].end === text.length;
    if (!endsDocument && nodes.length > 0 && isOpen(nodes[nodes.length - 1], input)) return undefined;
    definitionsIn(nodes, input, results[i].definitions, placements[i].offsetDelta - offsetBase);
    for (const node of nodes) moveInPlace(node, placements[i].offsetDelta, placements[i].lineDelta);
  }
  return results;
}
