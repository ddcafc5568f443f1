import type { Template } from '../core/template.js';
import { earsTemplate } from './ears.js';
import { prdTemplate } from './prd.js';
import { rfcTemplate } from './rfc.js';
import { specKitTemplate } from './spec-kit.js';
import { techSpecTemplate } from './tech-spec.js';

export { DEFAULT_TEMPLATE as DEFAULT_TEMPLATE_NAME } from '../core/config/resolve.js';

export const builtInTemplates: ReadonlyMap<string, Template> = new Map(
  [techSpecTemplate, prdTemplate, rfcTemplate, earsTemplate, specKitTemplate].map((template) => [template.name, template]),
);
