// A translation put into an existing spec: requirement and criterion lines join the spec's
// own lists, rows join its Risks, Dependencies and Timeline tables, and sections the spec
// lacks are inserted where the template puts them.
import type { TextEdit } from '../core/fix.js';
import type { List, Section, SpecDocument, Table } from '../core/model.js';
import { blockInsertion, missingSectionEdit } from '../core/scaffold.js';
import type { Template, TemplateSection } from '../core/template.js';
import { matchTemplate, type TemplateMatch } from '../core/template-match.js';
import { ask } from './nfr.js';
import { DEPENDENCY_COLUMNS, MILESTONE_COLUMNS, RISK_COLUMNS, sectionBody, type Parts, type Row } from './render.js';

export type RowKind = 'risks' | 'dependencies' | 'timeline';

/** What each kind of row holds, and the header words that name each cell. */
const ROW_COLUMNS: Record<RowKind, { key: string; header: RegExp }[]> = {
  risks: [
    { key: 'likelihood', header: /likelihood|probability|chance/i },
    { key: 'impact', header: /impact|severity|consequence/i },
    { key: 'mitigation', header: /mitigat|response|contingenc|plan|remediat|action|treatment/i },
    { key: 'owner', header: /owner|assignee|responsib|\bdri\b|accountable/i },
    { key: 'risk', header: /risk|description|issue|threat/i },
  ],
  dependencies: [
    { key: 'owner', header: /owner|contact|assignee|responsib|\bdri\b/i },
    { key: 'status', header: /status|state/i },
    { key: 'date', header: /need|date|due|when|deadline|by/i },
    { key: 'why', header: /why|note|reason|purpose|comment|description|impact/i },
    { key: 'name', header: /dependenc|system|service|team|name|item|what|component/i },
  ],
  timeline: [
    { key: 'date', header: /date|when|due|target|eta|week|quarter/i },
    { key: 'owner', header: /owner|assignee|responsib|\bdri\b|lead/i },
    { key: 'status', header: /status|state/i },
    { key: 'milestone', header: /milestone|phase|deliverable|step|what|name|event/i },
  ],
};

const LIST_LABELS: Record<RowKind, [string, string][]> = {
  risks: [['likelihood', 'Likelihood'], ['impact', 'Impact'], ['mitigation', 'Mitigation'], ['owner', 'Owner']],
  dependencies: [['owner', 'Owner'], ['status', 'Status'], ['date', 'Needed by']],
  timeline: [['date', 'Date'], ['owner', 'Owner']],
};

const FIRST_KEY: Record<RowKind, string> = { risks: 'risk', dependencies: 'name', timeline: 'milestone' };

function within(section: Section, range: { start: number; end: number }): boolean {
  return range.start >= section.range.start && range.end <= section.range.end;
}

function lastOf<T extends { range: { start: number; end: number } }>(items: readonly T[], section: Section, depth?: (item: T) => number): T | undefined {
  return items.filter((item) => within(section, item.range) && (!depth || depth(item) === 0)).sort((a, b) => a.range.end - b.range.end).pop();
}

/** What a table row says, by meaning (risk, owner, mitigation, ...), read through its table's header. */
export function rowFromCells(kind: RowKind, header: readonly string[], cells: readonly string[]): Row {
  const row: Row = {};
  header.forEach((text, index) => {
    const key = ROW_COLUMNS[kind].find((candidate) => candidate.header.test(text))?.key ?? (index === 0 ? FIRST_KEY[kind] : undefined);
    if (key && cells[index] !== undefined && row[key] === undefined) row[key] = cells[index];
  });
  return row;
}

/** A row's cells in the order of an existing table's header; a column the translation has no value for asks. */
function cellsFor(table: Table, kind: RowKind, row: Row): string[] {
  const hasWhy = table.header.some((cell) => /why|note|reason|purpose|comment|description/i.test(cell.text)) && kind === 'dependencies';
  return table.header.map((cell, index) => {
    const column = ROW_COLUMNS[kind].find((candidate) => candidate.header.test(cell.text))?.key ?? (index === 0 ? FIRST_KEY[kind] : undefined);
    if (column === 'name' && hasWhy) return row.name.replace(/\s*\([^)]*\)$/, '');
    if (column === 'why' && hasWhy) return /\(([^)]*)\)$/.exec(row.name)?.[1] ?? ask(cell.text.toLowerCase());
    return (column && row[column]) || ask(cell.text.toLowerCase() || 'value');
  });
}

