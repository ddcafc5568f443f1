// A 1 MB spec in the real editor: how long until its findings show, and until an edit is
// reflected. Measured and reported (npm run bench), never asserted: timings vary by machine.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateSpecwise, eventually, metrics, ruleOf, screenshot, specwiseDiagnostics, writeWorkspaceFile, type SpecwiseApi } from './helpers.js';
import { largeSpec } from './large-spec.js';

/** Resolves with the time from `start` to the first diagnostics change of `uri` that satisfies the predicate. */
function timeToDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, start: () => Thenable<unknown> | void, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let started = 0;
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, 60_000);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!started || !event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = specwiseDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      const elapsed = performance.now() - started;
      clearTimeout(timer);
      subscription.dispose();
      resolve(elapsed);
    });
    started = performance.now();
    void Promise.resolve(start()).catch(reject);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

suite('A 1 MB spec', () => {
  let api: SpecwiseApi;

  suiteSetup(async () => {
    api = await activateSpecwise();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('shows its first findings, then each edit, with at most 1,000 diagnostics (errors and warnings first), and says when the list is cut', async () => {
    const text = largeSpec(1_000_000);
    const uri = await writeWorkspaceFile('specs/large.spec.md', text);
    const document = await vscode.workspace.openTextDocument(uri);
    metrics.largeSpecKb = text.length / 1024;
    let shownEditor: vscode.TextEditor | undefined;
    metrics.largeSpecFirstDiagnosticsMs = await timeToDiagnostics(
      uri,
      (diagnostics) => diagnostics.length > 0,
      async () => {
        shownEditor = await vscode.window.showTextDocument(document);
      },
      'the first findings',
    );
    const editor = shownEditor ?? (await vscode.window.showTextDocument(document));

    const findings = (await api.findings(editor.document))!;
    const shown = specwiseDiagnostics(uri);
    assert.ok(findings.length > 1000, `${findings.length} findings`);
    assert.equal(shown.length, 1000, 'the editor shows at most 1,000 per file');
    const severe = findings.filter((finding) => finding.severity !== 'info').length;
    assert.equal(shown.filter((diagnostic) => diagnostic.severity <= vscode.DiagnosticSeverity.Warning).length, Math.min(severe, 1000), 'errors and warnings first');
    const status = await eventually(() => api.status(), (current) => /1,000 of [\d,]+ shown/.test(current?.text ?? ''), 'the status item to say the list is cut');
    assert.match(status!.tooltip, /errors and warnings first/);
    await screenshot('large-spec');

    // One-character edits: "where possible" becomes "wxere possible", so the escape clause goes; undo brings it back.
    const times: number[] = [];
    const escapes = shown.filter((diagnostic) => ruleOf(diagnostic) === 'escape-clause' && editor.document.getText(diagnostic.range) === 'where possible');
    for (let i = 0; i < 5; i++) {
      const escape = escapes[i * 60];
      assert.ok(escape, 'an escape clause to edit');
      const line = escape.range.start.line;
      const onLine = () => specwiseDiagnostics(uri).filter((diagnostic) => diagnostic.range.start.line === line && ruleOf(diagnostic) === 'escape-clause');
      const before = onLine().length;
      const at = escape.range.start.translate(0, 1);
      // A pause first, as between a reader's edits: while typing, checks are spaced so a long spec never keeps the host busy.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      times.push(
        await timeToDiagnostics(
          uri,
          () => onLine().length === before - 1,
          () => editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 1)), 'x')),
          'the edit to be reflected',
        ),
      );
      await timeToDiagnostics(uri, () => onLine().length === before, () => vscode.commands.executeCommand('undo'), 'the undo to be reflected');
    }
    metrics.largeSpecEditToDiagnosticsMs = median(times);
    assert.equal(editor.document.getText(), text, 'undo restored every edit');
  });
});
