import * as vscode from 'vscode';
import { invocationMessage, invokeAgentTool } from './agent-tools.js';
import { applyFindingFix, applyRewrite, createSpecFile, insertTranslation, type InsertTranslationArgs } from './chat-commands.js';
import { SpecwiseChat } from './chat.js';
import { SpecCodeActions } from './code-actions.js';
import { insertMissingSections, newSpec, openConfiguration, showHealth, translateRequirement, type InsertSectionsOptions, type NewSpecOptions, type TranslateCommandOptions } from './commands.js';
import { DiagnosticsManager } from './diagnostics.js';
import { showDocumentation } from './documentation.js';
import { HealthPanel, revealLine } from './health-view.js';
import { RequirementDefinition, RequirementHover, SpecSymbols } from './language-features.js';
import { addFrontMatter, addToConfiguration, checkThisFile, offerSpecChoices, type OptInChoice } from './opt-in-actions.js';
import { SpecService } from './service.js';
import { SnippetCompletions } from './snippet-completions.js';
import { SpecStatusBar } from './status-bar.js';
import { announceWorkspaceCheck, checkFile, checkWorkspace, workspaceSummary } from './workspace-check.js';
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

/** After VS Code's lens request debounce (a moving average of the provider's time, at least 250 ms). */
const LENS_RETRY_MS = 1000;

/**
 * Everything that needs the engine, created on first use after activation: the service,
 * diagnostics, providers and command bodies that `extension.ts` forwards to.
 */
