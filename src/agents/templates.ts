import { z } from 'zod';
import { DEFAULT_TEMPLATE } from '../core/config/resolve.js';
import { describeTemplateNames, type Template } from '../core/template.js';
import { defineTool, markdownPath, ToolInputError, type ToolHost } from './tool.js';

export const templatesInput = {
  name: z.string().min(1).optional().describe('One template, with each section\'s starter text; default: every template, briefly.'),
  path: z.string().min(1).optional().describe('A spec file: say which template applies to it and why.'),
};

function sectionData(template: Template, withScaffold: boolean) {
  return template.sections.map((section) => ({
    id: section.id,
    title: section.title,
    kind: section.kind,
    presence: section.presence,
    // Titles in other languages are matched too; listing them would bury the English ones.
    aliases: section.aliases.filter((alias) => /^[\x20-\x7e]+$/.test(alias)),
    ...(withScaffold && section.scaffold ? { starter: section.scaffold } : {}),
  }));
}

/** A template's sections, for people: "required  Requirements (requirements)". */
export function describeTemplate(template: Template, withScaffold: boolean): string {
  const lines = [`${template.name}: ${template.title}${template.description ? ` (${template.description})` : ''}`];
  for (const section of template.sections) {
    lines.push(`- ${section.presence} ## ${section.title} [${section.kind}]`);
    if (withScaffold && section.scaffold) lines.push(...section.scaffold.split('\n').map((line) => `    ${line}`));
  }
  return lines.join('\n');
}

/** Which template applies to a file, and why. */
export async function templateFor(path: string, host: ToolHost) {
  const absolute = host.resolvePath(markdownPath(path));
  const text = await host.readText(absolute);
  const settings = await host.settingsFor(absolute, text);
  return { settings, text };
}

const SOURCES: Record<string, string> = {
  cli: 'named by the caller',
  'front-matter': "named in the file's front matter",
  config: 'set by the configuration file',
  layout: "given by the spec-driven tool's folder layout",
  default: 'the default',
};

export function templateSourceText(source: string): string {
  return SOURCES[source] ?? source;
}

export const templatesTool = defineTool({
  name: 'templates',
  title: 'Spec templates',
  description:
    'Lists the spec templates Specwise checks against (tech-spec, prd, rfc, spec-kit, kiro, openspec and any the project configures), with their sections in order and which are required; with `name`, one template with each section\'s starter text; with `path`, which template applies to that file and why. Use it before writing a spec.',
  input: templatesInput,
  async run(input, host) {
    if (input.path !== undefined) {
      const { settings } = await templateFor(input.path, host);
      const template = settings.template;
      return {
        summary: `${input.path} is checked against ${template.name} (${templateSourceText(settings.templateSource)}).\n${describeTemplate(template, true)}`,
        data: { path: input.path, template: template.name, source: settings.templateSource, isSpec: settings.isSpec, reason: settings.specReason, title: template.title, coverage: template.coverage, sections: sectionData(template, true) },
      };
    }
    const settings = await host.settingsFor(`${host.root}/spec.md`, '');
    const templates = settings.templates;
    if (input.name !== undefined) {
      const template = templates.get(input.name);
      if (!template) throw new ToolInputError(`Unknown template '${input.name}'; available templates: ${describeTemplateNames(templates).join(', ')}.`);
      return { summary: describeTemplate(template, true), data: { name: template.name, title: template.title, description: template.description, coverage: template.coverage, sections: sectionData(template, true) } };
    }
    const unique = [...new Set(templates.values())];
    const names = describeTemplateNames(templates);
    const defaultName = settings.templateSource === 'config' ? settings.template.name : DEFAULT_TEMPLATE;
    return {
      summary: unique.map((template, index) => `${names[index]}${template.name === defaultName ? ' (default)' : ''}: ${template.title}\n  sections: ${template.sections.filter((section) => section.presence === 'required').map((section) => section.title).join(', ')} (required)`).join('\n'),
      data: {
        default: defaultName,
        templates: unique.map((template) => ({ name: template.name, aliases: [...templates].filter(([name, value]) => value === template && name !== template.name).map(([name]) => name), title: template.title, description: template.description, coverage: template.coverage, sections: sectionData(template, false) })),
      },
    };
  },
});
