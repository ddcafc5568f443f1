/**
 * The requirements a spec file defines, from the engine's own id index and requirement
 * blocks: ids such as FR-001 and REQ-12, Kiro's numbered "Requirement N" blocks with their
 * N.M criteria, spec-kit's user stories, OpenSpec's named requirements with their scenarios.
 */
import type { Section } from '../../core/model.js';
import { requirementBlocksOf, type RequirementBlock } from '../../core/requirement-blocks.js';
import { CRITERION_PREFIXES, idOpening, idPrefix, requirementIndexOf, type IdOccurrence } from '../../core/requirements.js';
import type { AnalysisContext } from '../../core/rule.js';
import type { CoverageConvention } from '../../core/template.js';
import type { TextUnit } from '../../core/units.js';
import type { DefinitionKind, TraceCriterion, TraceDefinition } from '../model.js';
import { firstLine, placeOf, sourceTitle } from './place.js';

/** Kiro's "Requirement 3", whatever language the heading is in: the number names it. */
const NUMBERED_REQUIREMENT = /^(?:requirements?|需求|要件|要求|요구\s*사항|requisitos?|exigences?|anforderung(?:en)?)\s*(\d+(?:\.\d+)*)\b/i;
const STORY_NUMBER = /^(?:user\s+story|用户故事|用戶故事|使用者故事|ユーザーストーリー|사용자\s*스토리|historia\s+de\s+usuario|história\s+de\s+usuário|récit\s+utilisateur|user-story)\s*#?\s*(\d+)\b/i;
const NAMED_REQUIREMENT = /^requirement\s*[:：]\s*(.+)$/i;
/** The headings of an OpenSpec delta whose requirements are not (re)defined by it. */
const NOT_DEFINING_DELTA = /^(?:removed|renamed)\s+requirements?\b/i;

export function kindOfId(id: string): DefinitionKind {
  const prefix = idPrefix(id);
  if (CRITERION_PREFIXES.has(prefix)) return 'criterion';
  return prefix === 'US' ? 'story' : 'requirement';
}

/** Kiro requirement N's id, as tasks cite it ("Requirement 2", or its criteria 2.1, 2.2). */
export function kiroRequirementId(number: string): string {
  return `Requirement ${number}`;
}

export function storyId(number: string | number): string {
  return `US${Number(number)}`;
}

function inRemovedSection(section: Section): boolean {
  for (let at: Section | undefined = section.parent; at; at = at.parent) if (NOT_DEFINING_DELTA.test(at.title.trim())) return true;
  return false;
}

/** The number a criterion item states ("3." or "3)"), else its position among the block's items. */
function criterionNumber(text: string, unit: TextUnit, position: number): number {
  const stated = /^\s*(\d{1,3})[.)]\s/.exec(text.slice(unit.range.start, unit.range.start + 8));
  return stated ? Number(stated[1]) : position;
}

function blockDefinition(block: RequirementBlock, convention: CoverageConvention, analysis: AnalysisContext): TraceDefinition | undefined {
  const { doc } = analysis;
  const title = block.section.title.trim();
  const heading = placeOf(doc.lines, block.section.headingRange);
  // "### FR-001: Export" is defined by the id index already.
  if (idOpening(title) !== undefined) return undefined;
  if (convention === 'own-criteria') {
    const number = NUMBERED_REQUIREMENT.exec(title)?.[1];
    if (!number) return undefined;
    const id = kiroRequirementId(number);
    let position = 0;
    const criteria: TraceCriterion[] = block.criteria
      .filter((unit) => unit.type === 'listItem')
      .map((unit) => {
        const criterion = `${number}.${criterionNumber(doc.text, unit, ++position)}`;
        return { ...placeOf(doc.lines, { start: unit.range.start, end: Math.min(unit.range.end, doc.lines.lineEnd(doc.lines.lineAt(unit.range.start))) }), id: criterion, label: sourceTitle(doc.text, unit.range.start, 100) };
      });
    return { ...heading, id, kind: 'requirement', title: firstLine(title), criteria, literal: false };
  }
  if (convention === 'story-scenarios') {
    const number = STORY_NUMBER.exec(title)?.[1];
    if (!number) return undefined;
    const criteria = block.criteria.map((unit, index) => ({ ...placeOf(doc.lines, { start: unit.range.start, end: Math.min(unit.range.end, doc.lines.lineEnd(doc.lines.lineAt(unit.range.start))) }), label: `Scenario ${index + 1}: ${sourceTitle(doc.text, unit.range.start, 90)}` }));
    return { ...heading, id: storyId(number), kind: 'story', title: firstLine(title), criteria, literal: false };
  }
  if (convention === 'own-scenarios') {
    const name = NAMED_REQUIREMENT.exec(title)?.[1]?.trim();
    if (!name || inRemovedSection(block.section)) return undefined;
    const criteria = block.scenarios.map((scenario) => ({ ...placeOf(doc.lines, scenario.headingRange), label: scenario.title.trim() }));
    return { ...heading, id: name, kind: 'requirement', title: firstLine(title), criteria, literal: false };
  }
  return undefined;
}

/**
 * Every id the spec defines (its first definition in the file), and each requirement block;
 * criteria that cite a requirement (a success criterion "verifies FR-003") are its criteria.
 */
export function specDefinitions(analysis: AnalysisContext, convention: CoverageConvention): TraceDefinition[] {
  const { doc } = analysis;
  const index = requirementIndexOf(analysis);
  const definitions: TraceDefinition[] = [];
  const byId = new Map<string, TraceDefinition>();
  for (const [id, occurrences] of index.definitions) {
    const first = occurrences[0];
    const definition: TraceDefinition = { ...placeOf(doc.lines, first.range), id, kind: kindOfId(id), title: sourceTitle(doc.text, first.unit.range.start), literal: true };
    definitions.push(definition);
    byId.set(id, definition);
  }
  for (const block of requirementBlocksOf(analysis, convention)) {
    const definition = blockDefinition(block, convention, analysis);
    if (!definition || byId.has(definition.id)) continue;
    const within = (occurrence: IdOccurrence) => kindOfId(occurrence.id) !== 'criterion' && occurrence.range.start > block.section.headingRange.end && occurrence.range.start < block.section.range.end;
    const aliases = [...index.definitions.values()].map(([first]) => first).filter(within).concat(index.references.filter((reference) => reference.labeled && within(reference)));
    if (aliases.length > 0) definition.aliases = [...new Set(aliases.map((occurrence) => occurrence.id))];
    definitions.push(definition);
    byId.set(definition.id, definition);
  }
  // A criterion that cites a requirement verifies it.
  const criterionIds = new Map<TextUnit, string>();
  for (const [id, occurrences] of index.definitions) if (kindOfId(id) === 'criterion') criterionIds.set(occurrences[0].unit, id);
  for (const reference of index.references) {
    if (reference.context !== 'criterion') continue;
    const target = byId.get(reference.id);
    if (!target || target.kind === 'criterion') continue;
    const unit = reference.unit;
    const lineEnd = doc.lines.lineEnd(doc.lines.lineAt(unit.range.start));
    const criterion: TraceCriterion = { ...placeOf(doc.lines, { start: unit.range.start, end: Math.min(unit.range.end, lineEnd) }), id: criterionIds.get(unit), label: sourceTitle(doc.text, unit.range.start, 100) };
    const list = (target.criteria ??= []);
    if (!list.some((existing) => existing.range.start === criterion.range.start)) list.push(criterion);
  }
  return definitions.sort((a, b) => a.range.start - b.range.start);
}
