/**
 * Tasks of a tasks file: checkbox items (`- [ ] T012 …`, Kiro's `- [x] 2.1 …`), nested
 * ones as sub-tasks, each with the phase heading it sits under.
 */
import type { ListItem, Nodes, Paragraph } from 'mdast';
import { endOf, plainText, startOf } from '../../core/markdown.js';
import type { Section, SpecDocument } from '../../core/model.js';
import { sectionAt } from '../../core/parse.js';
import type { PhaseKind, TraceTask } from '../model.js';
import { firstLine, placeOf } from './place.js';
import { taskLabelsOf } from './work-items.js';

const TASK_ID = /^\s*(?:\*\*)?(T\d{1,4}(?:\.\d{1,3})*[a-z]?|\d{1,3}(?:\.\d{1,3})*)(?=[.):*\s]|$)/;
/** Kiro's task marks that Markdown reads as text: optional "[ ]*" and in-progress "[-]". */
const KIRO_TASK_MARK = /^\[([ xX-])\](?:\*[ \t]*|[ \t]+)/;
const CHECKPOINT = /\bcheckpoint\b|检查点|檢查點|チェックポイント/i;

/** "Phase 3: User Story 1", "User Stories 1 & 2", "User Story 1+2", "US3 - Export". */
const STORY_LIST = /\b(?:user\s+stor(?:y|ies)|用户故事)\s*#?\s*(\d+(?:\s*(?:[+&,/]|and)\s*(?:US\s?)?\d+)*)/gi;
const STORY_TAG = /\bUS\s?(\d+)\b/g;

/** The stories a phase heading names. */
export function storiesIn(title: string): string[] {
  const numbers = new Set<string>();
  for (const list of title.matchAll(STORY_LIST)) for (const number of list[1].matchAll(/\d+/g)) numbers.add(String(Number(number[0])));
  for (const tag of title.matchAll(STORY_TAG)) numbers.add(String(Number(tag[1])));
  return [...numbers];
}
/** Work before the feature's own: set-up, initialisation, scaffolding, a "Phase 0", seeding data. */
const SETUP_PHASE = /\bphase\s*0\b|\bdata seeding\b|\bseed data\b|\bset\s*-?up\b|\binitiali[sz]ation\b|\bscaffold|\bpre-implementation\b|初始化|准备/i;
const FOUNDATIONAL_PHASE = /\bfoundation(?:al)?\b|\bprerequisites?\b|\bblocking\b|\bshared infrastructure\b|\bcore infrastructure\b|基础/i;
/** spec-kit's specs state edge cases in a section of their own, without ids: a phase for them builds that section. */
const EDGE_CASE_PHASE = /\bedge[- ]cases?\b|边界/i;
/** Work every feature does whatever it builds: polishing, verifying, documenting, committing, releasing. */
const PROCESS_PHASE =
  /\bpolish|\bcross[- ]cutting\b|\bverif(?:y|ication)\b|\bvalidation\b|\bdocumentation\b|\bdocs\b|\bcommit\b|\brelease\b|\bstatic analysis\b|\bcompletion\b|\bfinal\b|\bclean[- ]?up\b|\bcheckpoint\b|\bquality\b|\bcompliance\b|\bself[- ]check\b|\bwrap[- ]up\b|\bstatus\b|\bversion bump\b|\bcross[- ]story\b|\bdeploy(?:ment)?\b|\bintegration (?:tests?|testing)\b|\bregression\b|\bhardening\b|\bretrospective\b|\bperformance measurement\b|\bobservability\b|文档|验证|收尾|发布|检查点|最终|导出|质量|品質|품질|部署|合规|可观测|集成测试/i;

/** The kind of the phase a task sits in, from its heading and the headings above it. */
export function phaseKind(section: Section | undefined): { kind: PhaseKind; stories?: string[] } {
  // The document's title ("# Implementation Plan: Release Pipeline") is not a phase.
  const titles: string[] = [];
  for (let at = section; at; at = at.parent) if (at.level > 1) titles.push(at.title);
  for (const title of titles) {
    const stories = storiesIn(title);
    if (stories.length > 0) return { kind: 'story', stories };
  }
  for (const title of titles) {
    if (SETUP_PHASE.test(title)) return { kind: 'setup' };
    if (FOUNDATIONAL_PHASE.test(title)) return { kind: 'foundational' };
    if (PROCESS_PHASE.test(title)) return { kind: 'process' };
    if (EDGE_CASE_PHASE.test(title)) return { kind: 'edge-cases' };
  }
  return { kind: 'work' };
}