/** Items added to a section's last list, in its marker style: "- " or the next numbers. */
function listInsertion(doc: SpecDocument, list: List, items: string[], eol: string): TextEdit {
  const first = doc.text.slice(list.range.start, list.range.start + 12);
  const ordered = /^\s*(\d+)([.)])/.exec(first);
  const bullet = /^\s*([-*+])/.exec(first)?.[1] ?? '-';
  const last = list.items[list.items.length - 1];
  const lastNumber = last ? Number(/^\s*(\d+)/.exec(doc.text.slice(last.range.start, last.range.start + 12))?.[1] ?? list.items.length) : 0;
  const lines = items.map((item, index) => {
    const text = item.replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/\n/g, eol);
    return ordered ? `${lastNumber + index + 1}${ordered[2]} ${text}` : `${bullet} ${text}`;
  });
  return { offset: list.range.end, length: 0, newText: `${eol}${lines.join(eol)}` };
}

function rowInsertion(doc: SpecDocument, section: Section, kind: RowKind, rows: Row[], eol: string): TextEdit {
  const table = lastOf(doc.tables, section);
  if (table) {
    const lines = rows.map((row) => `| ${cellsFor(table, kind, row).join(' | ')} |`);
    return { offset: table.range.end, length: 0, newText: `${eol}${lines.join(eol)}` };
  }
  const list = lastOf(doc.lists, section, (candidate) => candidate.depth);
  if (list) {
    const items = rows.map((row) => [`- ${row[FIRST_KEY[kind]]}`, ...LIST_LABELS[kind].map(([key, label]) => `  - ${label}: ${row[key]}`)].join(eol));
    return listInsertion(doc, list, items, eol);
  }
  const columns = kind === 'risks' ? RISK_COLUMNS : kind === 'dependencies' ? DEPENDENCY_COLUMNS : MILESTONE_COLUMNS;
  const block = [`| ${columns.headers.join(' | ')} |`, `| ${columns.headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${columns.keys.map((key) => row[key]).join(' | ')} |`)].join(eol);
  return blockInsertion(doc.text, section.bodyRange.end, block, eol);
}

const CRITERION_LINE = /^- \*\*([A-Z]+-\d+)\*\* \(verifies ([A-Z]+-\d+)\): (.*)$/;

