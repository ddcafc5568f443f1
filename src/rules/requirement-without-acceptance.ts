import type { ListItem } from 'mdast';
import { firstLineRange } from '../core/entries.js';
import type { Fix, TextEdit } from '../core/fix.js';
import { endOf, startOf } from '../core/markdown.js';
import type { Section } from '../core/model.js';
import { requirementBlocksOf, type RequirementBlock } from '../core/requirement-blocks.js';
import { CRITERION_PREFIXES, idPrefix, REQUIREMENT_ID, requirementIndexOf, unitsOf } from '../core/requirements.js';
import { defineRule, ruleDocsUrl, type RuleContext } from '../core/rule.js';
import { blockInsertion, missingSectionEdit } from '../core/scaffold.js';
import type { CoverageConvention } from '../core/template.js';
import type { TextUnit } from '../core/units.js';

const NORMATIVE = /\b(?:shall|must)\b/i;
const HAS_OWN_CRITERIA = /\b(?:given\b|acceptance\b|accepted when\b|verified by\b|verify\b|test(?:ed)? by\b)/i;

interface Requirement {
  unit: TextUnit;
  id?: string;
}

function definedId(unit: TextUnit): string | undefined {
  const match = new RegExp(REQUIREMENT_ID.source, 'u').exec(unit.text);
  if (!match || !/^[\s[(*_]*$/.test(unit.text.slice(0, match.index))) return undefined;
  return CRITERION_PREFIXES.has(idPrefix(match[0])) ? undefined : match[0];
}

/** A requirement section whose own subsections include acceptance criteria (Kiro's "Requirement N" shape); memoized per section. */
function criteriaBelow(context: RuleContext<unknown>): (section: Section | undefined) => boolean {
  const { kinds } = context.match;
  const known = new Map<Section, boolean>();
  const below = (section: Section | undefined): boolean => {
    if (!section || kinds.get(section) !== 'requirements') return false;
    let answer = known.get(section);
    if (answer === undefined) {
      answer = section.children.some((child) => kinds.get(child) === 'success-criteria') || below(section.parent);
      known.set(section, answer);
    }
    return answer;
  };
  return below;
}

/** A criterion to fill in that verifies `id`. */
export function stubText(id: string): string {
  return `- Given TBD, when TBD, then TBD (verifies ${id}).`;
}

/** Inserts stubs at the end of the criteria section: right after a closing list, else as a new block. Where is decided once per check. */
function stubInserter(context: RuleContext<unknown>): (stubs: string[]) => TextEdit {
  const { doc, template, match } = context;
  const eol = doc.lines.eol;
  const target = match.matched.find((entry) => entry.templateSection.kind === 'success-criteria');
  if (!target) {
    const templateSection = template.sections.find((entry) => entry.kind === 'success-criteria')!;
    return (stubs) => missingSectionEdit(doc, template, match, { ...templateSection, scaffold: stubs.join('\n') });
  }
  const { range } = target.section;
  let lastUnit: TextUnit | undefined;
  for (const unit of unitsOf(context)) if (unit.section && unit.range.start >= range.start && unit.range.end <= range.end) lastUnit = unit;
  if (lastUnit?.type === 'listItem' && doc.text.slice(endOf(lastUnit.node), range.end).trim() === '') {
    const offset = endOf(lastUnit.node);
    const marker = /^[-*+]/.test(doc.text.slice(lastUnit.range.start, lastUnit.range.start + 1)) ? doc.text[lastUnit.range.start] : '-';
    return (stubs) => ({ offset, length: 0, newText: stubs.map((stub) => `${eol}${marker}${stub.slice(1)}`).join('') });
  }
  return (stubs) => blockInsertion(doc.text, range.end, stubs.join(eol), eol);
}

function nextIds(context: RuleContext<unknown>, count: number): string[] {
  let highest = 0;
  const index = requirementIndexOf(context);
  // Referenced ids count too: a stale reference to REQ-4 must not come to point at a new requirement.
  for (const id of [...index.definitions.keys(), ...index.references.map((reference) => reference.id)]) {
    const match = /^REQ-(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Array.from({ length: count }, (_, i) => `REQ-${highest + i + 1}`);
}

/** What each convention's blocks need, and the starter a fix inserts at the end of the block. */
const BLOCK_NEEDS: Partial<Record<CoverageConvention, { noun: string; missing: string; what: string; stub: (level: number) => string }>> = {
  'own-criteria': {
    noun: 'Requirement',
    missing: 'acceptance criteria',
    what: "add numbered EARS acceptance criteria (WHEN ... THE system SHALL ...) under an 'Acceptance Criteria' heading",
    stub: (level) => `${'#'.repeat(Math.min(level + 1, 6))} Acceptance Criteria\n\n1. WHEN TBD THEN the system SHALL TBD.`,
  },
  'own-scenarios': {
    noun: 'Requirement',
    missing: 'scenario',
    what: "add at least one '#### Scenario:' with WHEN and THEN steps",
    stub: (level) => `${'#'.repeat(Math.min(level + 1, 6))} Scenario: TBD\n\n- **WHEN** TBD\n- **THEN** TBD`,
  },
  'story-scenarios': {
    noun: 'User story',
    missing: 'acceptance scenario',
    what: "add Given/When/Then scenarios under '**Acceptance Scenarios**:' so the story can be tested on its own",
    stub: () => '**Acceptance Scenarios**:\n\n1. **Given** TBD, **When** TBD, **Then** TBD.',
  },
};

function checkBlocks(context: RuleContext<unknown>, convention: CoverageConvention): void {
  const needs = BLOCK_NEEDS[convention]!;
  const { doc } = context;
  const verified = (block: RequirementBlock) => block.criteria.length > 0 || block.scenarios.some((scenario) => scenario.hasContent);
  for (const block of requirementBlocksOf(context, convention)) {
    if (verified(block)) continue;
    const { section } = block;
    const end = section.children[0]?.range.start ?? section.range.end;
    const edit = blockInsertion(doc.text, end, needs.stub(section.level).replace(/\n/g, doc.lines.eol), doc.lines.eol);
    context.report({
      message: `${needs.noun} '${section.title}' has no ${needs.missing}: ${needs.what}.`,
      range: section.headingRange,
      data: { block: section.title },
      fixes: [{ title: `Add ${needs.missing === 'scenario' ? 'a scenario' : needs.missing === 'acceptance scenario' ? 'an acceptance scenario' : 'acceptance criteria'} to '${section.title}'`, edits: [edit], safe: true }],
    });
  }
}

export const requirementWithoutAcceptance = defineRule({
  id: 'requirement-without-acceptance',
  description: "A requirement nothing verifies, by the template's convention: no criterion, scenario or test cites it (TPM specs), or its block has no criteria (Kiro), no scenario (OpenSpec), or a user story has no acceptance scenario (spec-kit).",
  docs: ruleDocsUrl('requirement-without-acceptance'),
  defaultSeverity: 'warning',
  check(context) {
    const { doc, template } = context;
    if (BLOCK_NEEDS[template.coverage]) return checkBlocks(context, template.coverage);
    // Without a criteria section in the template there is nothing to trace to.
    if (template.coverage !== 'cited-ids' || !template.sections.some((entry) => entry.kind === 'success-criteria')) return;
    const index = requirementIndexOf(context);
    const covered = new Set(index.references.filter((reference) => reference.context === 'criterion' || reference.context === 'trace').map((reference) => reference.id));
    const requirements: Requirement[] = [];
    const hasCriteriaBelow = criteriaBelow(context);
    for (const unit of unitsOf(context)) {
      if (unit.kind !== 'requirements' || hasCriteriaBelow(unit.section)) continue;
      const id = definedId(unit);
      if (id) {
        if (!covered.has(id) && !HAS_OWN_CRITERIA.test(unit.text) && index.definitions.get(id)?.[0].unit === unit) requirements.push({ unit, id });
      } else if ((unit.type === 'listItem' || unit.type === 'tableRow') && NORMATIVE.test(unit.text) && !HAS_OWN_CRITERIA.test(unit.text)) {
        requirements.push({ unit });
      }
    }
    if (requirements.length === 0) return;
    const newIds = nextIds(context, requirements.filter((requirement) => !requirement.id).length);
    const ids = requirements.map((requirement) => requirement.id ?? newIds.shift()!);
    const criteriaTitle = template.sections.find((entry) => entry.kind === 'success-criteria')!.title;
    const sectionExists = context.match.matched.some((entry) => entry.templateSection.kind === 'success-criteria');
    const insertStubs = stubInserter(context);
    // Without a criteria section, every fix creates the same section with every stub, so applying several is one change.
    const allStubs = sectionExists ? undefined : ids.map(stubText);
    requirements.forEach((requirement, i) => {
      const id = ids[i];
      const { unit } = requirement;
      const edits: TextEdit[] = [insertStubs(allStubs ?? [stubText(id)])];
      if (!requirement.id) {
        const first = unit.type === 'listItem' ? (unit.node as ListItem).children[0] : undefined;
        const at = first?.type === 'paragraph' ? startOf(first) : unit.row?.cells[0]?.contentRange.start;
        if (at === undefined) return;
        edits.unshift({ offset: at, length: 0, newText: unit.type === 'listItem' ? `**${id}**: ` : `${id}: ` });
      }
      const fix: Fix = {
        title: requirement.id
          ? `Add an acceptance criterion for ${id} under '${criteriaTitle}'`
          : `Give this requirement the id ${id} and add an acceptance criterion for it`,
        edits,
        safe: true,
      };
      context.report({
        message: requirement.id
          ? `Requirement ${id} has no acceptance criterion: reference '${id}' from a success criterion, scenario or test so its delivery can be verified.`
          : `Requirement has no id, so no acceptance criterion can trace to it: give it an id such as ${id} and reference it from a success criterion or test.`,
        range: firstLineRange(doc, unit),
        data: requirement.id ? { id } : { suggestedId: id },
        fixes: [fix],
      });
    });
  },
});
