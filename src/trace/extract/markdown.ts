/**
 * Facts of a Markdown file of a feature: what a spec defines, and what every file cites
 * (tasks, plans, designs, checklists, notes, and the spec itself), with the tasks each
 * citation belongs to.
 */
import type { LayoutName } from '../../core/layout.js';
import type { BlockParseCache } from '../../core/block-parse.js';
import { CLOSELY_READ_KINDS } from '../../core/lazy.js';
import type { SpecDocument } from '../../core/model.js';
import { matchTemplate } from '../../core/template-match.js';
import { parseSpec } from '../../core/parse.js';
import type { OffsetRange } from '../../core/positions.js';
import { requirementIndexOf, unitsOf, type IdOccurrence } from '../../core/requirements.js';
import { createAnalysisContext, type AnalysisContext } from '../../core/rule.js';
import { readSuppressions } from '../../core/suppressions.js';
import type { Template } from '../../core/template.js';
import { unitRange, type TextUnit } from '../../core/units.js';
import { contentHash } from '../hash.js';
import type { TraceCitation, TraceFileFacts, TraceRole } from '../model.js';
import { storyId, specDefinitions } from './definitions.js';
import { kiroLists } from './kiro-lists.js';
import { openspecDeltas } from './openspec-delta.js';
import { placeOf } from './place.js';
import { idsBetween, isDeferral, isOtherDocument, isWildcard, slashedIds } from './id-citations.js';
import { storyMentions } from './story-citations.js';
import { storiesIn, taskAt, tasksOf, tasksUnder, type TaskOutline } from './tasks.js';
import { workItemsOf } from './work-items.js';
import { addTo } from '../../core/collections.js';

/** Files that are not specs are read with no template: their ids are citations, whatever their headings. */
const NO_TEMPLATE: Template = { name: 'none', title: 'No template', coverage: 'none', sections: [] };

const TASK_REFERENCE = /(?<![\w-])T\d{1,4}(?:\.\d{1,3})*[a-z]?(?![\w-])/g;

export interface MarkdownFactsInput {
  path: string;
  text: string;
  role: Exclude<TraceRole, 'test' | 'source'>;
  layout?: LayoutName;
  feature?: string;
  /** A spec's template (its coverage convention says what its requirement blocks are). */
  template?: Template;
  /** The analysis a check already made of the same text and template. */
  analysis?: AnalysisContext;
  /** Block parses of the file's earlier versions (the editor keeps one per open document). */
  cache?: BlockParseCache;
}

/** What traceability reads besides ids (which always make a block parsed): tasks, Kiro lists, story tags. */
const TRACE_SIGNAL = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]|requirements?\s*[:：]|validates|验证|需求|\bUS\s?\d|user\s+stor(?:y|ies)\s*#?\s*\d|^#{1,6}\s+(?:task\s+)?T\d/im;

/** The sections whose own text holds something traceability reads: only they are parsed in full. */
function tracedSections(doc: SpecDocument): OffsetRange[] {
  return doc.sections.filter((section) => TRACE_SIGNAL.test(doc.text.slice(section.bodyRange.start, section.bodyRange.end))).map((section) => section.bodyRange);
}

const TRACE_SIGNALS = new RegExp(TRACE_SIGNAL.source, 'gim');

