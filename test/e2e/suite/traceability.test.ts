import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateSpecwise, openSpec, pressKey, readWorkspaceFile, ruleOf, screenshot, typeText, waitForDiagnostics, waitUntil, workspaceUri, type SpecwiseApi } from './helpers.js';

const SPEC = 'trace-demo/specs/003-export/spec.md';
const TASKS = 'trace-demo/specs/003-export/tasks.md';
const TEST = 'trace-demo/tests/export.test.ts';

const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);
const has = (rule: string, text?: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((diagnostic) => ruleOf(diagnostic) === rule && (!text || diagnostic.message.includes(text)));

/** The position of the nth occurrence of a text in a document. */
function positionOf(document: vscode.TextDocument, text: string, nth = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = document.getText().indexOf(text, offset + 1);
  assert.ok(offset >= 0, `'${text}' in ${relative(document.uri)}`);
  return document.positionAt(offset + 1);
}

suite('Traceability across files in VS Code', () => {
  let api: SpecwiseApi;

  suiteSetup(async () => {
    api = await activateSpecwise();
    assert.ok((await api.traced()) >= 3, 'the spec, the tasks and the test file are traced');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a CodeLens above each requirement counts its tasks, tests and criteria, and lists them', async () => {
    const editor = await openSpec(SPEC);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 20);
    const byLine = new Map(lenses.map((lens) => [editor.document.lineAt(lens.range.start.line).text.match(/\*\*(FR-\d+)\*\*|User Story (\d)/)?.slice(1).find(Boolean), lens.command?.title]));
    assert.equal(byLine.get('FR-001'), '1 task · 1 test · 1 criterion');
    assert.equal(byLine.get('FR-003'), '$(warning) no task, no test');
    assert.equal(byLine.get('1'), '5 tasks · 0 tests · 2 criteria');
    const story = lenses.find((lens) => lens.command?.title.startsWith('5 tasks'))!;
    const listed = await vscode.commands.executeCommand<number>(story.command!.command, ...(story.command!.arguments ?? []));
    assert.equal(listed, 7, 'five tasks and two acceptance scenarios');
    await screenshot('traceability-codelens');
  });

  test('Go to Definition and Find All References cross files: task and test to spec, spec to tasks and tests', async () => {
    const tasks = await vscode.workspace.openTextDocument(workspaceUri(TASKS));
    const fromTask = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', tasks.uri, positionOf(tasks, 'FR-001'));
    const target = fromTask[0] as vscode.Location;
    assert.equal(relative(target.uri), SPEC);
    assert.equal(target.range.start.line, 28);
    const test = await vscode.workspace.openTextDocument(workspaceUri(TEST));
    const fromTest = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', test.uri, positionOf(test, 'FR-002'));
    assert.deepEqual(fromTest.map((location) => `${relative(location.uri)}:${location.range.start.line + 1}`), [`${SPEC}:30`]);
    const spec = await vscode.workspace.openTextDocument(workspaceUri(SPEC));
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', spec.uri, positionOf(spec, 'FR-001'));
    const places = references.map((location) => `${relative(location.uri)}:${location.range.start.line + 1}`).sort();
    assert.deepEqual(places, [`${SPEC}:29`, `${SPEC}:37`, `${TASKS}:9`, `${TEST}:3`]);
  });

  test('cross-file findings appear in the file they belong to, and follow edits to another file', async () => {
    const tasks = await openSpec(TASKS);
    await waitForDiagnostics(tasks.document.uri, (diagnostics) => has('unknown-requirement-reference', "'FR-009'")(diagnostics) && has('orphan-task')(diagnostics), 'the unknown id and the orphan tasks');
    const spec = workspaceUri(SPEC);
    // As a user would look at it: beside the tasks, which stay open for the edit below.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(spec), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    await waitForDiagnostics(spec, (diagnostics) => has('requirement-without-task', 'FR-003')(diagnostics) && has('requirement-without-test', 'FR-004')(diagnostics), 'the gaps in the spec');
    const end = tasks.document.lineAt(tasks.document.lineCount - 1).range.end;
    await tasks.edit((edit) => edit.insert(end, '\n## Phase 5: User Story 2 - Schedule weekly exports\n\n- [ ] T010 [US2] Email scheduled exports [FR-003]\n'));
    await waitForDiagnostics(spec, (diagnostics) => !has('requirement-without-task')(diagnostics), 'FR-003 and US2 to have a task');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(spec, has('requirement-without-task', 'FR-003'), 'the gap again after undo');
    // The lenses follow the undo too.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', spec, 20);
    const document = await vscode.workspace.openTextDocument(spec);
    const story = lenses.find((lens) => /User Story 2/.test(document.lineAt(lens.range.start.line).text));
    assert.match(story?.command?.title ?? '', /no task/);
    await screenshot('traceability-after-undo', '.codelens-decoration:has-text("no task · 0 tests · 1 criterion")');
  });

  test('the Traceability view shows the current feature, gaps first', async () => {
    await openSpec(SPEC);
    await vscode.commands.executeCommand('specwise.traceability.focus');
    const [feature] = await api.traceabilityView();
    assert.equal(feature.label, '003-export');
    assert.equal(feature.description, '4 of 7 with gaps');
    assert.match(feature.tooltip ?? '', /003-export: 7 requirements, 4 with gaps, 2 other findings(?:;|$)/);
    const labels = feature.children.map((node) => `${node.label}${node.gap ? ' !' : ''}`);
    assert.deepEqual(labels, ['US2 !', 'FR-003 !', 'FR-004 !', 'FR-005 !', 'US1', 'FR-001', 'FR-002', 'Other findings (2) !']);
    const fr001 = feature.children.find((node) => node.label === 'FR-001')!;
    assert.deepEqual(fr001.children.map((node) => node.label), ['Criteria (1)', 'Tasks (1)', 'Tests (1)']);
    // The status item counts the spec's cross-file findings too, so "ok" never sits beside warnings.
    await waitUntil(async () => /^\$\(checklist\) Spec: \d+ trace gaps?$/.test((await api.status())?.text ?? ''), 'the status item to count the trace gaps');
    // Notifications left by earlier tests would cover the lenses. The editor shows its cached lenses first, then asks again: the screenshot waits for the current ones.
    await vscode.commands.executeCommand('notifications.clearAll');
    await screenshot('traceability-view', ['.monaco-list-row[aria-label*="FR-003"]', '.codelens-decoration:has-text("no task · 0 tests · 1 criterion")']);
  });

  test('Rename Symbol renames an id in every file that cites it, through the preview, as one undoable edit', async () => {
    const before = { spec: await readWorkspaceFile(SPEC), tasks: await readWorkspaceFile(TASKS), test: await readWorkspaceFile(TEST) };
    const editor = await openSpec(SPEC);
    const position = positionOf(editor.document, 'FR-002');
    const planned = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'FR-012');
    const entries = planned.entries().map(([uri, edits]) => `${relative(uri)}:${edits.map((entry) => entry.range.start.line + 1).join(',')}`).sort();
    assert.deepEqual(entries, [`${SPEC}:30`, `${TASKS}:10`, `${TEST}:5`]);
    // The way a user renames with a preview: F2 on the id, type the new one, Ctrl+Enter; the refactor preview lists the edits, Apply makes them.
    editor.selection = new vscode.Selection(position, position);
    // The command settles when the rename is done: it waits for the typing below.
    const renaming = Promise.resolve(vscode.commands.executeCommand('editor.action.rename'));
    assert.ok(await typeText('FR-012', '.rename-box input.rename-input'), 'the rename box opens and the harness types the new id');
    assert.ok(await pressKey('Control+Enter'));
    const tasks = await vscode.workspace.openTextDocument(workspaceUri(TASKS));
    await screenshot('traceability-rename-preview');
    assert.equal(tasks.getText(), before.tasks, 'nothing changes before the preview is applied');
    await waitUntil(async () => {
      await vscode.commands.executeCommand('refactorPreview.apply');
      return tasks.getText() !== before.tasks;
    }, 'the previewed rename to apply');
    await renaming;
    const test = await vscode.workspace.openTextDocument(workspaceUri(TEST));
    assert.match(editor.document.getText(), /\*\*FR-012\*\*: System MUST explain an empty export/);
    assert.match(tasks.getText(), /T003 \[US1\] Explain empty exports \[FR-012\]/);
    assert.match(test.getText(), /@req 003-export\/FR-012/);
    assert.doesNotMatch(`${editor.document.getText()}${tasks.getText()}${test.getText()}`, /FR-002/);
    // One undo step takes it back in every file (VS Code may ask whether to undo in all of them).
    await vscode.window.showTextDocument(editor.document);
    const undoing = vscode.commands.executeCommand('undo');
    const first = await Promise.race([Promise.resolve(undoing).then(() => 'undone'), screenshot('traceability-rename-undo').then(() => 'asked')]);
    if (first === 'asked' && tasks.getText() !== before.tasks) {
      assert.ok(await pressKey('Enter'), 'the harness answers the dialog');
      await undoing;
    }
    await waitUntil(() => tasks.getText() === before.tasks, 'the undo in every file');
    assert.equal(editor.document.getText(), before.spec);
    assert.equal(test.getText(), before.test);
    // The trace follows the undo too: the view names FR-002 again.
    await waitUntil(async () => {
      const [feature] = await api.traceabilityView();
      const ids = feature.children.map((node) => node.label);
      return ids.includes('FR-002') && !ids.includes('FR-012');
    }, 'the Traceability view to show FR-002 after the undo');
  });

  test('Rename Symbol on a story tag says why it cannot rename, and changes nothing', async () => {
    const editor = await openSpec(TASKS);
    const before = editor.document.getText();
    const position = positionOf(editor.document, 'US1');
    editor.selection = new vscode.Selection(position, position);
    const renaming = Promise.resolve(vscode.commands.executeCommand('editor.action.rename'));
    assert.ok(await typeText('US9', '.rename-box input.rename-input'), 'the rename box opens on the story tag');
    assert.ok(await pressKey('Enter'));
    await renaming;
    await screenshot('traceability-rename-story-refused');
    // Not renamed as a Markdown link label either: the tags still name the spec's story.
    assert.equal(editor.document.getText(), before);
  });
});
