import type { Template } from '../core/template.js';
import { rfcTemplate } from './rfc.js';
import { techSpecTemplate } from './tech-spec.js';

export const DEFAULT_TEMPLATE_NAME = 'tech-spec';

export const builtInTemplates: ReadonlyMap<string, Template> = new Map(
  [techSpecTemplate, rfcTemplate].map((template) => [template.name, template]),
);
