import type { AnyRule } from '../core/rule.js';
import { emptySection } from './empty-section.js';
import { missingSection } from './missing-section.js';

/** Every built-in rule, in documentation order. */
export const builtInRules: readonly AnyRule[] = [missingSection, emptySection];

export const builtInRuleIds: ReadonlySet<string> = new Set(builtInRules.map((rule) => rule.id));