/** A task whose title says it is process work: "Final integration and validation", "Run the full test suite", "Update CHANGELOG.md". */
const PROCESS_TITLE =
  /^(?:final\b|run (?:the )?(?:full |complete |whole |all )?(?:test|check|lint|build|suite)|run\s+`?(?:npm|pnpm|yarn|bun|npx|cargo|go|make|dotnet|mvn|gradlew?|\.\/gradlew|uv|poetry|pytest|tox)\b[^\n]{0,40}?\b(?:build|test|tests|lint|check|typecheck|vet|clippy|fmt|format)\b|verify\b|validate\b|testing and (?:validation|verification|qa)\b|update (?:the )?(?:version|docs?\b|documentation|changelog|readme)|(?:write|create|add|update) (?:the )?(?:user )?(?:docs?\b|documentation|guide|changelog|release notes)|(?:documentation|docs)\b|document\b|prepare (?:an? |the )?(?:\w+ )?release\b|prepare (?:for )?(?:the )?(?:distribution|packaging|publishing|deployment)\b|release\b|publish\b|bump\b|commit\b|checkpoint\b|polish\b|clean ?up\b|wrap[- ]up\b|(?:create|add|update) (?:the |an )?(?:index|barrel) file|export (?:all )?(?:the )?(?:modules|components|classes)\b|build(?:\s+(?:and\s+(?:verify|run|test)|clean|all)\b|\s+the\s+\S+\s+(?:plugin|project|app|solution|target|binary)\b|\s*:)|fix (?:any |all )?(?:compiler |build |lint )?warnings|(?:add|install)\b[^\n]{0,40}\bdependenc(?:y|ies)\b(?![^\n]{0,30}\b(?:graph|resolution|check|injection)\b)|(?:register|add) .{0,60}\b(?:in|to) (?:the )?(?:tests\/)?cmakelists|(?:create|add|write|implement|set up|build) (?:the |shared )?(?:test[- ]data|test generators?|test fixtures?|test helpers?|test utilit(?:y|ies)|(?:property[- ]based |property )(?:test )?generators?|arbitraries)\b|最终|验证|更新文档|编写文档|发布|运行全量测试|创建测试数据|测试数据生成器)/i;

/** Wiring a piece into the app's entry point ("Register router in `api/app/main.py`", "Export the model in `__init__.py`"). */
const WIRING_TITLE = /^(?:register|wire|mount|hook|plug|export|integrate|include)\b[^\n]{0,80}?\b(?:in|into|to|from|with)\s+`?(?:[\w./-]*\/)?(?:main|app|index|server|__init__|program|mod|lib|module)\.(?:py|ts|tsx|js|jsx|mjs|go|rs|cs|java|kt)\b/i;

function isProcessTitle(title: string): boolean {
  const text = title.replace(/^\s*(?:T\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)*)[.):]?\s*/i, '').replace(/^(?:\[[^\]]*\]\s*)+/, '');
  return PROCESS_TITLE.test(text) || WIRING_TITLE.test(text);
}

export interface TaskOutline {
  tasks: TraceTask[];
  /** Each task's item range, to find the task an offset belongs to. */
  spans: { start: number; end: number }[];
}

/** "**Acceptance Criteria**:", "Definition of Done:", "验收标准：": the checkboxes that follow are criteria. */
const CHECKLIST_LEAD_IN = /^\W*(?:acceptance|success|exit|completion|done)\s+criteria|definition of done|^\W*done when\b|checklist|验收标准|完成标准/i;
/** A heading that is a checklist of criteria ("Success Criteria", "Code Review Checklist"), not a phase that mentions one. */
const CHECKLIST_SECTION = /^\W*(?:[\d.]+\s*)?(?:(?:acceptance|success|exit|completion|done)\s+criteria|definition of done|done when)\b|\bchecklist\s*$|^(?:验收标准|成功标准)/i;

function isChecklistLeadIn(node: Nodes | undefined): boolean {
  return node?.type === 'paragraph' && CHECKLIST_LEAD_IN.test(plainText(node));
}

function isChecklistSection(section: Section | undefined): boolean {
  for (let at = section; at; at = at.parent) if (CHECKLIST_SECTION.test(at.title)) return true;
  return false;
}

/** "### Task T4: Update the prompt", "### T12: Write the test": a task written as a heading with a body. */
const HEADING_TASK = /^(?:task\s+)?(T\d{1,4}(?:\.\d{1,3})*[a-z]?)\s*[:.\-–—]\s*\S|^task\s+(\d{1,3}(?:\.\d{1,3})*)\s*[:.\-–—]\s*\S/i;

