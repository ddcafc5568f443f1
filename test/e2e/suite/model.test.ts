import * as assert from 'node:assert/strict';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as vscode from 'vscode';
import { DEFECTIVE_DRAFT, DRAFT_DEFECTS, EXPORT_REQUEST } from '../../fixtures/model/replies.js';
import { BLOCKED_MODEL, CHATTY_MODEL, REFUSING_MODEL, registerFakeModels, SCRIPTED_MODEL, SILENT_MODEL, VENDOR, type RecordedRequest } from './fake-model.js';
import { activateSpecwise, EXTENSION_ID, readWorkspaceFile, screenshot, waitForDiagnostics, workspaceUri, writeWorkspaceFile, type SpecwiseApi } from './helpers.js';

type TranslateResult =
  | { kind: 'edits' | 'spec'; uri: string; ids: string[]; source: 'model' | 'rules'; model?: string; repairRounds?: number; remaining?: { ruleId: string }[]; fallback?: string }
  | { kind: 'none'; message: string; fallback?: string };

/** The defective draft as a spec file: what the model wrote, without its chatter. */
const DEFECTIVE_SPEC = `${DEFECTIVE_DRAFT.slice(DEFECTIVE_DRAFT.indexOf('---'), DEFECTIVE_DRAFT.lastIndexOf('```')).trimEnd()}\n`;
const SUMMARY_ONLY = '# Usage export\n\n## Summary\n\nFinance admins asked for a PDF export of the usage report.\n';

async function useModel(setting: string, timeoutSeconds?: number): Promise<void> {
  const config = vscode.workspace.getConfiguration('specwise');
  await config.update('translate.model', setting, vscode.ConfigurationTarget.Workspace);
  await config.update('translate.modelTimeout', timeoutSeconds, vscode.ConfigurationTarget.Workspace);
}

async function translateText(text: string): Promise<TranslateResult> {
  const result = await vscode.commands.executeCommand<TranslateResult>('specwise.translate', { text });
  assert.ok(result, 'the command returned a result');
  return result;
}

