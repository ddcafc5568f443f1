import * as vscode from 'vscode';
import type { Finding } from '../core/rule.js';
import { SpecCodeActions } from './code-actions.js';
import { checkWorkspace, insertMissingSections, newSpec, openConfiguration, showHealth, translateRequirement, type NewSpecOptions, type TranslateCommandOptions } from './commands.js';
import { DiagnosticsManager } from './diagnostics.js';
import { HealthPanel } from './health-view.js';
import { RequirementDefinition, RequirementHover, SpecSymbols } from './language-features.js';
import { SpecService } from './service.js';
import { SpecStatusBar } from './status-bar.js';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** What the extension returns from `activate`, for other extensions and the end-to-end tests. */
export interface SpecwiseApi {
  /** Findings of a document's current version (undefined when it is not a spec). */
  findings(document: vscode.TextDocument): Promise<Finding[] | undefined>;
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}

export function activate(context: vscode.ExtensionContext): SpecwiseApi {
  const output = vscode.window.createOutputChannel('Specwise');
  const service = new SpecService(output);
  const diagnostics = new DiagnosticsManager(service);
  const statusBar = new SpecStatusBar();
  const panel = new HealthPanel();
  const guard =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (error) {
        service.logError(name, error);
        void vscode.window.showErrorMessage(`Specwise: ${name} failed; see the Specwise output channel.`);
        return undefined;
      }
    };
  const recheck = () => {
    service.invalidate();
    void diagnostics.recheckOpen();
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/.specwise.{json,jsonc}');

  context.subscriptions.push(
    output,
    service,
    diagnostics,
    statusBar,
    panel,
    watcher,
    diagnostics.onDidCheck((analysis, document) => statusBar.update(analysis, document)),
    vscode.workspace.onDidOpenTextDocument((document) => void diagnostics.check(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) diagnostics.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => void diagnostics.check(document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document)),
    // Documents outlive their tabs for a while; a spec's findings go when its last tab closes.
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      const open = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tabUri(tab)?.toString()));
      for (const tab of event.closed) {
        const uri = tabUri(tab);
        const document = uri && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        if (document && !open.has(uri.toString())) diagnostics.forget(document);
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!editor) return statusBar.hide();
      void diagnostics.check(editor.document);
    }),
    watcher.onDidChange(recheck),
    watcher.onDidCreate(recheck),
    watcher.onDidDelete(recheck),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('specwise')) recheck();
    }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new SpecCodeActions(service), SpecCodeActions.metadata),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new SpecSymbols(service), { label: 'Specwise' }),
    vscode.languages.registerHoverProvider(MARKDOWN, new RequirementHover(service)),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new RequirementDefinition(service)),
    vscode.commands.registerCommand('specwise.newSpec', guard('New Spec from Template', (options?: NewSpecOptions) => newSpec(service, options))),
    vscode.commands.registerCommand('specwise.insertMissingSections', guard('Insert Missing Sections', () => insertMissingSections(service))),
    vscode.commands.registerCommand('specwise.checkWorkspace', guard('Check All Specs in Workspace', () => checkWorkspace(service, diagnostics))),
    vscode.commands.registerCommand('specwise.openConfiguration', guard('Open Configuration', () => openConfiguration())),
    vscode.commands.registerCommand('specwise.showHealth', guard('Show Spec Health', (scope?: 'file' | 'workspace') => showHealth(service, diagnostics, panel, scope))),
    vscode.commands.registerCommand('specwise.translate', guard('Translate Requirement to Spec', (options?: TranslateCommandOptions) => translateRequirement(service, options))),
    vscode.commands.registerCommand('specwise.showDocumentation', guard('Show documentation', async (url: string) => vscode.env.openExternal(vscode.Uri.parse(url)))),
  );
  for (const document of vscode.workspace.textDocuments) void diagnostics.check(document);

  return {
    async findings(document) {
      return (await service.analyze(document))?.result.findings;
    },
  };
}

export function deactivate(): void {}
