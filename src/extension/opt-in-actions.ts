import * as vscode from 'vscode';
import { findConfigFile } from '../core/config/discover.js';
import { starterConfig } from '../core/config/starter.js';
import { configNames, configOptIn, frontMatterOptIn } from '../core/opt-in.js';
import { dirname, relativeInside } from '../core/paths.js';
import { builtInTemplates } from '../templates/index.js';
import { toWorkspaceEdit } from './convert.js';
import type { DiagnosticsManager } from './diagnostics.js';
import { enginePath, type SpecService } from './service.js';
import { workspaceHost } from './workspace-host.js';

export type OptInChoice = 'check' | 'front-matter' | 'configuration';

/** The template a file would be checked with: its layout's, the configuration's or the default. */
async function templateFor(service: SpecService, document: vscode.TextDocument): Promise<string> {
  return (await service.settingsFor(document.uri, document.getText())).template.name;
}

/** "Check This File": checks a Markdown file as a spec until the window closes; nothing is written. */
export async function checkThisFile(service: SpecService, diagnostics: DiagnosticsManager, document: vscode.TextDocument): Promise<void> {
  service.checkOnRequest(document.uri);
  await diagnostics.check(document);
}

/** "Add Front Matter": `template: NAME` at the top of the file, as one undoable edit. */
export async function addFrontMatter(service: SpecService, diagnostics: DiagnosticsManager, document: vscode.TextDocument): Promise<boolean> {
  const template = await templateFor(service, document);
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document, [frontMatterOptIn(document.getText(), template)]));
  if (applied) await diagnostics.check(document);
  return applied;
}

/**
 * "Add to Configuration": an `overrides` entry naming the file and its template, in the
 * configuration that applies to it (a new .specwise.jsonc in the workspace folder when none does).
 */
export async function addToConfiguration(service: SpecService, diagnostics: DiagnosticsManager, document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) {
    void vscode.window.showWarningMessage('Specwise: this file is outside the workspace folders, so no configuration applies to it. Add front matter instead.');
    return undefined;
  }
  const template = await templateFor(service, document);
  const file = enginePath(document.uri);
  const found = await findConfigFile(dirname(file), workspaceHost(folder.uri), enginePath(folder.uri));
  const configUri = found ? folder.uri.with({ path: found }) : vscode.Uri.joinPath(folder.uri, '.specwise.jsonc');
  if (!found) await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(starterConfig(template, [...builtInTemplates.keys()], { schema: false })));
  const relative = relativeInside(dirname(enginePath(configUri)), file) ?? file;
  const config = await vscode.workspace.openTextDocument(configUri);
  if (!configNames(config.getText(), relative)) {
    const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(config, configOptIn(config.getText(), relative, template)));
    if (!applied) return undefined;
    await config.save();
  }
  service.invalidate();
  await diagnostics.check(document);
  const name = vscode.workspace.asRelativePath(configUri);
  void vscode.window.showInformationMessage(`Specwise: ${relative} is now a '${template}' spec (added to ${name}).`, 'Open Configuration').then((choice) => {
    if (choice) void vscode.window.showTextDocument(configUri);
  });
  return configUri;
}

/** The three ways to have a file checked, offered where a spec was expected: the status item, Spec Health, Insert Missing Sections. */
export async function offerSpecChoices(service: SpecService, diagnostics: DiagnosticsManager, document: vscode.TextDocument, choice?: OptInChoice): Promise<OptInChoice | undefined> {
  const settings = await service.settingsFor(document.uri, document.getText());
  const template = settings.template.name;
  const name = vscode.workspace.asRelativePath(document.uri);
  const items: (vscode.QuickPickItem & { choice: OptInChoice })[] = [
    { choice: 'check', label: '$(check) Check This File', detail: `Check it as a '${template}' spec until the window closes; nothing is written.` },
    { choice: 'front-matter', label: '$(symbol-key) Add Front Matter', detail: `Insert "template: ${template}" at the top of the file (one undoable edit).` },
    { choice: 'configuration', label: '$(gear) Add to Configuration', detail: `Add an override naming ${name} and template '${template}' to the Specwise configuration.` },
  ];
  // Tests and other extensions name the choice; people pick it.
  const picked = choice ? items.find((item) => item.choice === choice) : await vscode.window.showQuickPick(items, { title: `${name} is not a spec`, placeHolder: `Not checked: ${settings.specReason}.` });
  if (!picked) return undefined;
  if (picked.choice === 'check') await checkThisFile(service, diagnostics, document);
  else if (picked.choice === 'front-matter') await addFrontMatter(service, diagnostics, document);
  else await addToConfiguration(service, diagnostics, document);
  return picked.choice;
}
