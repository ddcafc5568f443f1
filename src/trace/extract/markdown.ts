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
import { storiesIn, taskAt, tasksOf, tasksUnder, type TaskOutline } from './tasks.js';

/** Files that are not specs are read with no template: their ids are citations, whatever their headings. */
const NO_TEMPLATE: Template = { name: 'none', title: 'No template', coverage: 'none', sections: [] };

const STORY_TAG = /\[(US\s?\d+(?:[^\]\n]{0,60}))\]/g;
const STORY_IN_TAG = /\bUS\s?(\d+)\b/g;
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
const TRACE_SIGNAL = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]|requirements?\s*[:：]|validates|验证|需求|\[US\s?\d|^#{1,6}\s+(?:task\s+)?T\d/im;

/** The sections whose own text holds something traceability reads: only they are parsed in full. */
function tracedSections(doc: SpecDocument): OffsetRange[] {
  return doc.sections.filter((section) => TRACE_SIGNAL.test(doc.text.slice(section.bodyRange.start, section.bodyRange.end))).map((section) => section.bodyRange);
}

/** The tasks a citation at this unit belongs to: its task, the tasks a table row names, or the tasks of the phase it introduces. */
function citingTasks(outline: TaskOutline | undefined, unit: TextUnit, offset: number, taskIds: Map<string, number[]>): number[] | undefined {
  if (!outline) return undefined;
  const task = taskAt(outline, offset);
  if (task !== undefined) return [task];
  const named = [...unit.text.matchAll(TASK_REFERENCE)].flatMap((match) => taskIds.get(match[0]) ?? []);
  if (named.length > 0) return [...new Set(named)];
  return unit.section ? tasksUnder(outline, unit.section) : [];
}

export function markdownFacts(input: MarkdownFactsInput): TraceFileFacts {
  const isSpec = input.role === 'spec';
  const template = isSpec ? (input.template ?? NO_TEMPLATE) : NO_TEMPLATE;
  // Blocks nothing reads closely stay unparsed, as in a check: a spec's requirement sections, any file's traced sections.
  const inspected = (doc: SpecDocument) => {
    if (!isSpec) return tracedSections(doc);
    const { kinds } = matchTemplate(doc, template);
    return [...doc.sections.filter((section) => CLOSELY_READ_KINDS.has(kinds.get(section))).map((section) => section.range), ...tracedSections(doc)];
  };
  const parsed = () => parseSpec(input.text, input.path, { cache: input.cache, inspected });
  const analysis = input.analysis ?? createAnalysisContext(parsed(), template);
  const { doc } = analysis;
  const outline = input.role === 'tasks' ? tasksOf(doc) : undefined;
  const taskIds = new Map<string, number[]>();
  outline?.tasks.forEach((task, index) => task.id && taskIds.set(task.id, [...(taskIds.get(task.id) ?? []), index]));
  const citations: TraceCitation[] = [];
  const cite = (unit: TextUnit, id: string, range: { start: number; end: number }, form: TraceCitation['form'], literal: boolean, context: IdOccurrence['context'], status?: IdOccurrence['status']) => {
    const tasks = citingTasks(outline, unit, range.start, taskIds);
    citations.push({ ...placeOf(doc.lines, range), id, form, context, literal, ...(status ? { status } : {}), ...(tasks ? { tasks } : {}) });
  };

  const index = requirementIndexOf(analysis);
  const occurrences: IdOccurrence[] = isSpec ? index.references : [...[...index.definitions.values()].flat().map((entry) => ({ ...entry, context: 'prose' as const })), ...index.references];
  for (const occurrence of occurrences) cite(occurrence.unit, occurrence.id, occurrence.range, 'id', true, occurrence.context, occurrence.status);

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
        for (const tag of unit.text.matchAll(STORY_TAG)) {
          for (const story of tag[1].matchAll(STORY_IN_TAG)) {
            const start = tag.index + 1 + story.index;
            cite(unit, storyId(story[1]), unitRange(unit, start, start + story[0].length), 'story', false, 'prose');
          }
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
    suppressions: readSuppressions(doc),
  };
}
