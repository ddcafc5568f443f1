/**
 * Requirement blocks: requirements stated as a heading with a body (Kiro's "Requirement N",
 * OpenSpec's "Requirement: Name", spec-kit's user stories), and the criteria each carries.
 */
import type { Section } from './model.js';
import { unitsOf } from './requirements.js';
import type { AnalysisContext } from './rule.js';
import type { CoverageConvention } from './template.js';
import type { TextUnit } from './units.js';

export interface RequirementBlock {
  section: Section;
  /** The block's own criteria: acceptance criteria items, scenario items or scenario sections. */
  criteria: TextUnit[];
  scenarios: Section[];
}

const REQUIREMENT_TITLE = /^(?:requirements?|需求|要件|要求|요구\s*사항|requisitos?|exigences?|anforderung(?:en)?)\s*(?:\d+(?:\.\d+)*\b|[:：])/i;
const STORY_TITLE = /^(?:user\s+story|用户故事|用戶故事|使用者故事|ユーザーストーリー|사용자\s*스토리|historia\s+de\s+usuario|história\s+de\s+usuário|récit\s+utilisateur|user-story)\b/i;
const SCENARIO_TITLE = /^(?:scenario|场景|場景|シナリオ|시나리오|escenario|cenário|scénario|szenario)\b/i;
const STORY_LABEL = /^\s*(?:user\s+story|用户故事|用戶故事|使用者故事|ユーザーストーリー|사용자\s*스토리|historia\s+de\s+usuario|história\s+de\s+usuário|récit\s+utilisateur)\s*[:：]/i;
const CRITERIA_LABEL_TEXT =
  "(?:acceptance(?:\\s+(?:criteria|scenarios?|tests?))?|验收标准|驗收標準|验收场景|驗收場景|受け入れ基準|受け入れシナリオ|인수\\s*기준|인수\\s*시나리오|criterios\\s+de\\s+aceptación|escenarios\\s+de\\s+aceptación|critérios\\s+de\\s+aceitação|cenários\\s+de\\s+aceitação|critères\\s+d['’]acceptation|scénarios\\s+d['’]acceptation|akzeptanzkriterien|akzeptanzszenarien)";
const CRITERIA_LABEL = new RegExp(`^\\s*${CRITERIA_LABEL_TEXT}\\s*[:：]?\\s*$`, 'i');
/** Criteria written inline after their label, opening the paragraph or a sentence of it: "**Acceptance**: (1) table with the columns; (2) search filters by name". */
const INLINE_CRITERIA = new RegExp(`(?:^|[.!?。]\\s+)${CRITERIA_LABEL_TEXT}\\s*[:：]\\s*\\S`, 'i');
/** spec-kit's "**Independent Test**: Can be fully tested by sending a request and verifying …": the check that accepts a story, in prose. */
const INDEPENDENT_TEST = /^\s*independent\s+tests?\s*[:：]\s*(?!\[)[^\n]*\b(?:verif\w*|confirm\w*|check(?:s|ing)?|assert\w*|expect\w*|sees?|shows?|returns?|displays?|delivers?|contains?|produces?|results? in)\b/i;
/** "1.1 WHEN the API starts THEN the system SHALL …": numbered criteria written as lines of a paragraph, not as list items. */
const NUMBERED_CRITERION_LINE = /^[ \t]*\d+(?:\.\d+)+[.)]?[ \t]+\S/m;
/** A testable statement: Given/When/Then (also 给定 … 当 … 那么), EARS (WHEN/IF/WHILE/WHERE ... SHALL), or SHALL/MUST. */
const TESTABLE = /\bgiven\b[\s\S]*\bthen\b|(?:给定|給定|假设|假設)[\s\S]*(?:那么|那麼)|\b(?:when|if|while|where)\b[\s\S]*\b(?:then|shall|must)\b|\b(?:shall|must)\b/i;

export function isScenarioTitle(title: string): boolean {
  return SCENARIO_TITLE.test(title.trim());
}

type UnitsBySection = ReadonlyMap<Section | undefined, readonly TextUnit[]>;

