// @specwise in the chat: /translate drafts a spec with the model the user picked, verified
// by the rules; /review explains the open spec's findings and offers fixes and verified
// rewrites as buttons; /template says which template applies and what it asks for.
// Model output reaches the user as text in a code block and through these buttons only.
import * as vscode from 'vscode';
import { templateSourceText } from '../agents/index.js';
import type { Finding } from '../core/rule.js';
import type { Template } from '../core/template.js';
import { fallbackMessage, ModelFailure, proposeRewrites, REWORDABLE_RULES, translateWithModel, translationSummary, type ModelProgress, type Rewrite } from '../model/index.js';
import { builtInRules } from '../rules/index.js';
import { translate } from '../translate/index.js';
import { newSpecTemplate } from './commands.js';
import { abortSignalOf, languageModelChat } from './language-model.js';
import type { DocumentAnalysis, SpecService } from './service.js';
import { readSettings } from './settings.js';
import { addTo } from '../core/collections.js';
import { MARKDOWN_FILE } from '../core/paths.js';
import { plural } from '../core/plural.js';

/** What each answer reports back, for follow-ups and for tests. */
export interface SpecwiseChatResult extends vscode.ChatResult {
  metadata: { command: string; [key: string]: unknown };
}

const RULE_DESCRIPTIONS = new Map(builtInRules.map((rule) => [rule.id, rule.description]));
const MAX_BUTTONS = 12;

/** A fence longer than any backtick run in the text, so the text cannot close it. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

/** Streams a spec into the chat in pieces, as a Markdown code block. */
function streamSpec(stream: vscode.ChatResponseStream, markdown: string): void {
  const fence = fenceFor(markdown);
  stream.markdown(`${fence}markdown\n`);
  const lines = markdown.trimEnd().split('\n');
  for (let index = 0; index < lines.length; index += 12) stream.markdown(`${lines.slice(index, index + 12).join('\n')}\n`);
  stream.markdown(`${fence}\n`);
}

