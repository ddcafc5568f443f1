import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateSpecwise,
  metrics,
  openSpec,
  readWorkspaceFile,
  ruleOf,
  screenshot,
  specwiseDiagnostics,
  waitForDiagnostics,
  workspaceUri,
  writeWorkspaceFile,
  type SpecwiseApi,
} from './helpers.js';

const DRAFT = 'specs/draft.spec.md';

/** What "Translate Requirement to Spec" returns. */
type TranslateResult = { kind: 'edits' | 'spec'; uri: string; ids: string[] } | { kind: 'none'; message: string };
const has = (rule: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((diagnostic) => ruleOf(diagnostic) === rule);

suite('Specwise in VS Code', () => {
  let api: SpecwiseApi;

  suiteSetup(async () => {
    api = await activateSpecwise();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('activation only registers, and reports how long it took', () => {
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, String(api.activationMs));
    metrics.activationMs = api.activationMs;
  });

  test('diagnostics appear on a spec with rule ids, ranges, severities and docs links', async () => {
    const editor = await openSpec(DRAFT);
    const diagnostics = await waitForDiagnostics(editor.document.uri, has('vague-term'), 'vague-term');
    const rules = new Set(diagnostics.map(ruleOf));
    for (const rule of ['missing-section', 'requirement-without-acceptance', 'escape-clause', 'risk-without-mitigation', 'dependency-without-owner', 'unresolved-placeholder']) {
      assert.ok(rules.has(rule), `expected ${rule}; got ${[...rules].join(', ')}`);
    }
    const fast = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'vague-term' && editor.document.getText(diagnostic.range) === 'fast');
    assert.ok(fast, 'the vague-term finding covers exactly the word "fast"');
    assert.equal(fast.range.start.line, 17);
    assert.equal(fast.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(fast.source, 'specwise');
    const code = fast.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/vague-term\.md$/);
    const escape = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'escape-clause');
    assert.equal(escape?.severity, vscode.DiagnosticSeverity.Warning);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('diagnostics');
  });

  test('a plain README gets no diagnostics', async () => {
    const editor = await openSpec('README.md');
    assert.equal(await api.findings(editor.document), undefined);
    assert.deepEqual(specwiseDiagnostics(editor.document.uri), []);
  });

  test('editing updates diagnostics, and closing the spec clears them', async () => {
    const editor = await openSpec(DRAFT);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('vague-term'), 'initial findings');
    const line = editor.document.lineAt(17);
    const at = line.text.indexOf('fast and ');
    await editor.edit((edit) => edit.replace(new vscode.Range(17, at, 17, at + 'fast and '.length), 'under 10 s at p95 and '));
    await waitForDiagnostics(uri, (diagnostics) => !diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'vague-term' && diagnostic.range.start.line === 17), 'the vague term to go away');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, has('vague-term'), 'the vague term to come back');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0, 'diagnostics to clear on close');
  });

  test('quick fixes change the text, the finding goes away, and undo restores the original exactly', async () => {
    const editor = await openSpec(DRAFT);
    const document = editor.document;
    const original = document.getText();
    const diagnostics = await waitForDiagnostics(document.uri, has('missing-section'), 'missing-section');
    const missing = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'missing-section' && diagnostic.message.includes("'Problem Statement'"))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missing.range);
    const insert = actions.find((action) => action.title === "Insert section 'Problem Statement'");
    assert.ok(insert?.edit, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    assert.match(document.getText(), /\n## Problem Statement\n\nTBD: who has the problem/);
    await waitForDiagnostics(document.uri, (current) => !current.some((diagnostic) => diagnostic.message.includes("'Problem Statement'")), 'the missing section to be found');

    const risk = specwiseDiagnostics(document.uri).find((diagnostic) => ruleOf(diagnostic) === 'risk-without-mitigation')!;
    const riskActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, risk.range);
    const mitigation = riskActions.find((action) => action.title === "Add 'Mitigation' to this item")!;
    assert.ok(mitigation.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(mitigation.edit!));
    assert.match(document.getText(), /5,000 projects\.\n {2}- Mitigation: TBD/);
    await waitForDiagnostics(document.uri, (current) => !has('risk-without-mitigation')(current), 'the risk finding to go away');

    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
  });

  test('source.fixAll.specwise on save applies the safe fixes', async () => {
    const text = '# Fix on save\n\n## Risks\n\n- The renderer may time out.\n';
    const uri = await writeWorkspaceFile('specs/fix-on-save.spec.md', text);
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, has('risk-without-mitigation'), 'the risk finding');
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', { 'source.fixAll.specwise': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 15), ''));
      await editor.edit((edit) => edit.insert(editor.document.lineAt(0).range.end, ' '));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const saved = await readWorkspaceFile('specs/fix-on-save.spec.md');
      assert.match(saved, /- The renderer may time out\.\n {2}- Mitigation: TBD/);
      assert.match(saved, /## Problem Statement/);
    } finally {
      await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  test('changing .specwise.json re-checks open specs; an invalid config is reported and specs stay checked', async () => {
    const editor = await openSpec(DRAFT);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('vague-term'), 'initial findings');
    const config = await writeWorkspaceFile('.specwise.json', JSON.stringify({ rules: { 'vague-term': 'error' } }));
    try {
      await waitForDiagnostics(uri, (diagnostics) => diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'vague-term' && diagnostic.severity === vscode.DiagnosticSeverity.Error), 'vague-term as an error');
      await writeWorkspaceFile('.specwise.json', JSON.stringify({ template: 'rfc' }));
      await waitForDiagnostics(uri, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.message.includes("'Motivation'")), 'the rfc template');
      await writeWorkspaceFile('.specwise.json', '{\n  "rules": { "vauge-term": "warning" }\n}\n');
      const configDiagnostics = await waitForDiagnostics(config, (diagnostics) => diagnostics.some((diagnostic) => /vauge-term/.test(diagnostic.message)), 'the unknown rule in the config file');
      assert.match(configDiagnostics[0].message, /Unknown property 'vauge-term'/);
      assert.equal(configDiagnostics[0].range.start.line, 1);
      await screenshot('invalid-config');
      assert.ok(specwiseDiagnostics(uri).length > 0, 'the spec is still checked');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'vague-term' && diagnostic.severity === vscode.DiagnosticSeverity.Information), 'defaults again');
  });

  test('"New Spec from Template" creates the file and never overwrites it', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('specwise.newSpec', { template: 'prd', file: 'specs/new-prd.md' });
    assert.equal(created?.toString(), workspaceUri('specs/new-prd.md').toString());
    const text = await readWorkspaceFile('specs/new-prd.md');
    assert.match(text, /^---\ntitle: "New prd"\ntemplate: prd\n/);
    await vscode.workspace.fs.writeFile(workspaceUri('specs/new-prd.md'), new TextEncoder().encode('kept\n'));
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('specwise.newSpec', { template: 'prd', file: 'specs/new-prd.md' });
    assert.equal(again, undefined);
    assert.equal(await readWorkspaceFile('specs/new-prd.md'), 'kept\n');
  });

  test('"Check All Specs in Workspace" fills diagnostics for unopened files', async () => {
    const unopened = workspaceUri('specs/unopened.spec.md');
    assert.deepEqual(specwiseDiagnostics(unopened), []);
    const result = await vscode.commands.executeCommand<{ files: number; findings: number }>('specwise.checkWorkspace');
    assert.ok(result && result.files >= 3, JSON.stringify(result));
    assert.ok(has('missing-section')(specwiseDiagnostics(unopened)));
    assert.deepEqual(specwiseDiagnostics(workspaceUri('README.md')), []);
  });

  test('"Translate Requirement to Spec" inserts the generated sections at their template positions', async () => {
    const uri = await writeWorkspaceFile('specs/translate.spec.md', '# Export\n\n## Summary\n\nFinance admins export the monthly report.\n');
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, has('missing-section'), 'the sections to be missing');
    const result = await vscode.commands.executeCommand<TranslateResult>('specwise.translate', {
      text: 'Customers should be able to export their monthly reports quickly, including charts, and share them with their finance team.',
    });
    assert.equal(result?.kind, 'edits', JSON.stringify(result));
    assert.deepEqual(result.kind === 'edits' && result.ids, ['REQ-1', 'REQ-2', 'NFR-1']);
    const text = editor.document.getText();
    assert.match(text, /## Summary\n\nFinance admins export the monthly report\.\n/);
    assert.match(text, /## Requirements\n\n- \*\*REQ-1\*\*: The system shall allow customers to export their monthly reports, including charts\./);
    assert.match(text, /## Success Criteria\n\n- \*\*AC-1\*\* \(verifies REQ-1\): Given /);
    await waitForDiagnostics(uri, (diagnostics) => !has('missing-section')(diagnostics) && !has('requirement-without-acceptance')(diagnostics), 'the template to be complete');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '# Export\n\n## Summary\n\nFinance admins export the monthly report.\n');
  });

  test('translating a selection into an existing spec applies at once, continues the ids, fills the existing tables, and one undo restores it', async () => {
    assert.equal(vscode.workspace.getConfiguration('specwise').get('translate.preview'), false, 'the preview is off by default');
    const request = 'Store managers should be able to see low-stock alerts on their phones quickly, even when the store Wi-Fi is down, and reorder from the supplier portal with one tap.';
    const original = (await readWorkspaceFile('specs/complete.spec.md')).replace('## Problem Statement', `> Request from store operations: ${request}\n\n## Problem Statement`);
    const uri = await writeWorkspaceFile('specs/translate-into.spec.md', original);
    const editor = await vscode.window.showTextDocument(uri);
    await api.findings(editor.document);
    const tablesBefore = (original.match(/^\| --- /gm) ?? []).length;
    await vscode.commands.executeCommand('notifications.clearAll');
    const start = editor.document.positionAt(original.indexOf(request));
    editor.selection = new vscode.Selection(start, start.translate(0, request.length));

    const result = await vscode.commands.executeCommand<TranslateResult>('specwise.translate');
    assert.equal(result?.kind, 'edits', JSON.stringify(result));
    assert.deepEqual(result.kind === 'edits' && result.ids, ['REQ-5', 'REQ-6', 'NFR-1', 'NFR-2', 'NFR-3']);
    const text = editor.document.getText();
    assert.match(text, /- \*\*REQ-4\*\*: The checkout page shall meet WCAG 2\.2 AA\.\n- \*\*REQ-5\*\*: While the store Wi-Fi is down, the system shall show store managers low-stock alerts on their phones\.\n- \*\*REQ-6\*\*: /);
    assert.match(text, /\| SC-4 \|[^\n]*\n\| SC-5 \| Given the store Wi-Fi is down, /);
    assert.equal((text.match(/^\| --- /gm) ?? []).length, tablesBefore, 'no second table');
    assert.match(text, /\| Decline reason codes from the payment provider \|[^\n]*\n\| Supplier portal \(/);
    assert.match(text, /\| A\/B test starts \|[^\n]*\n\| Design review: Show low-stock alerts \|/);
    assert.match(text, /\| Single page slows down on low-end Android devices \|[^\n]*\n\| The supplier portal is unavailable or changes its interface \|/);
    const diagnostics = await waitForDiagnostics(uri, (current) => current.length > 0 && current.every((diagnostic) => ruleOf(diagnostic) === 'unresolved-placeholder'), 'only the clarification markers');
    assert.ok(diagnostics.every((diagnostic) => /NEEDS CLARIFICATION/.test(editor.document.getText(diagnostic.range))), 'no duplicate ids, no other findings');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const added = editor.document.positionAt(text.indexOf('- **REQ-5**'));
    editor.revealRange(new vscode.Range(added, added), vscode.TextEditorRevealType.AtTop);
    await screenshot('translate-into-spec');
    const tables = editor.document.positionAt(text.indexOf('## Risks'));
    editor.revealRange(new vscode.Range(tables, tables), vscode.TextEditorRevealType.AtTop);
    await screenshot('translate-into-spec-tables');

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  test('translating text that holds no requirement says so and changes nothing', async () => {
    const original = '# Launch notes\n\n## Summary\n\nGreat work on the launch, everyone.\n';
    const uri = await writeWorkspaceFile('specs/translate-none.spec.md', original);
    const editor = await vscode.window.showTextDocument(uri);
    await api.findings(editor.document);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('notifications.clearAll');
    const sentence = 'Great work on the launch, everyone.';
    const start = editor.document.positionAt(original.indexOf(sentence));
    editor.selection = new vscode.Selection(start, start.translate(0, sentence.length));
    const result = await vscode.commands.executeCommand<TranslateResult>('specwise.translate');
    assert.equal(result?.kind, 'none', JSON.stringify(result));
    assert.match(result.kind === 'none' ? result.message : '', /^No requirement found, nothing translated: /);
    assert.equal(editor.document.getText(), original);
    assert.equal(editor.document.isDirty, false);
    // The notification list shows the message whole, not a toast still fading in.
    await vscode.commands.executeCommand('notifications.showList');
    await screenshot('translate-no-requirement');
    await vscode.commands.executeCommand('notifications.hideList');
  });

  test('snippets come as completions after "spec-" and expand', async () => {
    const uri = await writeWorkspaceFile('notes.md', 'spec-');
    const editor = await vscode.window.showTextDocument(uri);
    const end = editor.document.lineAt(0).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, end, '-');
    const row = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'spec-risk-row');
    assert.ok(row, 'the risk row snippet is offered');
    assert.ok(await editor.insertSnippet(row.insertText as vscode.SnippetString, row.range as vscode.Range));
    assert.equal(editor.document.getText(), '| Risk | Low | Low | Mitigation | Owner |');
  });
});
