import type { Template } from '../core/template.js';
import { kiroTemplate } from './kiro.js';
import { openspecDeltaTemplate, openspecProposalTemplate, openspecSpecTemplate } from './openspec.js';
import { prdTemplate } from './prd.js';
import { rfcTemplate } from './rfc.js';
import { specKitTemplate } from './spec-kit.js';
import { techSpecTemplate } from './tech-spec.js';

export { DEFAULT_TEMPLATE as DEFAULT_TEMPLATE_NAME } from '../core/config/resolve.js';

const TEMPLATES = [techSpecTemplate, prdTemplate, rfcTemplate, specKitTemplate, kiroTemplate, openspecProposalTemplate, openspecSpecTemplate, openspecDeltaTemplate];

/** Older names that still select a template: `ears` was the Kiro template's first name. */
export const TEMPLATE_ALIASES: Readonly<Record<string, string>> = { ears: 'kiro' };

/** Every built-in template by name, aliases included (they map to the same template object). */
export const builtInTemplates: ReadonlyMap<string, Template> = new Map([
  ...TEMPLATES.map((template) => [template.name, template] as const),
  ...Object.entries(TEMPLATE_ALIASES).map(([alias, name]) => [alias, TEMPLATES.find((template) => template.name === name)!] as const),
]);
