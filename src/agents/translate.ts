import { z } from 'zod';
import { DEFAULT_TEMPLATE } from '../core/config/resolve.js';
import { describeTemplateNames } from '../core/template.js';
import { translate } from '../translate/index.js';
import { defineTool, ToolInputError } from './tool.js';

export const translateInput = {
  request: z.string().min(1).max(100_000).describe('The business request, as the requester wrote it.'),
  template: z.string().min(1).optional().describe('The template to write the spec in; default: the configured one, else tech-spec.'),
  idPrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, 'upper-case letters and digits, such as REQ or FR').optional().describe('Prefix of requirement ids (REQ; FR for spec-kit).'),
};

export const translateTool = defineTool({
  name: 'translate',
  title: 'Translate a request into a spec',
  description:
    "Turns a business request into a technical spec in a template's shape, deterministically: EARS requirements with ids, acceptance criteria that cite them, non-functional requirements, risks, dependencies and open questions, with [NEEDS CLARIFICATION: …] where the request does not say. A starting point to refine; call `check` on the result after editing it.",
  input: translateInput,
  async run(input, host) {
    const settings = await host.settingsFor(`${host.root}/spec.md`, '');
    const name = input.template ?? (settings.templateSource === 'config' ? settings.template.name : DEFAULT_TEMPLATE);
    const template = settings.templates.get(name);
    if (!template) throw new ToolInputError(`Unknown template '${name}'; available templates: ${describeTemplateNames(settings.templates).join(', ')}.`);
    const result = await translate(input.request, { template, idPrefix: input.idPrefix });
    if (result.kind === 'none') throw new ToolInputError(result.message);
    return { summary: result.markdown, data: { template: template.name, markdown: result.markdown, ids: result.parts.ids, questions: result.questions } };
  },
});