/** Closes a translation opened as a new untitled spec without the save prompt. */
async function discardUntitled(): Promise<void> {
  if (vscode.window.activeTextEditor?.document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Errors and warnings: what "passes the rules" excludes (info is advice). */
async function problems(api: SpecwiseApi, document: vscode.TextDocument): Promise<string[]> {
  const findings = ((await api.findings(document)) ?? []) as { ruleId: string; severity: string; message: string }[];
  return findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.ruleId}: ${finding.message}`);
}

/** A screenshot of the chat answer at full width, then the editor comes back. */
async function chatScreenshot(name: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.maximizeAuxiliaryBar');
  await screenshot(name);
  await vscode.commands.executeCommand('workbench.action.toggleMaximizedAuxiliaryBar');
}

/** Asks @specwise in a new chat with the scripted model selected; returns the result and the chat's text. */
async function askSpecwise(query: string, model = SCRIPTED_MODEL): Promise<{ result: { metadata?: Record<string, unknown>; errorDetails?: { message: string } }; transcript: string }> {
  await vscode.commands.executeCommand('workbench.action.chat.newChat');
  const result = await vscode.commands.executeCommand<{ metadata?: Record<string, unknown>; errorDetails?: { message: string } }>('workbench.action.chat.open', {
    query,
    isPartialQuery: false,
    modelSelector: { vendor: VENDOR, id: model },
    blockOnResponse: true,
  });
  assert.ok(result, `the chat answered ${query}`);
  await vscode.commands.executeCommand('workbench.action.chat.copyAll');
  return { result, transcript: await vscode.env.clipboard.readText() };
}

suite('Specwise without a language model', () => {
  suiteSetup(async () => {
    await activateSpecwise();
  });

  teardown(async () => {
    await useModel(undefined as unknown as string);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"auto" with no model offered: the rules translate, and the message says why', async () => {
    await useModel('auto');
    const result = await translateText(EXPORT_REQUEST);
    assert.equal(result.kind, 'spec', JSON.stringify(result));
    assert.equal(result.source, 'rules');
    assert.match(result.fallback ?? '', /^No language model is available \(specwise\.translate\.model is "auto"; .*\); translated with the rules instead\.$/);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /- \*\*REQ-1\*\*: /);
    await discardUntitled();
  });
});

suite('Specwise with language models', () => {
  let api: SpecwiseApi;
  let requests: RecordedRequest[];
  let registration: vscode.Disposable;

  suiteSetup(async () => {
    api = await activateSpecwise();
    ({ requests, disposable: registration } = registerFakeModels());
  });

  suiteTeardown(() => registration.dispose());

  setup(() => {
    requests.length = 0;
  });

  teardown(async () => {
    await useModel(undefined as unknown as string);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the model drafts, the rules send its defects back, and the spec it goes into passes the rules', async () => {
    await useModel(SCRIPTED_MODEL);
    const uri = await writeWorkspaceFile('specs/model.spec.md', SUMMARY_ONLY);
    const editor = await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('notifications.clearAll');
    const result = await translateText(EXPORT_REQUEST);
    assert.equal(result.kind, 'edits', JSON.stringify(result));
    assert.equal(result.source, 'model');
    assert.equal(result.model, 'Specwise Test Model');
    assert.equal(result.repairRounds, 1);
    assert.deepEqual(result.remaining, []);
    assert.deepEqual(result.ids, ['REQ-1', 'REQ-2']);

    assert.equal(requests.length, 2, 'a draft and one repair');
    assert.ok(requests[0].messages[0].text.includes('"tech-spec" template'), 'the prompt carries the template');
    assert.ok(requests[0].messages[0].text.includes('- unmeasurable-success-criterion: Each success criterion is observable'), 'and what the rules demand');
    const repair = requests[1].messages[requests[1].messages.length - 1].text;
    for (const rule of DRAFT_DEFECTS) assert.match(repair, new RegExp(`- ${rule}, line \\d+`), `the repair request carries ${rule}`);
    assert.match(repair, /unmeasurable-success-criterion, line \d+ \("- \*\*AC-2\*\*: Users are happy with exports\."\)/);
    assert.match(repair, /Requirement REQ-2 has no acceptance criterion/);
    assert.match(repair, /Missing required section 'Risks'/);

    const text = editor.document.getText();
    assert.match(text, /^# Usage export\n\n## Summary\n\nFinance admins asked for a PDF export of the usage report\.\n\n## Problem Statement\n/);
    assert.match(text, /- \*\*AC-2\*\* \(verifies REQ-2\): Given a weekly export is scheduled/);
    assert.match(text, /## Risks\n\n\| Risk \| Likelihood \| Impact \| Mitigation \| Owner \|/);
    assert.deepEqual(await problems(api, editor.document), []);
    // What the user sees: the diagnostics follow, with advice (info) at most.
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0 && diagnostics.every((diagnostic) => diagnostic.severity >= vscode.DiagnosticSeverity.Information), 'no errors or warnings');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await screenshot('model-translation');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SUMMARY_ONLY, 'one undo step');
  });

  test('no permission, a rate limit, a timeout and a reply that is no spec: each says why, and the rules translate', async () => {
    const cases: [string, number | undefined, RegExp][] = [
      [REFUSING_MODEL, undefined, /^Specwise may not use Refusing Test Model: the permission was not given; translated with the rules instead\.$/],
      [BLOCKED_MODEL, undefined, /^Blocked Test Model refused the request, usually because of a rate limit or quota \(.*Rate limit exceeded.*\); translated with the rules instead\.$/],
      [SILENT_MODEL, 1, /^Silent Test Model did not answer within 1 s; translated with the rules instead\.$/],
      [CHATTY_MODEL, undefined, /^The model's reply is not a spec: it has no Markdown headings; translated with the rules instead\.$/],
    ];
    for (const [model, timeout, message] of cases) {
      await useModel(model, timeout);
      const result = await translateText(EXPORT_REQUEST);
      assert.equal(result.kind, 'spec', `${model}: ${JSON.stringify(result)}`);
      assert.equal(result.source, 'rules', model);
      assert.match(result.fallback ?? '', message, model);
      assert.ok(requests.some((request) => request.model === model), `${model} was asked`);
      await discardUntitled();
    }
    await vscode.commands.executeCommand('notifications.showList');
    await screenshot('model-fallback-messages');
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('specwise_check and specwise_templates answer through vscode.lm.invokeTool', async () => {
    const names = vscode.lm.tools.map((tool) => tool.name);
    assert.ok(names.includes('specwise_check') && names.includes('specwise_templates'), names.join(', '));
    await writeWorkspaceFile('specs/tool.spec.md', DEFECTIVE_SPEC);
    const checked = await vscode.lm.invokeTool('specwise_check', { input: { path: 'specs/tool.spec.md' }, toolInvocationToken: undefined });
    const [summary, json] = checked.content.map((part) => (part as vscode.LanguageModelTextPart).value);
    assert.match(summary, /^\d+ findings \(0 errors, \d+ warnings, \d+ info\) in specs\/tool\.spec\.md \(template tech-spec\):/);
    const data = JSON.parse(json) as { findings: { ruleId: string; line: number; message: string; fixes: { title: string }[] }[] };
    for (const rule of DRAFT_DEFECTS) assert.ok(data.findings.some((finding) => finding.ruleId === rule), rule);
    assert.ok(data.findings.find((finding) => finding.ruleId === 'missing-section')!.fixes.length > 0, 'fixes come with the findings');

    const unsaved = await vscode.workspace.openTextDocument(workspaceUri('specs/tool.spec.md'));
    const editor = await vscode.window.showTextDocument(unsaved);
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, unsaved.lineCount, 0), SUMMARY_ONLY));
    const fromEditor = await vscode.lm.invokeTool('specwise_check', { input: { path: 'specs/tool.spec.md' }, toolInvocationToken: undefined });
    assert.ok(!JSON.parse((fromEditor.content[1] as vscode.LanguageModelTextPart).value).findings.some((finding: { ruleId: string }) => finding.ruleId === 'unmeasurable-success-criterion'), 'the editor\'s unsaved text is checked');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const templates = await vscode.lm.invokeTool('specwise_templates', { input: { name: 'kiro' }, toolInvocationToken: undefined });
    assert.match((templates.content[0] as vscode.LanguageModelTextPart).value, /^kiro: /);
    await assert.rejects(Promise.resolve(vscode.lm.invokeTool('specwise_check', { input: {}, toolInvocationToken: undefined })), /Give 'text' \(the spec's Markdown\) or 'path'/);
    await assert.rejects(Promise.resolve(vscode.lm.invokeTool('specwise_check', { input: { path: 'specs/missing.md' }, toolInvocationToken: undefined })), /Cannot read 'specs\/missing\.md'/);
  });

  test('@specwise /translate streams the verified spec with buttons to insert it or create a file', async () => {
    const uri = await writeWorkspaceFile('specs/chat-target.spec.md', SUMMARY_ONLY);
    await vscode.window.showTextDocument(uri);
    const { result, transcript } = await askSpecwise(`@specwise /translate ${EXPORT_REQUEST}`);
    assert.equal(result.errorDetails, undefined);
    assert.deepEqual(result.metadata, { command: 'translate', source: 'model', ids: ['REQ-1', 'REQ-2'], remaining: 0, template: 'tech-spec' });
    assert.match(transcript, /The Specwise rules found 3 problems in draft 1; Specwise Test Model is fixing them/);
    assert.match(transcript, /Drafted by Specwise Test Model, checked by the rules: 1 repair round, no findings left\./);
    assert.match(transcript, /Insert into specs\/chat-target\.spec\.md/);
    assert.match(transcript, /Create Spec File/);
    await chatScreenshot('chat-translate');
    const markdown = /`{3,}markdown\n([\s\S]*?)\n`{3,}/.exec(transcript)?.[1];
    assert.ok(markdown, 'the spec is in the answer');
    assert.match(markdown, /^---\ntitle: "Monthly usage report export"\n/);

    const inserted = await vscode.commands.executeCommand<{ ids: string[] }>('specwise.insertTranslation', { uri: uri.toString(), markdown: `${markdown}\n`, request: EXPORT_REQUEST });
    assert.deepEqual(inserted?.ids, ['REQ-1', 'REQ-2']);
    const document = vscode.window.activeTextEditor!.document;
    assert.match(document.getText(), /^# Usage export\n\n## Summary\n\nFinance admins asked/);
    assert.deepEqual(await problems(api, document), []);
    const created = await vscode.commands.executeCommand<vscode.Uri>('specwise.createSpecFile', { markdown: `${markdown}\n`, file: 'specs/from-chat.md' });
    assert.equal(created?.toString(), workspaceUri('specs/from-chat.md').toString());
    assert.equal(await readWorkspaceFile('specs/from-chat.md'), `${markdown}\n`);
    assert.equal(await vscode.commands.executeCommand('specwise.createSpecFile', { markdown: 'other', file: 'specs/from-chat.md' }), undefined, 'never overwrites');
  });

  test('@specwise /translate with a model that gives no spec says why and answers with the rules\' translation', async () => {
    const { result, transcript } = await askSpecwise(`@specwise /translate ${EXPORT_REQUEST}`, CHATTY_MODEL);
    assert.equal(result.errorDetails, undefined);
    assert.equal((result.metadata as { source: string }).source, 'rules');
    assert.match(transcript, /The model's reply is not a spec: it has no Markdown headings; translated with the rules instead\./);
    assert.match(transcript, /- \*\*REQ-1\*\*: /);
    assert.match(transcript, /Create Spec File/);
  });

  test('@specwise /review explains the findings, offers fixes, and a rewrite the rules verified', async () => {
    const uri = await writeWorkspaceFile('specs/review.spec.md', DEFECTIVE_SPEC);
    const editor = await vscode.window.showTextDocument(uri);
    const { result, transcript } = await askSpecwise('@specwise /review');
    assert.equal(result.errorDetails, undefined);
    const metadata = result.metadata as { command: string; findings: number; rules: string[]; fixes: number; rewrites: number };
    assert.equal(metadata.command, 'review');
    for (const rule of DRAFT_DEFECTS) assert.ok(metadata.rules.includes(rule), rule);
    assert.ok(metadata.fixes > 0);
    assert.equal(metadata.rewrites, 1);
    assert.match(transcript, /specs\/review\.spec\.md\*\*, checked against the \*\*tech-spec\*\* template: \d+ findings/);
    assert.match(transcript, /#### `unmeasurable-success-criterion` \(warning\)/);
    assert.match(transcript, /Insert section 'Risks'/);
    assert.match(transcript, /\+ - \*\*AC-2\*\*: Given a finance admin exports the monthly report, when the PDF opens, then it shows every usage figure/);
    assert.match(transcript, /Apply the rewrite of line \d+/);
    const rewriteRequest = requests.find((request) => request.messages[0].text.startsWith('These lines of a Markdown spec fail the checks'));
    assert.ok(rewriteRequest, 'the model was asked for rewrites');
    await chatScreenshot('chat-review');

    const line = editor.document.getText().split('\n').indexOf('- **AC-2**: Users are happy with exports.') + 1;
    const after = '- **AC-2**: Given a finance admin exports the monthly report, when the PDF opens, then it shows every usage figure of the month within 10 seconds.';
    assert.equal(await vscode.commands.executeCommand('specwise.applyRewrite', { uri: uri.toString(), line, before: '- **AC-2**: Users are happy with exports.', after }), true);
    assert.equal(editor.document.lineAt(line - 1).text, after);
    assert.equal(await vscode.commands.executeCommand('specwise.applyFindingFix', { uri: uri.toString(), ruleId: 'missing-section', message: "Missing required section 'Risks' (or 'Risks and Mitigations', 'Risk Assessment', 'Risks and Mitigation') of template 'tech-spec'.", fix: "Insert section 'Risks'" }), true);
    assert.match(editor.document.getText(), /\n## Risks\n/);
    assert.ok(!(await problems(api, editor.document)).some((problem) => problem.startsWith('unmeasurable-success-criterion')));
  });

  test('@specwise /template says which template the open spec follows and what it asks for', async () => {
    const uri = await writeWorkspaceFile('specs/template.spec.md', SUMMARY_ONLY);
    await vscode.window.showTextDocument(uri);
    const { result, transcript } = await askSpecwise('@specwise /template');
    assert.equal((result.metadata as { template: string }).template, 'tech-spec');
    assert.ok(((result.metadata as { missing: string[] }).missing).includes('risks'));
    assert.match(transcript, /specs\/template\.spec\.md\*\* follows \*\*tech-spec\*\*, given by the specwise\.defaultTemplate setting\. It counts as a spec: in a default spec folder/);
    assert.match(transcript, /\| Risks \| required \| risks \|/);
    assert.match(transcript, /Insert Missing Sections/);
  });

  test('the MCP server the extension ships answers an MCP client', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.join(extension.extensionPath, 'dist', 'mcp-server.cjs')],
      cwd: folder,
      env: { ...(process.env as Record<string, string>), ELECTRON_RUN_AS_NODE: '1' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'specwise-e2e', version: '1.0.0' });
    await client.connect(transport);
    try {
      assert.deepEqual((await client.listTools()).tools.map((tool) => tool.name), ['check', 'trace', 'translate', 'templates']);
      const result = (await client.callTool({ name: 'check', arguments: { path: 'specs/draft.spec.md' } })) as unknown as { structuredContent: { findings: { ruleId: string }[] } };
      assert.ok(result.structuredContent.findings.some((finding) => finding.ruleId === 'vague-term'));
      const traced = (await client.callTool({ name: 'trace', arguments: { paths: ['trace-demo'], gapsOnly: true } })) as unknown as { structuredContent: { features: { name: string; requirements: { id: string; gaps: string[] }[] }[] } };
      const feature = traced.structuredContent.features.find((entry) => entry.name === '003-export');
      assert.ok(feature && feature.requirements.length > 0 && feature.requirements.every((row) => row.gaps.length > 0), JSON.stringify(traced.structuredContent).slice(0, 500));
    } finally {
      await client.close();
    }
  });
});
