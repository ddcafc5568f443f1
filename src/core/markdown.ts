import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { tameForParser } from './tame.js';

/**
 * CommonMark with GFM tables, task lists, strikethrough and footnotes, and front matter.
 * GFM's bare-URL autolinks are left out: no rule reads them (a bare URL stays text), and
 * finding them cost a third of the parse time on table-heavy specs.
 */
const FRONT_MATTER = ['yaml', 'toml'] as const;
const options = {
  extensions: [gfmTable(), gfmTaskListItem(), gfmStrikethrough(), gfmFootnote(), frontmatter([...FRONT_MATTER])],
  mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown(), frontmatterFromMarkdown([...FRONT_MATTER])],
};

function parseWithExtensions(text: string): Root {
  return fromMarkdown(text, options);
}

const BOM = 0xfeff;

/** Parses Markdown as is: no BOM handling, no guard against pathological input. */
export function parseFragment(text: string): Root {
  return parseWithExtensions(text);
}

/** Parses a whole document into mdast with offsets relative to `text`, a leading BOM included. */
export function parseMarkdown(text: string): Root {
  const hasBom = text.charCodeAt(0) === BOM;
  const tree = parseWithExtensions(tameForParser(hasBom ? text.slice(1) : text));
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
