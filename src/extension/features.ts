import * as vscode from 'vscode';
import { SpecCodeActions } from './code-actions.js';
import { checkWorkspace, insertMissingSections, newSpec, openConfiguration, showHealth, translateRequirement, type NewSpecOptions, type TranslateCommandOptions } from './commands.js';
import { DiagnosticsManager } from './diagnostics.js';
import { HealthPanel } from './health-view.js';
import { RequirementDefinition, RequirementHover, SpecSymbols } from './language-features.js';
import { SpecService } from './service.js';
import { SpecStatusBar } from './status-bar.js';
import { TraceDiagnostics } from './trace-diagnostics.js';
import { showTraceLinks, TraceLenses } from './trace-lens.js';
import { TraceNavigation } from './trace-navigation.js';
import { TraceService } from './trace-service.js';
import { TraceView } from './trace-view.js';

/** What the features tell the providers registered at activation. */
export interface FeatureEvents {
  lensesChanged: vscode.EventEmitter<void>;
  treeChanged: vscode.EventEmitter<void>;
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}

/**
 * Everything that needs the engine, created on first use after activation: the service,
 * diagnostics, providers and command bodies that `extension.ts` forwards to.
 */
export function createFeatures(context: vscode.ExtensionContext, output: vscode.OutputChannel, events: FeatureEvents) {
  const service = new SpecService(output);
  const diagnostics = new DiagnosticsManager(service);
  const statusBar = new SpecStatusBar();
  const panel = new HealthPanel();
  const trace = new TraceService(service);
  const traceDiagnostics = new TraceDiagnostics(trace);
  const view = new TraceView(trace);
  const definition = new RequirementDefinition(service);
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
    trace.reset();
    void diagnostics.recheckOpen();
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/.specwise.{json,jsonc}');
  // Files a feature or a test configuration names may change outside the editor.
  const files = vscode.workspace.createFileSystemWatcher('**/*');
  const guarded = (name: string, run: () => Promise<unknown>) => void run().catch((error: unknown) => service.logError(name, error));
  context.subscriptions.push(
    service,
    diagnostics,
    statusBar,
    panel,
    watcher,
    files,
    trace,
    traceDiagnostics,
    view,
    diagnostics.onDidCheck((analysis, document) => statusBar.update(analysis, document)),
    diagnostics.onDidCheck((analysis, document) => guarded('tracing', () => trace.refresh(document, analysis))),
    trace.onDidChange(() => {
      traceDiagnostics.publish();
      view.refresh();
      events.lensesChanged.fire();
      events.treeChanged.fire();
    }),
    watcher.onDidChange(recheck),
    watcher.onDidCreate(recheck),
    watcher.onDidDelete(recheck),
    files.onDidCreate((uri) => guarded('tracing', () => trace.fileChanged(uri))),
    files.onDidChange((uri) => guarded('tracing', () => trace.fileChanged(uri))),
    files.onDidDelete((uri) => trace.fileDeleted(uri)),
  );
  guarded('tracing the workspace', () => trace.ensureIndexed());
  void view.follow(vscode.window.activeTextEditor);
  return {
    service,
    diagnostics,
    codeActions: new SpecCodeActions(service),
    symbols: new SpecSymbols(service),
    hover: new RequirementHover(service),
    navigation: new TraceNavigation(trace, definition),
    lenses: new TraceLenses(trace),
    trace,
    view,
    recheck,
    /** A spec's findings go when its last tab closes (documents outlive their tabs for a while). */
    tabsChanged(event: vscode.TabChangeEvent): void {
      const open = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tabUri(tab)?.toString()));
      for (const tab of event.closed) {
        const uri = tabUri(tab);
        const document = uri && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        if (document && !open.has(uri.toString())) {
          diagnostics.forget(document);
          traceDiagnostics.forget(document.uri);
          guarded('tracing', () => trace.closed(document));
        }
      }
    },
    activeEditorChanged(editor: vscode.TextEditor | undefined): void {
      guarded('following the editor', () => view.follow(editor));
      if (!editor) return statusBar.hide();
      void diagnostics.check(editor.document);
    },
    commands: {
      'specwise.newSpec': guard('New Spec from Template', (options?: NewSpecOptions) => newSpec(service, options)),
      'specwise.insertMissingSections': guard('Insert Missing Sections', () => insertMissingSections(service)),
      'specwise.checkWorkspace': guard('Check All Specs in Workspace', async () => {
        const result = await checkWorkspace(service, diagnostics);
        await trace.ensureIndexed();
        traceDiagnostics.showEverywhere();
        return result;
      }),
      'specwise.showTraceLinks': guard('Show traceability links', (uri: vscode.Uri, position: vscode.Position, locations: vscode.Location[], id: string) => showTraceLinks(uri, position, locations, id)),
      'specwise.refreshTraceability': guard('Refresh Traceability', async () => {
        trace.reset();
        await trace.ensureIndexed();
      }),
      'specwise.openConfiguration': guard('Open Configuration', () => openConfiguration()),
      'specwise.showHealth': guard('Show Spec Health', (scope?: 'file' | 'workspace') => showHealth(service, diagnostics, panel, scope)),
      'specwise.translate': guard('Translate Requirement to Spec', (options?: TranslateCommandOptions) => translateRequirement(service, options)),
      'specwise.showDocumentation': guard('Show documentation', async (url: string) => vscode.env.openExternal(vscode.Uri.parse(url))),
    } as Record<string, (...args: never[]) => Promise<unknown>>,
  };
}

export type Features = ReturnType<typeof createFeatures>;