/** Criteria as rows of the spec's criteria table (ID | Criterion | Target | Verifies, in any order). */
function criteriaRows(table: Table, criteria: string[]): string[] {
  return criteria.map((line) => {
    const [, id, verifies, text] = CRITERION_LINE.exec(line) ?? [, '', '', line];
    let textPlaced = false;
    const cells = table.header.map((cell) => {
      if (/^(?:id|#|ref|no\.?)$/i.test(cell.text.trim())) return id;
      if (/verif|requirement|trace|covers/i.test(cell.text)) return verifies;
      if (/target|threshold|goal|expected/i.test(cell.text)) return ask('target');
      if (!textPlaced) {
        textPlaced = true;
        return text.replace(/\|/g, '\\|');
      }
      return ask(cell.text.toLowerCase() || 'value');
    });
    return `| ${cells.join(' | ')} |`;
  });
}

/** Lines added to a section: to its last list when it has one, else as a block at the end of its own text. */
function linesInsertion(doc: SpecDocument, section: Section, lines: string[], eol: string): TextEdit {
  const list = lastOf(doc.lists, section, (candidate) => candidate.depth);
  if (list && lines.every((line) => /^(?:[-*+]|\d+[.)])\s/.test(line))) return listInsertion(doc, list, lines, eol);
  return blockInsertion(doc.text, section.bodyRange.end, lines.join(eol), eol);
}

/** What the translation adds to a section the spec already has; undefined leaves the author's section alone. */
function addition(doc: SpecDocument, templateSection: TemplateSection, section: Section, parts: Parts, hasNfrSection: boolean, eol: string): TextEdit | undefined {
  const nothing = (items: readonly unknown[]) => items.length === 0;
  switch (templateSection.kind) {
    case 'requirements':
      if (/non-functional/.test(templateSection.id)) return parts.nonFunctional.length > 0 ? linesInsertion(doc, section, parts.nonFunctional, eol) : undefined;
      if (/user-stories|stories|scenarios/.test(templateSection.id)) return nothing(parts.userStories) ? undefined : linesInsertion(doc, section, parts.userStories, eol);
      return nothing(parts.requirements) && (hasNfrSection || nothing(parts.nonFunctional)) ? undefined : linesInsertion(doc, section, [...parts.requirements, ...(hasNfrSection ? [] : parts.nonFunctional)], eol);
    case 'success-criteria': {
      if (nothing(parts.criteria)) return undefined;
      const table = lastOf(doc.tables, section);
      if (table && !lastOf(doc.lists, section, (candidate) => candidate.depth)) return { offset: table.range.end, length: 0, newText: `${eol}${criteriaRows(table, parts.criteria).join(eol)}` };
      return linesInsertion(doc, section, parts.criteria, eol);
    }
    case 'risks':
      return nothing(parts.risks) ? undefined : rowInsertion(doc, section, 'risks', parts.risks, eol);
    case 'dependencies':
      return nothing(parts.dependencies) ? undefined : rowInsertion(doc, section, 'dependencies', parts.dependencies, eol);
    case 'timeline':
      return nothing(parts.milestones) ? undefined : rowInsertion(doc, section, 'timeline', parts.milestones, eol);
    case 'problem':
      return parts.problem.trim() === '' || /NEEDS CLARIFICATION/.test(parts.problem) ? undefined : blockInsertion(doc.text, section.bodyRange.end, parts.problem, eol);
    case 'scope':
      return /non-goals?|out-of-scope/.test(templateSection.id) || nothing(parts.goals) ? undefined : linesInsertion(doc, section, parts.goals, eol);
    case 'test-plan': {
      const lines = /edge/.test(templateSection.id) ? parts.edgeCases : parts.testPlan;
      return nothing(lines) ? undefined : linesInsertion(doc, section, lines, eol);
    }
    case 'open-questions':
      return parts.questions.length > 0 ? linesInsertion(doc, section, parts.questions, eol) : undefined;
    default:
      return undefined;
  }
}

/** Inserts at one offset joined in the order they were planned, a blank line apart, so sections keep the template's order. */
function joinInserts(edits: TextEdit[], eol: string): TextEdit[] {
  const byOffset = new Map<number, TextEdit>();
  for (const edit of edits) {
    const previous = byOffset.get(edit.offset);
    const joined = previous && `${previous.newText.replace(/(?:\r?\n)+$/, '')}${eol}${eol}${edit.newText.replace(/^(?:\r?\n)+/, '')}`;
    byOffset.set(edit.offset, previous ? { ...previous, newText: joined! } : edit);
  }
  return [...byOffset.values()].sort((a, b) => a.offset - b.offset);
}

/** Where a template without requirement or criteria sections (an RFC) keeps them: the spec's own heading, or a new one at the end. */
function extraSection(doc: SpecDocument, match: TemplateMatch, title: string): Section | undefined {
  const claimed = new Set(match.matched.map((entry) => entry.section));
  return doc.sections.find((section) => !claimed.has(section) && section.normalizedTitle === title.toLowerCase());
}

/**
 * The edits that put a translation's parts into an existing spec. `bodyOf` gives the body of
 * a section the spec lacks when the translation wrote one (a model's draft); otherwise the
 * body is rendered from the parts.
 */
export function insertionEdits(doc: SpecDocument, template: Template, parts: Parts, request: string, bodyOf?: (section: TemplateSection) => string | undefined): TextEdit[] {
  const match = matchTemplate(doc, template);
  const eol = doc.lines.eol;
  const edits: TextEdit[] = [];
  const hasNfrSection = template.sections.some((entry) => /non-functional/.test(entry.id));
  for (const templateSection of template.sections) {
    const existing = match.byId.get(templateSection.id);
    if (existing) {
      const edit = addition(doc, templateSection, existing.section, parts, hasNfrSection, eol);
      if (edit) edits.push(edit);
      continue;
    }
    if (templateSection.presence === 'optional' && templateSection.kind !== 'requirements' && templateSection.kind !== 'success-criteria') continue;
    const body = bodyOf?.(templateSection) ?? sectionBody(templateSection, template, parts, request);
    if (body) edits.push(missingSectionEdit(doc, template, match, { ...templateSection, scaffold: body }));
  }
  for (const [kind, title, lines] of [
    ['requirements', 'Requirements', [...parts.requirements, ...parts.nonFunctional]],
    ['success-criteria', 'Acceptance Criteria', parts.criteria],
  ] as const) {
    if (template.sections.some((entry) => entry.kind === kind) || lines.length === 0) continue;
    const section = extraSection(doc, match, title);
    edits.push(section ? linesInsertion(doc, section, [...lines], eol) : blockInsertion(doc.text, doc.text.length, `## ${title}${eol}${eol}${lines.join(eol)}`, eol));
  }
  return joinInserts(edits, eol);
}
