import { z } from 'zod';
import { lintText } from '../api.js';
import { describeTemplateNames } from '../core/template.js';
import type { Finding } from '../core/rule.js';
import type { LineIndex } from '../core/positions.js';
import { defineTool, markdownPath, ToolInputError, type ToolHost } from './tool.js';
import { plural } from '../core/plural.js';

export const checkInput = {
  text: z.string().max(5_000_000).optional().describe("The spec's Markdown. With `path` too, it is checked as that file's current text."),
  path: z.string().min(1).optional().describe('A spec file, relative to the workspace or absolute (.md or .markdown).'),
  template: z.string().min(1).optional().describe('Check against this template instead of the one the file names or the configuration gives.'),
};

function findingData(finding: Finding, lines: LineIndex) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    line: finding.start.line,
    column: finding.start.column,
    endLine: finding.end.line,
    endColumn: finding.end.column,
    message: finding.message,
    docs: finding.docsUrl,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      safe: fix.safe === true,
      edits: fix.edits.map((edit) => {
        const start = lines.position(edit.offset);
        const end = lines.position(edit.offset + edit.length);
        return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, newText: edit.newText };
      }),
    })),
  };
}

/** Checks a spec's text or file against its template and the rule pack. */
export async function checkSpecText(input: { text?: string; path?: string; template?: string }, host: ToolHost) {
  if (input.text === undefined && input.path === undefined) throw new ToolInputError("Give 'text' (the spec's Markdown) or 'path' (a spec file), or both.");
  const path = input.path === undefined ? undefined : host.resolvePath(markdownPath(input.path));
  const text = input.text ?? (await host.readText(path!));
  const settings = await host.settingsFor(path ?? `${host.root}/spec.md`, text, input.template);
  if (input.template !== undefined && !settings.templates.has(input.template)) {
    throw new ToolInputError(`Unknown template '${input.template}'; available templates: ${describeTemplateNames(settings.templates).join(', ')}.`);
  }
  const result = lintText({ text, uri: path, template: settings.template, settings: settings.settings, templates: settings.templates });
  return { path: input.path, settings, result };
}

export const checkTool = defineTool({
  name: 'check',
  title: 'Check a spec',
  description:
    'Checks a Markdown spec (requirements, PRD, RFC, spec-kit, Kiro or OpenSpec file) the way a technical product manager reviews it: missing template sections, requirements no criterion verifies, unmeasurable success criteria, risks without mitigation, dependencies without owner, vague wording, placeholders. Returns each finding with its rule id, line, message and fixes. Call it on every spec you write or change, and fix what it finds.',
  input: checkInput,
  async run(input, host) {
    const { path, settings, result } = await checkSpecText(input, host);
    const findings = result.findings.map((finding) => findingData(finding, result.doc.lines));
    const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
    const where = path ?? 'the spec';
    const configErrors = settings.configErrors.map((error) => `${error.file}:${error.line}:${error.column} ${error.message}`);
    const lines = [
      findings.length === 0
        ? `No findings in ${where} (template ${settings.template.name}).`
        : `${plural(findings.length, 'finding')} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info) in ${where} (template ${settings.template.name}):`,
      ...findings.flatMap((finding) => [
        `- line ${finding.line}, ${finding.severity}, ${finding.ruleId}: ${finding.message}`,
        ...finding.fixes.map((fix) => `  fix${fix.safe ? ' (safe)' : ''}: ${fix.title}`),
      ]),
      ...(configErrors.length > 0 ? ['Configuration errors (the defaults were used):', ...configErrors.map((error) => `- ${error}`)] : []),
    ];
    return {
      summary: lines.join('\n'),
      data: { path, template: settings.template.name, templateSource: settings.templateSource, errors: count('error'), warnings: count('warning'), info: count('info'), findings, configErrors },
    };
  },
});