/** Every checkbox item, and every heading that names a task, as a task in document order; nested ones are sub-tasks. */
export function tasksOf(doc: SpecDocument): TaskOutline {
  const entries: { span: { start: number; end: number }; task: TraceTask }[] = [];
  const phaseOf = (section: Section | undefined) => ({ phase: section?.title, phaseKind: phaseKind(section).kind });
  const visit = (node: Nodes, previous?: Nodes) => {
    // A checklist of criteria or review points is not a list of tasks.
    if (node.type === 'list' && (isChecklistLeadIn(previous) || isChecklistSection(sectionAt(doc.sections, startOf(node))))) return;
    const item = node.type === 'listItem' ? (node as ListItem) : undefined;
    const paragraph = item?.children.find((child): child is Paragraph => child.type === 'paragraph');
    // Kiro marks optional tasks "- [ ]* 19.1 …" and tasks in progress "- [-] 10. …", which Markdown reads as text, not a checkbox.
    const marked = item && item.checked == null && paragraph ? KIRO_TASK_MARK.exec(doc.text.slice(startOf(paragraph), startOf(paragraph) + 8)) : null;
    if (item && (typeof item.checked === 'boolean' || marked)) {
      const start = paragraph ? startOf(paragraph) + (marked?.[0].length ?? 0) : startOf(item);
      const lineEnd = doc.lines.lineEnd(doc.lines.lineAt(start));
      const task: TraceTask = {
        ...placeOf(doc.lines, { start, end: Math.max(start, lineEnd) }),
        id: TASK_ID.exec(doc.text.slice(start, lineEnd))?.[1],
        labels: taskLabelsOf(doc.text.slice(start, lineEnd)),
        title: firstLine(paragraph ? plainText(paragraph).slice(marked?.[0].length ?? 0) : '', 160),
        done: marked ? /[xX]/.test(marked[1]) : item.checked === true,
        ...phaseOf(sectionAt(doc.sections, startOf(item))),
      };
      entries.push({ span: { start: startOf(item), end: endOf(item) }, task });
    }
    if ('children' in node) (node.children as Nodes[]).forEach((child, index, siblings) => visit(child, siblings[index - 1]));
  };
  visit(doc.tree);
  for (const section of doc.sections) {
    const heading = HEADING_TASK.exec(section.title.trim());
    if (!heading) continue;
    const task: TraceTask = { ...placeOf(doc.lines, section.headingRange), id: heading[1] ?? heading[2], title: firstLine(section.title, 160), done: false, ...phaseOf(section.parent) };
    entries.push({ span: { start: section.range.start, end: section.range.end }, task });
  }
  entries.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const open: number[] = [];
  const lastWithId = new Map<string, number>();
  entries.forEach((entry, index) => {
    while (open.length > 0 && entries[open[open.length - 1]].span.end <= entry.span.start) open.pop();
    const { task } = entry;
    if (open.length > 0) task.parent = open[open.length - 1];
    // "- [x] 7. Build the list" then "- [x] 7.1 Create the service" at the same indent: 7.1 is a sub-task by its number.
    else if (task.id?.includes('.')) task.parent = lastWithId.get(task.id.slice(0, task.id.lastIndexOf('.')));
    if (task.id) lastWithId.set(task.id, index);
    if (CHECKPOINT.test(task.title)) task.exempt = 'checkpoint';
    // Without phases (Kiro), a task says itself that it is process work: "Final integration and validation".
    if (isProcessTitle(task.title) || (task.parent !== undefined && entries[task.parent].task.process)) task.process = true;
    open.push(index);
  });
  return { tasks: entries.map((entry) => entry.task), spans: entries.map((entry) => entry.span) };
}

/** The innermost task whose item holds the offset. */
export function taskAt(outline: TaskOutline, offset: number): number | undefined {
  let found: number | undefined;
  for (let index = 0; index < outline.spans.length; index++) {
    const span = outline.spans[index];
    if (span.start > offset) break;
    if (offset < span.end) found = index;
  }
  return found;
}

/** The tasks under a section and its sub-sections. */
export function tasksUnder(outline: TaskOutline, section: Section): number[] {
  const result: number[] = [];
  outline.spans.forEach((span, index) => {
    if (span.start >= section.range.start && span.start < section.range.end) result.push(index);
  });
  return result;
}
