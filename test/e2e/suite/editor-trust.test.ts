// The editor as a TPM uses it: every click does what it says, explains itself and can be undone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateSpecwise,
  eventually,
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

const has = (rule: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((diagnostic) => ruleOf(diagnostic) === rule);
const problems = (uri: vscode.Uri) => specwiseDiagnostics(uri).filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning).length;
/** A tooltip's Markdown source as the reader sees it: escapes removed. */
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function codeAction(uri: vscode.Uri, range: vscode.Range, title: string | RegExp): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
  const action = actions.find((candidate) => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
  assert.ok(action, `no action ${title}; got ${actions.map((candidate) => candidate.title).join(' | ')}`);
  return action;
}

async function deleteIfThere(relative: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(workspaceUri(relative));
  } catch {
    // Not there.
  }
}

suite('The editor as a TPM uses it', () => {
  let api: SpecwiseApi;

  suiteSetup(async () => {
    api = await activateSpecwise();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"Rewrite as a Given/When/Then scenario" keeps the criterion id in front and lands on the first blank', async () => {
    const uri = await writeWorkspaceFile('specs/gwt.spec.md', '# Export\n\n## Requirements\n\n- **REQ-1**: The system shall export the report as a PDF.\n\n## Success Criteria\n\n- SC-3: Admins are happy with exports\n');
    const editor = await vscode.window.showTextDocument(uri);
    const [finding] = (await waitForDiagnostics(uri, has('unmeasurable-success-criterion'), 'the unmeasurable criterion')).filter((diagnostic) => ruleOf(diagnostic) === 'unmeasurable-success-criterion');
    const rewrite = await codeAction(uri, finding.range, 'Rewrite as a Given/When/Then scenario');
    assert.ok(await vscode.workspace.applyEdit(rewrite.edit!));
    assert.equal(editor.document.lineAt(8).text, '- SC-3: Given TBD, when TBD, then Admins are happy with exports');
    assert.equal(editor.document.getText(editor.selection), 'TBD', 'the cursor selects the first blank to fill in');
    await waitForDiagnostics(uri, (diagnostics) => !has('unmeasurable-success-criterion')(diagnostics) && !has('undefined-requirement-reference')(diagnostics), 'the criterion to be measurable, and SC-3 no reference');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.lineAt(8).text, '- SC-3: Admins are happy with exports');
  });

  test('every Markdown file has a status item: a spec outside the default folders is checked, other files say why they are not', async () => {
    const spec = await writeWorkspaceFile('docs/payments-tech-spec.md', '# Payments\n\n## Summary\n\nCard payments for the EU store.\n\n## Requirements\n\n- **REQ-1**: The checkout shall accept cards fast.\n');
    await vscode.window.showTextDocument(spec);
    await waitForDiagnostics(spec, has('vague-term'), 'findings on a spec outside specs/');
    const specStatus = await eventually(() => api.status(), (status) => status?.text.startsWith('$(checklist) Spec:') === true, 'the spec status');
    assert.match(plain(specStatus!.tooltip), /\*-spec\.md/, 'the tooltip says why it is a spec');

    const notes = await writeWorkspaceFile('docs/meeting-notes.md', '# Meeting notes\n\nWe agreed to ship the export fast.\n');
    await vscode.window.showTextDocument(notes);
    const status = await eventually(() => api.status(), (current) => current?.text === '$(circle-slash) Not a spec', 'the not-a-spec status');
    assert.match(plain(status!.tooltip), /not in a spec folder, not named like a spec, no front matter, no configuration/);
    assert.equal(status!.command, 'specwise.specActions');
    assert.deepEqual(specwiseDiagnostics(notes), []);
    await screenshot('status-not-a-spec');

    await vscode.commands.executeCommand('specwise.specActions', 'check');
    await waitForDiagnostics(notes, has('missing-section'), 'findings once checked on request');
    const checked = await eventually(() => api.status(), (current) => current?.text.startsWith('$(checklist) Spec:') === true, 'the spec status');
    assert.match(plain(checked!.tooltip), /checked on request in this session/);
    assert.equal(await readWorkspaceFile('docs/meeting-notes.md'), '# Meeting notes\n\nWe agreed to ship the export fast.\n', 'nothing written');
  });

  test('"Add Front Matter" makes a file a spec in one edit that undo takes back', async () => {
    const original = '# Design notes\n\nThe importer shall reject files fast.\n';
    const uri = await writeWorkspaceFile('docs/design-notes.md', original);
    const editor = await vscode.window.showTextDocument(uri);
    await eventually(() => api.status(), (current) => current?.text === '$(circle-slash) Not a spec', 'the not-a-spec status');
    await vscode.commands.executeCommand('specwise.specActions', 'front-matter');
    assert.equal(editor.document.getText(), `---\ntemplate: tech-spec\n---\n\n${original}`);
    await waitForDiagnostics(uri, has('missing-section'), 'the file checked as a tech spec');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0, 'no findings once undone');
  });

  test('"Add to Configuration" names the file in an override and keeps the default folders', async () => {
    const uri = await writeWorkspaceFile('docs/vendor-plan.md', '# Vendor plan\n\n## Requirements\n\n- **REQ-1**: The vendor shall deliver the API fast.\n');
    await vscode.window.showTextDocument(uri);
    try {
      await vscode.commands.executeCommand('specwise.specActions', 'configuration');
      const config = await readWorkspaceFile('.specwise.jsonc');
      assert.doesNotMatch(config, /\$schema/, 'no remote schema: the bundled one validates the file');
      assert.match(config, /"overrides": \[\s*\{\s*"files": \[\s*"docs\/vendor-plan\.md"\s*\],\s*"template": "tech-spec"\s*\}\s*\]/);
      await waitForDiagnostics(uri, has('vague-term'), 'the file checked');
      const draft = await openSpec('specs/draft.spec.md');
      await waitForDiagnostics(draft.document.uri, has('vague-term'), 'specs/ still checked');
    } finally {
      await deleteIfThere('.specwise.jsonc');
    }
  });

  test('Show Spec Health and Insert Missing Sections offer the same choices on a file that is not a spec', async () => {
    const uri = await writeWorkspaceFile('docs/launch-brief.md', '# Launch brief\n\n## Summary\n\nThe export ships in March.\n');
    await vscode.window.showTextDocument(uri);
    await eventually(() => api.status(), (current) => current?.text === '$(circle-slash) Not a spec', 'the not-a-spec status');
    const health = vscode.commands.executeCommand<string | undefined>('specwise.showHealth');
    await settle(1500);
    await screenshot('health-offers-choices');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.match((await health) ?? '', /Spec Health: docs\/launch-brief\.md/, 'checked, then its health shown');

    const other = await writeWorkspaceFile('docs/launch-brief-2.md', '# Launch brief\n\n## Summary\n\nThe export ships in March.\n');
    const otherEditor = await vscode.window.showTextDocument(other);
    await eventually(() => api.status(), (current) => current?.text === '$(circle-slash) Not a spec', 'the not-a-spec status');
    const inserted = vscode.commands.executeCommand<number>('specwise.insertMissingSections');
    await settle(1500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await settle(1500);
    await screenshot('insert-sections-offers-recommended');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await inserted, 6, 'the six missing required sections, picked by default');
    assert.match(otherEditor.document.getText(), /## Problem Statement/);
    assert.doesNotMatch(otherEditor.document.getText(), /## Timeline/, 'recommended ones only when picked');
  });

  test('Insert Missing Sections adds recommended sections too, without adding warnings', async () => {
    const uri = await writeWorkspaceFile('specs/sections.spec.md', '# Export\n\n## Summary\n\nFinance admins export the monthly report.\n');
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, has('missing-section'), 'missing sections');
    const before = problems(uri);
    assert.equal(await vscode.commands.executeCommand<number>('specwise.insertMissingSections', { sections: 'all' }), 11);
    assert.match(editor.document.getText(), /## Timeline[\s\S]*## Open Questions/);
    assert.equal(editor.document.getText(editor.selection), 'TBD', 'the cursor lands on the first blank');
    await waitForDiagnostics(uri, (diagnostics) => !has('missing-section')(diagnostics), 'no section missing');
    assert.ok(problems(uri) <= before, `${problems(uri)} warnings and errors after, ${before} before`);
    assert.ok(specwiseDiagnostics(uri).every((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Information));
    const status = await eventually(() => api.status(), (current) => current?.text.includes('to fill in') === true, 'the to-fill-in status');
    assert.doesNotMatch(status!.text, /warning/);
  });

  test('a new spec from each kind of template starts with no warnings, only placeholders to fill in', async () => {
    for (const template of ['tech-spec', 'prd', 'spec-kit', 'kiro']) {
      const file = `specs/fresh-${template}.md`;
      const uri = await vscode.commands.executeCommand<vscode.Uri>('specwise.newSpec', { template, file });
      assert.ok(uri, template);
      const diagnostics = await waitForDiagnostics(uri, (current) => current.length > 0, `${template}: its placeholders`);
      assert.deepEqual(
        diagnostics.filter((diagnostic) => diagnostic.severity !== vscode.DiagnosticSeverity.Information).map((diagnostic) => `${ruleOf(diagnostic)}: ${diagnostic.message}`),
        [],
        template,
      );
      assert.ok(diagnostics.every((diagnostic) => /^To fill in:/.test(diagnostic.message)), template);
      const status = await eventually(() => api.status(), (current) => /to fill in$/.test(current?.text ?? ''), `${template}: the status`);
      assert.match(status!.text, /^\$\(checklist\) Spec: \d+ to fill in$/);
      if (template === 'tech-spec') await screenshot('new-spec-to-fill-in');
    }
  });

  test('quick fixes land on their first blank, never raise the warning count, and undo restores', async () => {
    const editor = await openSpec('specs/draft.spec.md');
    const { uri } = editor.document;
    const original = editor.document.getText();
    const diagnostics = await waitForDiagnostics(uri, has('requirement-without-acceptance'), 'an unverified requirement');
    const before = problems(uri);
    const unverified = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'requirement-without-acceptance' && diagnostic.message.includes('REQ-3'))!;
    const add = await codeAction(uri, unverified.range, /^Add an acceptance criterion for REQ-3/);
    assert.ok(await vscode.workspace.applyEdit(add.edit!));
    assert.match(editor.document.getText(), /- Given TBD, when TBD, then TBD \(verifies REQ-3\)\./);
    assert.equal(editor.document.getText(editor.selection), 'TBD');
    assert.ok(editor.visibleRanges.some((range) => range.contains(editor.selection.active)), 'the inserted text is in view');
    await waitForDiagnostics(uri, (current) => !current.some((diagnostic) => diagnostic.message.includes('Requirement REQ-3 has no acceptance')), 'REQ-3 covered');
    assert.ok(problems(uri) < before, `${problems(uri)} after, ${before} before`);

    const risk = specwiseDiagnostics(uri).find((diagnostic) => ruleOf(diagnostic) === 'risk-without-mitigation')!;
    const mitigation = await codeAction(uri, risk.range, "Add 'Mitigation' to this item");
    const beforeMitigation = problems(uri);
    assert.ok(await vscode.workspace.applyEdit(mitigation.edit!));
    await waitForDiagnostics(uri, (current) => !has('risk-without-mitigation')(current), 'the risk mitigated');
    assert.ok(problems(uri) <= beforeMitigation, `${problems(uri)} after, ${beforeMitigation} before`);

    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  test('"Check All Specs in Workspace" skips binary files like the CLI, names specs only, sums up, and keeps findings when editors close', async () => {
    const binary = workspaceUri('specs/binary.md');
    await vscode.workspace.fs.writeFile(binary, Uint8Array.from([0x23, 0x20, 0x00, 0x01, 0x02, 0x0a]));
    try {
      await vscode.commands.executeCommand('notifications.clearAll');
      const result = await vscode.commands.executeCommand<{ files: number; skipped: { file: string; reason: string }[]; summary: string }>('specwise.checkWorkspace');
      assert.deepEqual(result.skipped, [{ file: 'specs/binary.md', reason: 'binary file (contains NUL bytes)' }]);
      assert.match(result.summary, /^\d+ specs · \d+ errors? · \d+ warnings? · \d+ trace gaps? · 1 skipped$/);
      assert.ok(!specwiseDiagnostics(binary).some((diagnostic) => ruleOf(diagnostic) === 'missing-section'), 'no findings on a binary file');
      assert.deepEqual(specwiseDiagnostics(workspaceUri('README.md')), []);
      await vscode.commands.executeCommand('notifications.showList');
      await screenshot('check-all-summary');
      await vscode.commands.executeCommand('notifications.hideList');

      const unopened = workspaceUri('specs/unopened.spec.md');
      const count = specwiseDiagnostics(unopened).length;
      assert.ok(count > 0);
      await vscode.window.showTextDocument(unopened);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await settle(1000);
      assert.equal(specwiseDiagnostics(unopened).length, count, 'findings stay after the editor closes');
    } finally {
      await vscode.workspace.fs.delete(binary);
    }
  });

  test('a broken configuration shows in the status item, with a suggestion and no CLI advice', async () => {
    const config = await writeWorkspaceFile('.specwise.json', '{\n  "rules": { "vauge-term": "warning" }\n}\n');
    try {
      const editor = await openSpec('specs/draft.spec.md');
      const [error] = await waitForDiagnostics(config, (diagnostics) => diagnostics.length > 0, 'the config error');
      assert.match(error.message, /Did you mean 'vague-term'\?/);
      assert.doesNotMatch(error.message, /--help/);
      await vscode.window.showTextDocument(editor.document);
      const status = await eventually(() => api.status(), (current) => current?.text.includes('config error') === true, 'the config error in the status item');
      assert.match(status!.text, /^\$\(warning\) Spec: /);
      assert.match(plain(status!.tooltip), /Did you mean 'vague-term'\?/);
      assert.match(status!.tooltip, /command:specwise\.openConfiguration/);
      await screenshot('status-config-error');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
  });

  test('offline: Open Configuration writes no remote schema, and rule docs open from the extension', async () => {
    await deleteIfThere('.specwise.jsonc');
    await openSpec('specs/draft.spec.md');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specwise.openConfiguration');
    try {
      const text = await readWorkspaceFile('.specwise.jsonc');
      assert.doesNotMatch(text, /\$schema|https?:\/\/raw/);
      // The manifest's jsonValidation entry associates the bundled schema (unit-tested); no URL to fetch.
      const manifest = vscode.extensions.getExtension('specwise.specwise')!.packageJSON as { contributes: { jsonValidation: { fileMatch: string | string[]; url: string }[] } };
      assert.ok(manifest.contributes.jsonValidation.some((entry) => [entry.fileMatch].flat().includes('.specwise.jsonc') && entry.url.startsWith('./')));
      assert.ok(uri);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteIfThere('.specwise.jsonc');
    }
    const shown = await vscode.commands.executeCommand<string>('specwise.showDocumentation', 'vague-term', 'https://example.invalid/vague-term.md');
    assert.equal(shown, 'preview', 'the page shipped in the extension, not the web page');
    const tab = await eventually(() => vscode.window.tabGroups.activeTabGroup.activeTab, (active) => active?.input instanceof vscode.TabInputWebview, 'the preview tab');
    assert.equal(tab!.label, 'Preview vague-term.md');
    // The first webview of a session waits for its service worker before it paints.
    await settle(5000);
    await screenshot('rule-docs');
  });

  test('the requirement hover quotes the requirement as written and names the criteria that cover it', async () => {
    const text = [
      '# Export',
      '',
      '## Requirements',
      '',
      '- **REQ-1**: When an admin clicks "Export all", the system shall export every report of the\u00a0month as one ZIP file.',
      '',
      '## Success Criteria',
      '',
      '- SC-1 (verifies REQ-1): 95% of "Export all" runs finish within 30 s.',
      '- SC-2 (verifies REQ-1): The ZIP holds one PDF per report.',
      '',
    ].join('\n');
    const uri = await writeWorkspaceFile('specs/hover.spec.md', text);
    const editor = await vscode.window.showTextDocument(uri);
    await api.findings(editor.document);
    const position = editor.document.positionAt(text.indexOf('REQ-1)') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const value = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    assert.match(value, /"Export all"/, 'quoted words kept');
    assert.doesNotMatch(value, /&nbsp;|\u00a0/, 'no non-breaking spaces to break words');
    assert.match(value, /Covered by \*\*SC-1\*\* \(line 9\), \*\*SC-2\*\* \(line 10\)/);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.showHover');
    await settle(800);
    await screenshot('hover');
  });

  test('typing "spec-" offers the snippets at once, and spec-requirement suggests the next free id', async () => {
    const complete = await readWorkspaceFile('specs/complete.spec.md');
    const uri = await writeWorkspaceFile('specs/snippets.spec.md', `${complete}\n`);
    const editor = await vscode.window.showTextDocument(uri);
    await api.findings(editor.document);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: 'spec-' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, editor.selection.active, '-');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).filter((label) => label.startsWith('spec-'));
    assert.equal(labels.filter((label) => label === 'spec-requirement').length, 1, 'offered once');
    const requirement = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'spec-requirement')!;
    assert.match((requirement.insertText as vscode.SnippetString).value, /\*\*\$\{1:REQ\}-\$\{2:5\}\*\*/);
    await vscode.commands.executeCommand('type', { text: 'requirement' });
    await screenshot('snippet-suggestions');
    await eventually(
      async () => {
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        return editor.document.getText();
      },
      (current) => current.includes('- **REQ-5**: The system shall response.'),
      'the suggestion to insert the next id',
    );
  });

  test('Show Spec Health from the Welcome page (no editor) shows every spec, with clickable lines and findings by rule', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'specwise.specwise#specwise.firstSpec', false);
    await settle(1000);
    assert.equal(vscode.window.activeTextEditor, undefined, 'the Welcome page is active');
    const html = await vscode.commands.executeCommand<string>('specwise.showHealth');
    assert.match(html, /<h1>Spec Health: workspace<\/h1>/);
    assert.match(html, /specs\/draft\.spec\.md/);
    assert.match(html, /href="command:specwise\.revealLine\?/);
    assert.match(html, /Findings by rule/);
    assert.match(html, /not used \(optional\)/);
    await settle(500);
    await screenshot('health-view');
  });

  test('the outline lists requirement ids, risks and dependencies by name and leaves headings to Markdown', async () => {
    const editor = await openSpec('specs/complete.spec.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const flat = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((symbol) => [symbol, ...flat(symbol.children)]);
    const names = flat(symbols).map((symbol) => symbol.name);
    assert.ok(names.filter((name) => name === 'Requirements').length <= 1, 'no second Requirements heading: Specwise lists no headings');
    for (const name of ['REQ-1', 'REQ-4', 'Address validation API v2', 'Single page slows down on low-end Android devices']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    assert.ok(!names.some((name) => name.includes('|')), 'no raw table text');
    await vscode.commands.executeCommand('outline.focus');
    await settle(800);
    await screenshot('outline');
  });
});
