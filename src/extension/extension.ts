import { loadStarted } from './load-clock.js';
import * as vscode from 'vscode';
import type { Finding } from '../core/rule.js';
import { CODE_ACTION_METADATA } from './code-action-kinds.js';
import type { Features } from './features.js';
import { mcpServerDefinitions } from './mcp-definition.js';
import type { TraceNode } from './trace-view-model.js';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };
/** Markdown, and test and source files that cite requirements (the features decide which are traced). */
const TRACED: vscode.DocumentSelector = [{ language: 'markdown' }, { scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];
const COMMANDS = [
  'newSpec',
  'insertMissingSections',
  'checkWorkspace',
  'openConfiguration',
  'showHealth',
  'translate',
  'showDocumentation',
  'specActions',
  'checkThisFile',
  'addFrontMatter',
  'addToConfiguration',
  'revealLine',
  'insertTranslation',
  'createSpecFile',
  'applyFindingFix',
  'applyRewrite',
  'showTraceLinks',
  'refreshTraceability',
].map((name) => `specwise.${name}`);
const LANGUAGE_MODEL_TOOLS = ['specwise_check', 'specwise_templates'];

/** What the extension returns from `activate`, for other extensions and the end-to-end tests. */
export interface SpecwiseApi {
  /** Findings of a document's current version (undefined when it is not a spec). */
  findings(document: vscode.TextDocument): Promise<Finding[] | undefined>;
  /** What the status item shows for the active editor (undefined when hidden). */
  status(): Promise<{ text: string; tooltip: string; command?: string } | undefined>;
  /** Resolves once the workspace is traced, with the number of files read. */
  traced(): Promise<number>;
  /** What the Traceability view shows now (its nodes, as plain data). */
  traceabilityView(): Promise<TraceNode[]>;
  /** Milliseconds spent evaluating the bundle's modules plus running `activate` (registration only). */
  activationMs: number;
}

/**
 * Activation only registers: listeners, providers and commands forward to the features,
 * whose modules (the engine among them) load on first use, right after activation.
 */
export function activate(context: vscode.ExtensionContext): SpecwiseApi {
  const activateStarted = performance.now();
  // The output channel too is created on first use: activation does nothing but register.
  let output: vscode.OutputChannel | undefined;
  const channel = () => {
    if (!output) context.subscriptions.push((output = vscode.window.createOutputChannel('Specwise')));
    return output;
  };
  const events = { lensesChanged: new vscode.EventEmitter<void>(), treeChanged: new vscode.EventEmitter<void>() };
  let loading: Promise<Features> | undefined;
  const features = () =>
    (loading ??= import('./features.js').then((module) => {
      channel().appendLine(`Activated in ${activationMs.toFixed(1)} ms.`);
      return module.createFeatures(context, channel(), events);
    }));
  const participant = vscode.chat.createChatParticipant('specwise.specwise', async (request, chatContext, stream, token) => (await features()).chat.handle(request, chatContext, stream, token));
  participant.iconPath = new vscode.ThemeIcon('checklist');
  const mcpChanged = new vscode.EventEmitter<void>();
  const forward =
    <A extends unknown[]>(run: (loaded: Features, ...args: A) => unknown) =>
    (...args: A): void => {
      features()
        .then((loaded) => run(loaded, ...args))
        .catch((error: unknown) => channel().appendLine(`[${new Date().toISOString()}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(forward((loaded, document) => loaded.diagnostics.check(document))),
    vscode.workspace.onDidChangeTextDocument(
      forward((loaded, event) => {
        if (event.contentChanges.length > 0) loaded.diagnostics.schedule(event.document);
      }),
    ),
    vscode.workspace.onDidSaveTextDocument(forward((loaded, document) => loaded.diagnostics.check(document))),
    vscode.workspace.onDidCloseTextDocument(forward((loaded, document) => loaded.closed(document))),
    vscode.window.tabGroups.onDidChangeTabs(forward((loaded, event) => loaded.tabsChanged(event))),
    vscode.window.onDidChangeActiveTextEditor(forward((loaded, editor) => loaded.activeEditorChanged(editor))),
    vscode.window.onDidChangeVisibleTextEditors(forward((loaded, editors) => loaded.visibleEditorsChanged(editors))),
    vscode.workspace.onDidChangeConfiguration(
      forward((loaded, event) => {
        if (event.affectsConfiguration('specwise')) loaded.recheck();
      }),
    ),
    vscode.languages.registerCodeActionsProvider(
      MARKDOWN,
      { provideCodeActions: async (document, range, actionContext) => (await features()).codeActions.provideCodeActions(document, range, actionContext) },
      CODE_ACTION_METADATA,
    ),
    vscode.languages.registerDocumentSymbolProvider(
      MARKDOWN,
      { provideDocumentSymbols: async (document) => (await features()).symbols.provideDocumentSymbols(document) },
      { label: 'Specwise' },
    ),
    vscode.languages.registerHoverProvider(MARKDOWN, { provideHover: async (document, position) => (await features()).hover.provideHover(document, position) }),
    vscode.languages.registerCompletionItemProvider(
      MARKDOWN,
      { provideCompletionItems: async (document, position, token, completionContext) => (await features()).completions.provideCompletionItems(document, position, token, completionContext) },
      '-',
    ),
    events.lensesChanged,
    events.treeChanged,
    vscode.languages.registerDefinitionProvider(TRACED, { provideDefinition: async (document, position) => (await features()).navigation.provideDefinition(document, position) }),
    vscode.languages.registerReferenceProvider(TRACED, { provideReferences: async (document, position, referenceContext) => (await features()).navigation.provideReferences(document, position, referenceContext) }),
    vscode.languages.registerRenameProvider(TRACED, {
      prepareRename: async (document, position) => (await features()).navigation.prepareRename(document, position),
      provideRenameEdits: async (document, position, newName) => (await features()).navigation.provideRenameEdits(document, position, newName),
    }),
    vscode.languages.registerCodeLensProvider(MARKDOWN, { onDidChangeCodeLenses: events.lensesChanged.event, provideCodeLenses: async (document) => (await features()).lenses.provideCodeLenses(document) }),
    vscode.window.createTreeView<TraceNode>('specwise.traceability', {
      treeDataProvider: {
        onDidChangeTreeData: events.treeChanged.event,
        getChildren: async (node) => (await features()).view.getChildren(node),
        getTreeItem: async (node) => (await features()).view.getTreeItem(node),
      },
    }),
    ...COMMANDS.map((id) => vscode.commands.registerCommand(id, async (...args: never[]) => (await features()).commands[id](...args))),
    ...LANGUAGE_MODEL_TOOLS.map((name) =>
      vscode.lm.registerTool<unknown>(name, {
        invoke: async (options) => (await features()).tools.invoke(name, options),
        prepareInvocation: async (options) => ({ invocationMessage: (await features()).tools.invocationMessage(name, options.input) }),
      }),
    ),
    vscode.lm.registerMcpServerDefinitionProvider('specwise.mcp', {
      onDidChangeMcpServerDefinitions: mcpChanged.event,
      provideMcpServerDefinitions: () => mcpServerDefinitions(context),
    }),
    mcpChanged,
    vscode.workspace.onDidChangeWorkspaceFolders(() => mcpChanged.fire()),
    participant,
  );
  // Open documents are checked once the features load, after activation has returned.
  setTimeout(forward((loaded) => vscode.workspace.textDocuments.forEach((document) => void loaded.diagnostics.check(document))), 0);
  // The host may wait between loading the module and calling activate: that is not ours.
  const activationMs = moduleLoadMs + (performance.now() - activateStarted);
  return {
    async findings(document) {
      return (await (await features()).service.analyze(document))?.result.findings;
    },
    async status() {
      return (await features()).statusBar.current();
    },
    async traced() {
      const loaded = await features();
      await loaded.trace.ensureIndexed();
      return loaded.trace.index.size;
    },
    async traceabilityView() {
      const loaded = await features();
      await loaded.view.follow(vscode.window.activeTextEditor);
      return loaded.view.roots();
    },
    activationMs,
  };
}

export function deactivate(): void {}

const moduleLoadMs = performance.now() - loadStarted;