/** Outside tasks files, where no task outline needs a whole section: the places traceability reads, whose blocks get parsed. */
function tracedPlaces(doc: SpecDocument): OffsetRange[] {
  return [...doc.text.matchAll(TRACE_SIGNALS)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** "Phase 6", "Phases 4-5", "Phases 2, 7, 8": the phases a mapping row names. */
const PHASE_LIST = /\bphases?\s+(\d+(?:\s*(?:[-–,&]|and)\s*\d+)*)/gi;

/** The numbers of "4-5" and "2, 7, 8". */
function phaseNumbers(list: string): number[] {
  const numbers: number[] = [];
  for (const part of list.split(/\s*(?:,|&|and)\s*/)) {
    const [from, to] = part.split(/\s*[-–]\s*/).map(Number);
    for (let n = from; n <= (to ?? from) && n - from < 50; n++) numbers.push(n);
  }
  return numbers;
}

/** Tasks a row or line outside the tasks maps an id to: by task id (T012), phase ("Phase 6") or story ("US4"). */
function mappedTasks(outline: TaskOutline, doc: SpecDocument, unit: TextUnit, taskIds: Map<string, number[]>): number[] {
  const tasks = new Set([...unit.text.matchAll(TASK_REFERENCE)].flatMap((match) => taskIds.get(match[0]) ?? []));
  if (unit.type !== 'tableRow') return [...tasks];
  const phases = new Set([...unit.text.matchAll(PHASE_LIST)].flatMap((match) => phaseNumbers(match[1])));
  const stories = new Set(storyMentions(unit, doc.text).map((mention) => Number(mention.number)));
  for (const section of doc.sections) {
    const phase = /^phase\s+(\d+)\b/i.exec(section.title.trim());
    const named = (phase && phases.has(Number(phase[1]))) || storiesIn(section.title).some((story) => stories.has(Number(story)));
    if (named) for (const task of tasksUnder(outline, section)) tasks.add(task);
  }
  return [...tasks].sort((a, b) => a - b);
}

/**
 * The tasks a citation at this unit belongs to: its task, the tasks a mapping row or line
 * names (by task, phase or story: the team's own mapping), or the tasks of the phase it
 * introduces.
 */
function citingTasks(outline: TaskOutline | undefined, doc: SpecDocument, unit: TextUnit, offset: number, taskIds: Map<string, number[]>): { tasks: number[]; mapped?: true } | undefined {
  if (!outline) return undefined;
  const task = taskAt(outline, offset);
  if (task !== undefined) return { tasks: [task] };
  const mapped = mappedTasks(outline, doc, unit, taskIds);
  if (mapped.length > 0) return { tasks: mapped, mapped: true };
  // A phase's introduction speaks for its tasks; the document's preamble (under its title) for none in particular.
  return { tasks: unit.section && unit.section.level > 1 ? tasksUnder(outline, unit.section) : [] };
}

export function markdownFacts(input: MarkdownFactsInput): TraceFileFacts {
  const isSpec = input.role === 'spec';
  const template = isSpec ? (input.template ?? NO_TEMPLATE) : NO_TEMPLATE;
  // Blocks nothing reads closely stay unparsed, as in a check: a spec's requirement sections, any file's traced sections.
  const inspected = (doc: SpecDocument) => {
    if (!isSpec) return input.role === 'tasks' ? tracedSections(doc) : tracedPlaces(doc);
    const { kinds } = matchTemplate(doc, template);
    return [...doc.sections.filter((section) => CLOSELY_READ_KINDS.has(kinds.get(section))).map((section) => section.range), ...tracedSections(doc)];
  };
  // Outside specs no rule reads the text: only ids, tasks and story tags make a block parsed.
  const parsed = () => parseSpec(input.text, input.path, { cache: input.cache, inspected, signals: isSpec ? 'rules' : 'ids' });
  const analysis = input.analysis ?? createAnalysisContext(parsed(), template);
  const { doc } = analysis;
  const outline = input.role === 'tasks' ? tasksOf(doc) : undefined;
  const taskIds = new Map<string, number[]>();
  outline?.tasks.forEach((task, index) => task.id && addTo(taskIds, task.id, index));
  const citations: TraceCitation[] = [];
  const cite = (unit: TextUnit, id: string, range: { start: number; end: number }, form: TraceCitation['form'], literal: boolean, context: IdOccurrence['context'], status?: IdOccurrence['status']) => {
    const linked = citingTasks(outline, doc, unit, range.start, taskIds);
    citations.push({ ...placeOf(doc.lines, range), id, form, context, literal, ...(status ? { status } : {}), ...(linked ? { tasks: linked.tasks } : {}), ...(linked?.mapped ? { mapped: true } : {}) });
  };

  const index = requirementIndexOf(analysis);
  const occurrences: IdOccurrence[] = isSpec ? index.references : [...[...index.definitions.values()].flat().map((entry) => ({ ...entry, context: 'prose' as const })), ...index.references];
  occurrences.sort((a, b) => a.range.start - b.range.start);
  let previous: { occurrence: IdOccurrence; citation: TraceCitation } | undefined;
  for (const occurrence of occurrences) {
    if (isWildcard(occurrence.id)) continue;
    // Outside specs, "from Phase 2" names the plan's own phase: only a named spec or feature makes an id another document's.
    const context = !isSpec && occurrence.context === 'external' && !isOtherDocument(occurrence.unit.text, doc.text, occurrence, occurrence.unit.range.start) ? 'prose' : occurrence.context;
    cite(occurrence.unit, occurrence.id, occurrence.range, 'id', true, context, occurrence.status);
    const citation = citations[citations.length - 1];
    if (!isSpec && (occurrence.status === 'deferred' || isDeferral(doc.text, occurrence.range.start, occurrence.range.end))) citation.deferred = true;
    // "FR-005 to FR-008" cites FR-006 and FR-007 too.
    const between = !isSpec && previous?.occurrence.unit === occurrence.unit ? idsBetween(previous.occurrence.id, occurrence.id, doc.text.slice(previous.occurrence.range.end, occurrence.range.start)) : [];
    if (between.length > 0) {
      previous!.citation.idRange = citation.idRange = 'end';
      const span = { start: previous!.occurrence.range.start, end: occurrence.range.end };
      for (const id of between) {
        cite(occurrence.unit, id, span, 'id', false, context);
        citations[citations.length - 1].idRange = 'inside';
      }
    }
    previous = { occurrence, citation };
    if (!isSpec) for (const slashed of slashedIds(doc.text, occurrence.range.end)) cite(occurrence.unit, slashed.id, slashed, 'id', true, context);
  }

  if (!isSpec) {
    for (const unit of unitsOf(analysis)) {
      if (input.layout === 'kiro') {
        for (const list of kiroLists(unit.text)) {
          for (const item of list.items) cite(unit, item.id, unitRange(unit, item.start, item.end), 'kiro', false, 'prose');
          const task = list.words && outline ? taskAt(outline, unitRange(unit, list.start, list.end).start) : undefined;
          if (task !== undefined && !outline!.tasks[task].exempt) outline!.tasks[task].exempt = list.words;
        }
      }
      if (input.role === 'tasks') {
        for (const mention of storyMentions(unit, doc.text)) {
          cite(unit, storyId(mention.number), mention.range, 'story', false, 'prose');
          if (isDeferral(doc.text, mention.range.start, mention.range.end)) citations[citations.length - 1].deferred = true;
        }
      }
    }
  }
  if (outline) {
    // "Phase 3: User Story 1": every task of the phase is the story's.
    for (const section of doc.sections) {
      const stories = storiesIn(section.title);
      const tasks = stories.length > 0 ? tasksUnder(outline, section) : [];
      if (tasks.length === 0) continue;
      for (const number of stories) citations.push({ ...placeOf(doc.lines, section.headingRange), id: storyId(number), form: 'story', context: 'prose', literal: false, tasks });
    }
  }

  return {
    path: input.path,
    hash: contentHash(input.text),
    role: input.role,
    layout: input.layout,
    feature: input.feature,
    definitions: isSpec ? specDefinitions(analysis, template.coverage) : [],
    citations: citations.sort((a, b) => a.range.start - b.range.start),
    tasks: outline?.tasks ?? [],
    deltas: isSpec && input.layout === 'openspec' ? openspecDeltas(doc, input.path) : [],
    ...(isSpec ? { workItems: workItemsOf(input.text) } : {}),
    suppressions: readSuppressions(doc),
  };
}
