// A model's spec taken apart the way the deterministic translation's parts are, so it goes
// into an existing spec through the same insertion: lines join lists, rows join tables.
import { parseSpec } from '../core/parse.js';
import type { Template, TemplateSection } from '../core/template.js';
import { matchTemplate } from '../core/template-match.js';
import { rowFromCells, type RowKind } from '../translate/insert.js';
import type { Parts } from '../translate/render.js';

export interface DraftParts {
  parts: Parts;
  /** Each template section's body as the draft wrote it, for sections the spec lacks. */
  bodies: Map<string, string>;
}

const ROW_KINDS: Partial<Record<string, { kind: RowKind; key: 'risks' | 'dependencies' | 'milestones' }>> = {
  risks: { kind: 'risks', key: 'risks' },
  dependencies: { kind: 'dependencies', key: 'dependencies' },
  timeline: { kind: 'timeline', key: 'milestones' },
};

function emptyParts(ids: string[]): Parts {
  return { requirements: [], nonFunctional: [], criteria: [], userStories: [], dependencies: [], risks: [], milestones: [], questions: [], testPlan: [], edgeCases: [], actors: [], goals: [], problem: '', ids };
}

function templateSectionAt(match: ReturnType<typeof matchTemplate>, offset: number): TemplateSection | undefined {
  const containing = match.matched.filter((entry) => entry.section.range.start <= offset && offset < entry.section.range.end);
  return containing.sort((a, b) => b.section.range.start - a.section.range.start)[0]?.templateSection;
}

/** The lines and rows of a normalized model spec, by the part of a spec they belong to. */
export function draftParts(markdown: string, template: Template, ids: string[]): DraftParts {
  const doc = parseSpec(markdown);
  const match = matchTemplate(doc, template);
  const parts = emptyParts(ids);
  const bodies = new Map<string, string>();
  for (const entry of match.matched) {
    if (bodies.has(entry.templateSection.id)) continue;
    const body = markdown.slice(entry.section.headingRange.end, entry.section.range.end).trim();
    if (body) bodies.set(entry.templateSection.id, body);
    if (entry.templateSection.kind === 'problem') parts.problem = body;
  }
  for (const list of doc.lists) {
    if (list.depth !== 0 || !list.section) continue;
    const kind = match.kinds.get(list.section);
    const owner = templateSectionAt(match, list.range.start);
    const id = owner?.id ?? '';
    const items = list.items.map((item) => markdown.slice(item.range.start, item.range.end).trimEnd());
    if (kind === 'requirements') {
      if (/user-stories|stories|scenarios/.test(id)) parts.userStories.push(...items);
      else for (const item of items) (/^\s*[-*+]\s+\*\*NFR-/.test(item) || /non-functional/.test(id) ? parts.nonFunctional : parts.requirements).push(item);
    } else if (kind === 'success-criteria') parts.criteria.push(...items);
    else if (kind === 'scope' && !/non-goals?|out-of-scope/.test(id)) parts.goals.push(...items);
    else if (kind === 'test-plan') (/edge/.test(id) ? parts.edgeCases : parts.testPlan).push(...items);
    else if (kind === 'open-questions') parts.questions.push(...items);
  }
  for (const table of doc.tables) {
    const rows = table.section ? ROW_KINDS[match.kinds.get(table.section) ?? ''] : undefined;
    if (!rows) continue;
    const header = table.header.map((cell) => cell.text);
    for (const row of table.rows) parts[rows.key].push(rowFromCells(rows.kind, header, row.cells.map((cell) => cell.text)));
  }
  return { parts, bodies };
}