export function createFeatures(context: vscode.ExtensionContext, output: vscode.OutputChannel, events: FeatureEvents) {
  const service = new SpecService(output);
  const diagnostics = new DiagnosticsManager(service);
  const statusBar = new SpecStatusBar((uri) => traceDiagnostics.collection.get(uri)?.length ?? 0);
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
  /** The active Markdown document, for commands about "this file". */
  const activeMarkdown = (): vscode.TextDocument | undefined => {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'markdown') return document;
    void vscode.window.showInformationMessage('Specwise: open a Markdown file first.');
    return undefined;
  };
  const recheck = () => {
    service.invalidate();
    trace.reset();
    void diagnostics.recheckOpen();
  };
  // A config file being saved fires several events (truncate, write): read it once it settles.
  let configTimer: ReturnType<typeof setTimeout> | undefined;
  let lensTimer: ReturnType<typeof setTimeout> | undefined;
  const configChanged = () => {
    clearTimeout(configTimer);
    configTimer = setTimeout(recheck, 150);
  };
  /** A document's editors closed: workspace-checked files keep their findings, of the saved text. */
  const closed = (document: vscode.TextDocument): void => {
    void diagnostics.forget(document, async (saved) => void (await checkFile(service, diagnostics, saved)));
    traceDiagnostics.forget(document.uri);
    guarded('tracing', () => trace.closed(document));
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
    diagnostics.onDidCheck((outcome, document) => statusBar.update(outcome, document)),
    diagnostics.onDidCheck((outcome, document) =>
      guarded('tracing', async () => {
        await trace.refresh(document, outcome.state?.kind === 'spec' ? outcome.state.analysis : undefined);
        if (document.isClosed) return;
        traceDiagnostics.showFor(document.uri);
        statusBar.refresh();
      }),
    ),
    trace.onDidChange(() => {
      traceDiagnostics.publish();
      statusBar.refresh();
      view.refresh();
      events.lensesChanged.fire();
      events.treeChanged.fire();
    }),
    watcher.onDidChange(configChanged),
    watcher.onDidCreate(configChanged),
    watcher.onDidDelete(configChanged),
    { dispose: () => clearTimeout(configTimer) },
    { dispose: () => clearTimeout(lensTimer) },
    files.onDidCreate((uri) => guarded('tracing', () => trace.fileChanged(uri))),
    files.onDidChange((uri) => guarded('tracing', () => trace.fileChanged(uri))),
    files.onDidDelete((uri) => trace.fileDeleted(uri)),
  );
  guarded('tracing the workspace', () => trace.ensureIndexed());
  void view.follow(vscode.window.activeTextEditor);
  return {
    service,
    diagnostics,
    statusBar,
    codeActions: new SpecCodeActions(service),
    symbols: new SpecSymbols(service),
    hover: new RequirementHover(service),
    completions: new SnippetCompletions(service),
    navigation: new TraceNavigation(trace, definition),
    lenses: new TraceLenses(trace),
    trace,
    view,
    recheck,
    closed,
    chat: new SpecwiseChat(service),
    /** The language model tools: specwise_check and specwise_templates. */
    tools: {
      invoke: (name: string, options: vscode.LanguageModelToolInvocationOptions<unknown>) => invokeAgentTool(service, name, options),
      invocationMessage,
    },
    /** A spec's findings go when its last tab closes (documents outlive their tabs for a while). */
    tabsChanged(event: vscode.TabChangeEvent): void {
      const open = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tabUri(tab)?.toString()));
      for (const tab of event.closed) {
        const uri = tabUri(tab);
        const document = uri && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        if (document && !open.has(uri.toString())) closed(document);
      }
    },
    /** A document shown again beside another (its tab had closed, the document had not): its findings come back. */
    visibleEditorsChanged(editors: readonly vscode.TextEditor[]): void {
      for (const editor of editors) if (!diagnostics.collection.has(editor.document.uri)) void diagnostics.check(editor.document);
      // A newly shown editor first draws the lenses VS Code cached for its document: have it ask for the current ones.
      // VS Code drops that debounced request if the editor loses focus first, so ask once more after the debounce.
      events.lensesChanged.fire();
      clearTimeout(lensTimer);
      lensTimer = setTimeout(() => events.lensesChanged.fire(), LENS_RETRY_MS);
    },
    activeEditorChanged(editor: vscode.TextEditor | undefined): void {
      guarded('following the editor', () => view.follow(editor));
      if (!editor) return statusBar.hide();
      void diagnostics.check(editor.document);
    },
    commands: {
      'specwise.newSpec': guard('New Spec from Template', (options?: NewSpecOptions) => newSpec(service, options)),
      'specwise.insertMissingSections': guard('Insert Missing Sections', (options?: InsertSectionsOptions) => insertMissingSections(service, diagnostics, options)),
      'specwise.checkWorkspace': guard('Check All Specs in Workspace', async () => {
        const checked = await checkWorkspace(service, diagnostics);
        await trace.ensureIndexed();
        traceDiagnostics.showEverywhere();
        // The same count as the Problems panel and `specwise check .`: the cross-file findings too.
        const result = { ...checked, traceGaps: trace.index.findings().length };
        announceWorkspaceCheck(result);
        return { ...result, summary: workspaceSummary(result) };
      }),
      'specwise.showTraceLinks': guard('Show traceability links', (uri: vscode.Uri, position: vscode.Position, locations: vscode.Location[], id: string) => showTraceLinks(uri, position, locations, id)),
      'specwise.refreshTraceability': guard('Refresh Traceability', async () => {
        trace.reset();
        await trace.ensureIndexed();
      }),
      'specwise.openConfiguration': guard('Open Configuration', () => openConfiguration()),
      'specwise.showHealth': guard('Show Spec Health', (scope?: 'file' | 'workspace') => showHealth(service, diagnostics, panel, scope)),
      'specwise.translate': guard('Translate Requirement to Spec', (options?: TranslateCommandOptions) => translateRequirement(service, options)),
      'specwise.showDocumentation': guard('Show documentation', (ruleId: string, webUrl?: string) => showDocumentation(context.extensionUri, ruleId, webUrl)),
      'specwise.specActions': guard('Make This File a Spec', async (choice?: OptInChoice) => {
        const document = activeMarkdown();
        return document && offerSpecChoices(service, diagnostics, document, choice);
      }),
      'specwise.checkThisFile': guard('Check This File', async () => {
        const document = activeMarkdown();
        if (document) await checkThisFile(service, diagnostics, document);
      }),
      'specwise.addFrontMatter': guard('Add Front Matter', async () => {
        const document = activeMarkdown();
        return document && addFrontMatter(service, diagnostics, document);
      }),
      'specwise.addToConfiguration': guard('Add to Configuration', async () => {
        const document = activeMarkdown();
        return document && addToConfiguration(service, diagnostics, document);
      }),
      'specwise.revealLine': guard('Open at line', (uri: string, line: number) => revealLine(uri, line)),
      'specwise.insertTranslation': guard('Insert the translation', (args: InsertTranslationArgs) => insertTranslation(service, args)),
      'specwise.createSpecFile': guard('Create the spec file', (args: { markdown: string; file?: string }) => createSpecFile(args)),
      'specwise.applyFindingFix': guard('Apply the fix', (args: { uri: string; ruleId: string; message: string; fix: string }) => applyFindingFix(service, args)),
      'specwise.applyRewrite': guard('Apply the rewrite', (args: { uri: string; line: number; before: string; after: string }) => applyRewrite(args)),
    } as Record<string, (...args: never[]) => Promise<unknown>>,
  };
}

export type Features = ReturnType<typeof createFeatures>;
