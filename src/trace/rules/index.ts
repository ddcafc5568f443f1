import type { TraceRule } from '../rule.js';
import { duplicateRequirementIdAcrossFiles } from './duplicate-requirement-id.js';
import { openspecDeltaMismatch } from './openspec-delta-mismatch.js';
import { orphanTask } from './orphan-task.js';
import { requirementWithoutTask } from './requirement-without-task.js';
import { requirementWithoutTest } from './requirement-without-test.js';
import { unknownRequirementReference } from './unknown-requirement-reference.js';

/** Every cross-file rule, in documentation order. */
export const traceRules: readonly TraceRule[] = [requirementWithoutTask, requirementWithoutTest, unknownRequirementReference, orphanTask, duplicateRequirementIdAcrossFiles, openspecDeltaMismatch];