/** Markdown-safe text of a finding's message or a spec line. */
function plain(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`);
}

async function activeSpec(service: SpecService): Promise<{ editor: vscode.TextEditor; analysis: DocumentAnalysis } | undefined> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((candidate) => candidate.document.languageId === 'markdown');
  const analysis = editor && (await service.analyze(editor.document));
  return editor && analysis ? { editor, analysis } : undefined;
}

/** A spec the user attached with #file, else the active editor's. */
async function referencedSpec(service: SpecService, request: vscode.ChatRequest) {
  for (const reference of request.references) {
    const uri = reference.value instanceof vscode.Uri ? reference.value : reference.value instanceof vscode.Location ? reference.value.uri : undefined;
    if (!uri || !MARKDOWN_FILE.test(uri.path)) continue;
    const document = await vscode.workspace.openTextDocument(uri);
    const analysis = await service.analyze(document);
    if (analysis) return { document, analysis };
  }
  const active = await activeSpec(service);
  return active && { document: active.editor.document, analysis: active.analysis };
}

export class SpecwiseChat {
  constructor(private readonly service: SpecService) {}

  async handle(request: vscode.ChatRequest, _context: vscode.ChatContext, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<SpecwiseChatResult> {
    try {
      switch (request.command) {
        case 'review':
          return await this.review(request, stream, token);
        case 'template':
          return await this.template(request, stream);
        case 'translate':
          return await this.translate(request, stream, token);
        default:
          if (request.prompt.trim()) return await this.translate(request, stream, token);
          stream.markdown(
            'I turn business requests into specs and review specs the way a technical product manager does.\n\n- `/translate <request>`: a spec drafted by the model you picked, checked and repaired by the Specwise rules\n- `/review`: the open spec\'s findings explained, with fixes and rewrites to apply\n- `/template`: which template the open spec follows and what it asks for\n',
          );
          return { metadata: { command: 'help' } };
      }
    } catch (error) {
      this.service.logError(`@specwise /${request.command ?? 'translate'}`, error);
      const message = error instanceof Error ? error.message : String(error);
      return { errorDetails: { message: `Specwise could not answer: ${message}` }, metadata: { command: request.command ?? 'translate', failed: true } };
    }
  }

  /** /translate: the request drafted by the chat's model, verified by the rules; the rules alone when the model fails. */
  private async translate(request: vscode.ChatRequest, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<SpecwiseChatResult> {
    const active = await activeSpec(this.service);
    const selection = active && !active.editor.selection.isEmpty ? active.editor.document.getText(active.editor.selection) : '';
    const text = request.prompt.trim() || selection;
    if (!text) {
      stream.markdown('Give me the business request to translate, such as `@specwise /translate Finance admins should be able to export the monthly usage report as a PDF.`, or select it in a spec.');
      return { metadata: { command: 'translate', source: 'none' } };
    }
    const template = active?.analysis.result.template ?? (await newSpecTemplate(this.service));
    const settings = readSettings(active?.editor.document.uri);
    const model = languageModelChat(request.model);
    stream.progress(`${model.name} is drafting a ${template.name} spec…`);
    let markdown: string;
    let ids: string[];
    let source: 'model' | 'rules' = 'model';
    let remaining = 0;
    try {
      let written = 0;
      const translation = await translateWithModel({
        request: text,
        template,
        model,
        maxRepairRounds: settings.maxRepairRounds,
        timeoutMs: settings.modelTimeoutMs,
        signal: abortSignalOf(token),
        onProgress: (event: ModelProgress) => {
          if (event.kind === 'text') {
            const before = written;
            written += (event.chunk.match(/\n/g) ?? []).length;
            // A progress line every ten lines of draft.
            if (Math.floor(written / 10) > Math.floor(before / 10)) stream.progress(`${model.name} is writing the draft: ${written} lines…`);
          } else if (event.kind === 'request') written = 0;
          else if (event.kind === 'checked' && event.findings.length > 0 && event.round < settings.maxRepairRounds) {
            stream.markdown(`The Specwise rules found ${plural(event.findings.length, 'problem')} in draft ${event.round + 1}; ${model.name} is fixing ${event.findings.length === 1 ? 'it' : 'them'}:\n\n${event.findings.map((finding) => `- line ${finding.line}, \`${finding.ruleId}\`: ${plain(finding.message)}`).join('\n')}\n\n`);
          } else if (event.kind === 'unusable') stream.markdown(`${plain(event.reason)}; asking again.\n\n`);
        },
      });
      markdown = translation.markdown;
      ids = translation.ids;
      remaining = translation.remaining.length;
      stream.markdown(`**${translationSummary(translation).replace(/^./, (first) => first.toUpperCase())}**\n\n`);
    } catch (error) {
      if (!(error instanceof ModelFailure)) throw error;
      source = 'rules';
      stream.markdown(`${plain(fallbackMessage(error))}\n\n`);
      const byRules = await translate(text, { template });
      if (byRules.kind === 'none') {
        stream.markdown(plain(byRules.message));
        return { metadata: { command: 'translate', source: 'none' } };
      }
      markdown = byRules.markdown;
      ids = byRules.parts.ids;
    }
    streamSpec(stream, markdown);
    if (active) {
      const name = vscode.workspace.asRelativePath(active.editor.document.uri);
      stream.button({ command: 'specwise.insertTranslation', title: `Insert into ${name}`, arguments: [{ uri: active.editor.document.uri.toString(), markdown, request: text }] });
    }
    stream.button({ command: 'specwise.createSpecFile', title: 'Create Spec File', arguments: [{ markdown }] });
    return { metadata: { command: 'translate', source, ids, remaining, template: template.name } };
  }

  /** /review: findings by rule with why the rule asks for it; fixes and verified rewrites as buttons. */
  private async review(request: vscode.ChatRequest, stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<SpecwiseChatResult> {
    const spec = await referencedSpec(this.service, request);
    if (!spec) {
      stream.markdown('Open a spec (or attach one with #file) and ask again: I review the Markdown file Specwise checks.');
      return { metadata: { command: 'review', findings: 0, rewrites: 0 } };
    }
    const { document, analysis } = spec;
    const { findings, template } = analysis.result;
    const name = vscode.workspace.asRelativePath(document.uri);
    const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
    if (findings.length === 0) {
      stream.markdown(`**${plain(name)}** passes every Specwise rule for the **${template.name}** template.`);
      return { metadata: { command: 'review', findings: 0, rewrites: 0 } };
    }
    // Progress first and buttons last: the chat folds whatever streams before either.
    const { rewrites, unavailable } = await this.rewrites(request, document, template, findings, stream, token);
    stream.markdown(`**${plain(name)}**, checked against the **${template.name}** template: ${plural(findings.length, 'finding')} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info).\n\n`);
    const buttons: vscode.Command[] = [];
    const byRule = new Map<string, Finding[]>();
    for (const finding of findings) addTo(byRule, finding.ruleId, finding);
    for (const [ruleId, found] of byRule) {
      stream.markdown(`\n#### \`${ruleId}\` (${found[0].severity})\n\n${plain(RULE_DESCRIPTIONS.get(ruleId) ?? '')} [Rule documentation](${found[0].docsUrl})\n\n`);
      for (const finding of found) {
        const fix = finding.fixes[0];
        stream.markdown(`- line ${finding.start.line}: ${plain(finding.message)}${fix ? ` Fix: ${plain(fix.title)}.` : ''} `);
        stream.anchor(new vscode.Location(document.uri, new vscode.Position(finding.start.line - 1, finding.start.column - 1)), `${name}:${finding.start.line}`);
        stream.markdown('\n');
        if (fix && buttons.length < MAX_BUTTONS) {
          buttons.push({ command: 'specwise.applyFindingFix', title: `Line ${finding.start.line}: ${fix.title}`, arguments: [{ uri: document.uri.toString(), ruleId: finding.ruleId, message: finding.message, fix: fix.title }] });
        }
      }
    }
    if (unavailable) stream.markdown(`\nNo rewrites from the model: ${plain(unavailable)}.\n`);
    for (const rewrite of rewrites) {
      stream.markdown(`\n**Line ${rewrite.line}**, rewritten by ${plain(request.model.name)} and checked by the rules (fixes ${rewrite.fixes.map((rule) => `\`${rule}\``).join(', ')}):\n\n`);
      const fence = fenceFor(`${rewrite.before}\n${rewrite.after}`);
      stream.markdown(`${fence}diff\n- ${rewrite.before}\n+ ${rewrite.after}\n${fence}\n`);
      buttons.push({ command: 'specwise.applyRewrite', title: `Apply the rewrite of line ${rewrite.line}`, arguments: [{ uri: document.uri.toString(), line: rewrite.line, before: rewrite.before, after: rewrite.after }] });
    }
    for (const button of buttons) stream.button(button);
    const fixes = buttons.length - rewrites.length;
    return { metadata: { command: 'review', findings: findings.length, rules: [...byRule.keys()], fixes, rewrites: rewrites.length } };
  }

  private async rewrites(request: vscode.ChatRequest, document: vscode.TextDocument, template: Template, findings: readonly Finding[], stream: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<{ rewrites: Rewrite[]; unavailable?: string }> {
    if (!findings.some((finding) => REWORDABLE_RULES.has(finding.ruleId))) return { rewrites: [] };
    // The chat's own model: the user picked it for this conversation.
    const settings = readSettings(document.uri);
    stream.progress(`${request.model.name} is proposing rewrites of the flagged lines…`);
    try {
      return { rewrites: await proposeRewrites(languageModelChat(request.model), document.getText(), template, findings, { timeoutMs: settings.modelTimeoutMs, signal: abortSignalOf(token) }) };
    } catch (error) {
      if (!(error instanceof ModelFailure)) throw error;
      return { rewrites: [], unavailable: error.message };
    }
  }

  /** /template: the template the open spec follows, why, and what it asks for; or the one the prompt names. */
  private async template(request: vscode.ChatRequest, stream: vscode.ChatResponseStream): Promise<SpecwiseChatResult> {
    const spec = await referencedSpec(this.service, request);
    const named = request.prompt.trim();
    if (named) {
      const templates = spec?.analysis.settings.templates ?? (await this.service.settingsFor(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/new.md'), '')).templates;
      const template = templates.get(named);
      if (!template) {
        stream.markdown(`There is no template named \`${plain(named)}\`. The templates are: ${[...new Set(templates.values())].map((entry) => `\`${entry.name}\``).join(', ')}.`);
        return { metadata: { command: 'template', template: undefined } };
      }
      stream.markdown(templateMarkdown(template));
      return { metadata: { command: 'template', template: template.name } };
    }
    if (!spec) {
      const template = await newSpecTemplate(this.service);
      stream.markdown(`No spec is open. New specs here use **${template.name}**.\n\n${templateMarkdown(template)}`);
      return { metadata: { command: 'template', template: template.name } };
    }
    const { document, analysis } = spec;
    const template = analysis.result.template;
    const missing = analysis.result.analysis.match.missing.filter((section) => section.presence !== 'optional');
    // Without a configuration file, the template the settings give stands in for it.
    const source = analysis.settings.templateSource === 'config' && !analysis.settings.configFile ? 'given by the specwise.defaultTemplate setting' : templateSourceText(analysis.settings.templateSource);
    stream.markdown(`**${plain(vscode.workspace.asRelativePath(document.uri))}** follows **${template.name}**, ${source}. It counts as a spec: ${plain(analysis.settings.specReason)}.\n\n${templateMarkdown(template)}`);
    if (missing.length > 0) {
      stream.markdown(`\nIt lacks ${missing.map((section) => `**${section.title}** (${section.presence})`).join(', ')}.\n`);
      stream.button({ command: 'specwise.insertMissingSections', title: 'Insert Missing Sections' });
    }
    return { metadata: { command: 'template', template: template.name, missing: missing.map((section) => section.id) } };
  }
}

const COVERAGE: Record<string, string> = {
  'cited-ids': 'each requirement is verified by a criterion, scenario or test that cites its id',
  'story-scenarios': 'each user story carries its own acceptance scenarios',
  'own-criteria': 'each requirement block has its own numbered acceptance criteria',
  'own-scenarios': 'each requirement has at least one scenario',
  none: 'requirements need no criteria',
};

function templateMarkdown(template: Template): string {
  const rows = template.sections.map((section) => `| ${section.title} | ${section.presence} | ${section.kind} |`);
  return [
    `**${template.name}**: ${plain(template.title)}${template.description ? `. ${plain(template.description)}` : ''}`,
    '',
    '| Section | Presence | Holds |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `Verification: ${COVERAGE[template.coverage] ?? template.coverage}.`,
  ].join('\n');
}