function bySection(units: readonly TextUnit[]): UnitsBySection {
  const map = new Map<Section | undefined, TextUnit[]>();
  for (const unit of units) {
    const list = map.get(unit.section);
    if (list) list.push(unit);
    else map.set(unit.section, [unit]);
  }
  return map;
}

/** Units of the block and of its sub-sections that are not blocks or scenarios themselves. */
function blockUnits(units: UnitsBySection, section: Section, isBlock: (section: Section) => boolean): TextUnit[] {
  const result = [...(units.get(section) ?? [])];
  for (const child of section.children) {
    if (!isBlock(child) && !isScenarioTitle(child.title)) result.push(...blockUnits(units, child, isBlock));
  }
  return result;
}

/**
 * Items after a criteria label ("**Acceptance Criteria**:"), items under a criteria heading,
 * and testable items; with `anyItem`, every list item and table row of the block (Kiro
 * blocks whose criteria are plain bullets).
 */
function criteriaOf(units: readonly TextUnit[], context: AnalysisContext, anyItem: boolean): TextUnit[] {
  const criteria: TextUnit[] = [];
  let afterLabel = false;
  for (const unit of units) {
    const underCriteriaHeading = unit.section !== undefined && context.match.kinds.get(unit.section) === 'success-criteria';
    if (unit.type === 'paragraph') {
      // "**WHEN** … **THEN** the system **SHALL** …" written as paragraphs under "#### Acceptance Criteria", not as a list.
      const testableUnderLabel = (underCriteriaHeading || afterLabel) && TESTABLE.test(unit.text);
      if (INLINE_CRITERIA.test(unit.text) || INDEPENDENT_TEST.test(unit.text) || (NUMBERED_CRITERION_LINE.test(unit.text) && TESTABLE.test(unit.text)) || testableUnderLabel) criteria.push(unit);
    }
    if (unit.type === 'paragraph' || unit.type === 'heading') {
      afterLabel = CRITERIA_LABEL.test(unit.text);
      continue;
    }
    if (unit.type !== 'listItem' && unit.type !== 'tableRow') continue;
    if (anyItem || afterLabel || underCriteriaHeading || TESTABLE.test(unit.text)) criteria.push(unit);
  }
  return criteria;
}

/** Whether a section is a requirement block under the template's convention. */
function blockTest(convention: CoverageConvention, context: AnalysisContext, units: UnitsBySection): (section: Section) => boolean {
  const kind = (section: Section) => context.match.kinds.get(section);
  switch (convention) {
    case 'own-scenarios':
      // A "### Requirement:" with its own "#### Scenario:" is one under any heading (a delta written under "## Requirements").
      return (section) => /^requirement\s*[:：]/i.test(section.title.trim()) && (kind(section) === 'requirements' || section.children.some((child) => isScenarioTitle(child.title)));
    case 'story-scenarios':
      return (section) => kind(section) === 'user-stories' && STORY_TITLE.test(section.title.trim());
    case 'own-criteria':
      return (section) =>
        kind(section) !== 'success-criteria' &&
        (REQUIREMENT_TITLE.test(section.title.trim()) || (units.get(section) ?? []).some((unit) => unit.type === 'paragraph' && STORY_LABEL.test(unit.text)));
    default:
      return () => false;
  }
}

/** The requirement blocks of the document under the template's coverage convention, in order. */
export function requirementBlocksOf(context: AnalysisContext, convention: CoverageConvention): RequirementBlock[] {
  return context.shared(`requirement-blocks:${convention}`, () => {
    const units = bySection(unitsOf(context));
    const isBlock = blockTest(convention, context, units);
    const blocks: RequirementBlock[] = [];
    for (const section of context.doc.sections) {
      if (!isBlock(section)) continue;
      // A block holding blocks (Kiro's "## 1. Adoption" over "### 1.1 Detection") is a group, not a requirement.
      if (section.children.some(isBlock)) continue;
      const scenarios = section.children.filter((child) => isScenarioTitle(child.title));
      blocks.push({ section, criteria: criteriaOf(blockUnits(units, section, isBlock), context, convention === 'own-criteria'), scenarios });
    }
    return blocks;
  });
}
