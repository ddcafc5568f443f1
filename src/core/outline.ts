import type { OffsetRange } from './positions.js';
import { requirementIndexOf, unitsOf } from './requirements.js';
import type { AnalysisContext } from './rule.js';
import type { TextUnit } from './units.js';

export type OutlineKind = 'section' | 'requirement' | 'risk' | 'dependency';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: OffsetRange;
  /** The part to highlight: the heading, or the id. */
  selectionRange: OffsetRange;
  children: OutlineNode[];
}

function firstLine(text: string, limit = 80): string {
  const line = text.trim().split('\n')[0].replace(/\s+/g, ' ');
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

function entryNode(unit: TextUnit, kind: OutlineKind): OutlineNode {
  return { name: firstLine(unit.text, 60), detail: kind, kind, range: unit.range, selectionRange: unit.range, children: [] };
}

/** Sections as a tree, with requirement ids, risks and dependencies under the sections that hold them. */
export function specOutline(context: AnalysisContext): OutlineNode[] {
  const { doc, match } = context;
  const nodes = new Map(
    doc.sections.map((section) => {
      const template = match.matched.find((entry) => entry.section === section)?.templateSection;
      const node: OutlineNode = {
        name: section.title || '(untitled)',
        detail: template ? `${template.id}${section.hasContent ? '' : ' · empty'}` : '',
        kind: 'section',
        range: section.range,
        selectionRange: section.headingRange,
        children: [],
      };
      return [section, node] as const;
    }),
  );
  const roots: OutlineNode[] = [];
  for (const section of doc.sections) {
    const node = nodes.get(section)!;
    (section.parent ? nodes.get(section.parent)!.children : roots).push(node);
  }
  const definitions = new Map<TextUnit, string>();
  for (const [id, occurrences] of requirementIndexOf(context).definitions) definitions.set(occurrences[0].unit, id);
  for (const unit of unitsOf(context)) {
    const parent = unit.section ? nodes.get(unit.section)! : undefined;
    const id = definitions.get(unit);
    let child: OutlineNode | undefined;
    if (id) {
      const occurrence = requirementIndexOf(context).definitions.get(id)![0];
      child = { ...entryNode(unit, 'requirement'), name: id, detail: firstLine(unit.text.slice(unit.text.indexOf(id) + id.length).replace(/^[\s*:.)-]+/, ''), 60), selectionRange: occurrence.range };
    } else if (unit.type !== 'heading' && unit.type !== 'paragraph' && unit.kind === 'risks') {
      child = entryNode(unit, 'risk');
    } else if (unit.type !== 'heading' && unit.type !== 'paragraph' && unit.kind === 'dependencies') {
      child = entryNode(unit, 'dependency');
    }
    if (child && unit.type !== 'heading') (parent?.children ?? roots).push(child);
  }
  return roots;
}
