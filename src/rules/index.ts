import type { AnyRule } from '../core/rule.js';
import { dependencyWithoutOwner } from './dependency-without-owner.js';
import { duplicateRequirementId } from './duplicate-requirement-id.js';
import { emptySection } from './empty-section.js';
import { escapeClause } from './escape-clause.js';
import { invalidFrontMatter } from './invalid-front-matter.js';
import { missingSection } from './missing-section.js';
import { openEndedClause } from './open-ended-clause.js';
import { requirementWithoutAcceptance } from './requirement-without-acceptance.js';
import { riskWithoutMitigation } from './risk-without-mitigation.js';
import { sectionOrder } from './section-order.js';
import { undefinedRequirementReference } from './undefined-requirement-reference.js';
import { unmeasurableSuccessCriterion } from './unmeasurable-success-criterion.js';
import { unresolvedPlaceholder } from './unresolved-placeholder.js';
import { unverifiedCriterion } from './unverified-criterion.js';
import { vagueTerm } from './vague-term.js';

/** Every built-in rule, in documentation order. */
export const builtInRules: readonly AnyRule[] = [
  missingSection,
  emptySection,
  sectionOrder,
  invalidFrontMatter,
  unmeasurableSuccessCriterion,
  riskWithoutMitigation,
  dependencyWithoutOwner,
  requirementWithoutAcceptance,
  duplicateRequirementId,
  undefinedRequirementReference,
  vagueTerm,
  escapeClause,
  openEndedClause,
  unresolvedPlaceholder,
  unverifiedCriterion,
];
