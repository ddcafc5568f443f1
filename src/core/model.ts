import type { Root } from 'mdast';
import type { LineIndex, OffsetRange } from './positions.js';

export interface FrontMatter {
  /** The text between the fences. */
  raw: string;
  /** Parsed YAML; undefined when `error` is set. */
  data: unknown;
  range: OffsetRange;
  error?: string;
}

export interface Section {
  /** Index in `SpecDocument.sections`, document order. */
  index: number;
  level: number;
  title: string;
  /** Title as template matching sees it (see `normalizeTitle`). */
  normalizedTitle: string;
  headingRange: OffsetRange;
  /** From the heading to the next heading of the same or a higher level. */
  range: OffsetRange;
  /** From the end of the heading to the first child heading or the section end. */
  bodyRange: OffsetRange;
  parent?: Section;
  children: Section[];
  /** The own body has prose, lists, tables or code, not only comments or placeholders. */
  hasOwnContent: boolean;
  /** The own body or a descendant section has real content. */
  hasContent: boolean;
}

export interface ListItem {
  range: OffsetRange;
  /** Plain text of the item, nested lists included. */
  text: string;
  /** Task list state, or null for a plain item. */
  checked: boolean | null;
}

export interface List {
  range: OffsetRange;
  ordered: boolean;
  /** 0 for a top-level list, 1 for a list inside a list item, ... */
  depth: number;
  items: ListItem[];
  /** Innermost section containing the list. */
  section?: Section;
}

export interface TableCell {
  /** The cell with its leading pipe, as the parser reports it. */
  range: OffsetRange;
  /** The cell's text without pipes and padding; an empty range inside an empty cell. */
  contentRange: OffsetRange;
  text: string;
}

export interface TableRow {
  range: OffsetRange;
  cells: TableCell[];
}

export interface Table {
  range: OffsetRange;
  header: TableCell[];
  rows: TableRow[];
  section?: Section;
}

export interface HtmlComment {
  range: OffsetRange;
  /** Text between `<!--` and `-->`, trimmed. */
  body: string;
}

export interface SpecDocument {
  uri?: string;
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatter;
  /** Every section in document order. */
  sections: Section[];
  /** Sections without a parent. */
  rootSections: Section[];
  lists: List[];
  tables: Table[];
  comments: HtmlComment[];
  /**
   * The mdast tree, positions relative to `text`. In a lazy parse it lacks what no rule
   * reads: blocks listed in `unparsed` contribute only their headings.
   */
  tree: Root;
  /** Text left unparsed, between headings, and whether it holds real content. */
  unparsed: readonly { start: number; end: number; hasContent: boolean }[];
  /** Why the Markdown could not be parsed (the tree is then empty); reported as an internal error. */
  parseError?: string;
}
