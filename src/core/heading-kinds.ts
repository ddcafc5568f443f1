/**
 * Section kinds recognized from a heading alone, whatever the template: a Risks,
 * Dependencies or Success Criteria section is reviewed as one even where the template does
 * not list it.
 */
import { normalizeTitle } from './normalize.js';
import type { SectionKind } from './template.js';
import { translated } from './translated-titles.js';

const RISKS = [
  'risks', 'risk', 'risks and mitigations', 'risks and mitigation', 'risk and mitigation', 'risks mitigations', 'key risks',
  'known risks', 'open risks', 'main risks', 'technical risks', 'project risks', 'implementation risks', 'delivery risks',
  'risk assessment', 'risk analysis', 'risk register', 'risk matrix', 'risks and open issues', 'risks and trade offs',
  'risks and tradeoffs', 'risks and concerns', 'risk mitigation', 'risk management',
];
const DEPENDENCIES = [
  'dependencies', 'external dependencies', 'cross team dependencies', 'upstream dependencies', 'team dependencies',
  'project dependencies', 'feature dependencies', 'key dependencies', 'dependencies and assumptions',
  'assumptions and dependencies', 'dependencies and risks',
];

/** Mitigations answer risks; they are not risks themselves, even under a Risks heading. */
const MITIGATIONS = ['mitigation', 'mitigations', 'mitigation strategy', 'mitigation strategies', 'mitigation plan', 'risk mitigation plan'];

/** Neither risks nor dependencies, even under a combined "Dependencies and Assumptions" heading. */
const ASIDES = ['assumptions', 'constraints', 'assumptions and constraints', 'constraints and assumptions', 'out of scope', 'non goals'];

const CRITERIA = ['success criteria', 'acceptance criteria', 'success metrics', 'measurable outcomes', 'exit criteria', 'definition of done'];

const KINDS = new Map<string, SectionKind>([
  ...CRITERIA.map((title) => [title, 'success-criteria'] as const),
  ...translated('successCriteria', 'acceptanceCriteria', 'successMetrics', 'measurableOutcomes').map((title) => [normalizeTitle(title), 'success-criteria'] as const),
  ...MITIGATIONS.map((title) => [title, 'other'] as const),
  ...ASIDES.map((title) => [title, 'other'] as const),
  ...translated('assumptions', 'nonGoals').map((title) => [normalizeTitle(title), 'other'] as const),
  ...RISKS.map((title) => [title, 'risks'] as const),
  ...translated('risks', 'risksAndMitigations').map((title) => [normalizeTitle(title), 'risks'] as const),
  ...DEPENDENCIES.map((title) => [title, 'dependencies'] as const),
  ...translated('dependencies').map((title) => [normalizeTitle(title), 'dependencies'] as const),
]);

/** The kind a heading names on its own, or undefined. */
export function headingKind(normalizedTitle: string): SectionKind | undefined {
  return KINDS.get(normalizedTitle);
}
