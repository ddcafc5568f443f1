import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { describeTemplateNames } from '../core/template.js';

export const invalidFrontMatter = defineRule({
  id: 'invalid-front-matter',
  description: 'Front matter that Specwise cannot use: invalid YAML or an unknown template name.',
  docs: ruleDocsUrl('invalid-front-matter'),
  defaultSeverity: 'error',
  check(context) {
    const frontMatter = context.doc.frontMatter;
    if (!frontMatter) return;
    if (frontMatter.error) {
      context.report({ message: frontMatter.error, range: frontMatter.range });
      return;
    }
    const data = frontMatter.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || !('template' in data)) return;
    const name = data.template;
    if (typeof name === 'string' && context.templates.has(name)) return;
    const known = describeTemplateNames(context.templates).join(', ');
    context.report({
      message: `Front matter names template ${JSON.stringify(name)}, which is not defined; checked with '${context.template.name}' instead. Known templates: ${known}.`,
      range: frontMatter.range,
      data: { template: name },
    });
  },
});
