import type { AnyRule } from '../core/rule.js';
import { emptySection } from './empty-section.js';
import { invalidFrontMatter } from './invalid-front-matter.js';
import { missingSection } from './missing-section.js';
import { sectionOrder } from './section-order.js';

/** Every built-in rule, in documentation order. */
export const builtInRules: readonly AnyRule[] = [missingSection, emptySection, sectionOrder, invalidFrontMatter];

export const builtInRuleIds: ReadonlySet<string> = new Set(builtInRules.map((rule) => rule.id));
