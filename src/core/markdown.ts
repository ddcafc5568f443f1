import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { tameForParser } from './tame.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

const BOM = 0xfeff;

/** Parses Markdown as is: no BOM handling, no guard against pathological input. */
export function parseFragment(text: string): Root {
  return processor.parse(text) as Root;
}

/** Parses a whole document into mdast with offsets relative to `text`, a leading BOM included. */
export function parseMarkdown(text: string): Root {
  const hasBom = text.charCodeAt(0) === BOM;
  const tree = processor.parse(tameForParser(hasBom ? text.slice(1) : text)) as Root;
  if (hasBom) shiftOffsets(tree, 1);
  return tree;
}

function shiftOffsets(node: Nodes, delta: number): void {
  const position = node.position;
  if (position) {
    if (position.start.offset !== undefined) position.start.offset += delta;
    if (position.end.offset !== undefined) position.end.offset += delta;
  }
  if ('children' in node) for (const child of node.children) shiftOffsets(child, delta);
}

export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Plain text of a node; raw HTML (comments, `<placeholder>`) contributes nothing. */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'html':
    case 'yaml':
    case 'definition':
      return '';
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    default:
      break;
  }
  if (!('children' in node)) return '';
  const parts: string[] = [];
  for (const child of node.children) parts.push(plainText(child));
  const separator = node.type === 'list' || node.type === 'listItem' || node.type === 'root' || node.type === 'blockquote' ? '\n' : '';
  return parts.join(separator);
}
