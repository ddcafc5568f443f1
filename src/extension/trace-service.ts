import * as vscode from 'vscode';
import type { GlobSet } from '../core/config/load.js';
import { BlockParseCache } from '../core/block-parse.js';
import { anchored } from '../core/config/resolve.js';
import { dirname, MARKDOWN_FILE } from '../core/paths.js';
import { isTraceCodeFile, readTraceFile } from '../trace/read-file.js';
import { WorkspaceIndex } from '../trace/workspace-index.js';
import { enginePath, type DocumentAnalysis, type SpecService } from './service.js';
import { readSettings } from './settings.js';

const EXCLUDED = '**/{node_modules,.git}/**';
/** Work in slices this long, then let the extension host breathe. */
const SLICE_MS = 15;

/**
 * The workspace's traceability index for the editor: every spec-related file, read once in
 * the background (files near the open documents first), and kept up to date as documents
 * change and files are created, changed or deleted. Open documents are read from the
 * editor's text, each with its own block cache.
 */
export class TraceService implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly versions = new Map<string, number>();
  /** The version of each open document whose read started last. */
  private readonly reading = new Map<string, number>();
  private readonly parses = new Map<string, BlockParseCache>();
  private indexing: Promise<void> | undefined;
  private generation = 0;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly specs: SpecService) {}

  uriOf(path: string): vscode.Uri {
    return this.uris.get(path) ?? vscode.Uri.file(path);
  }

  /** Tells listeners (CodeLens, the view, diagnostics) once a burst of updates settles. */
  private announce(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.changed.fire(), 30);
  }

  private isWorkspaceFile(uri: vscode.Uri): boolean {
    return vscode.workspace.getWorkspaceFolder(uri) !== undefined && readSettings(uri).enable;
  }

  /** Reads one file's text into the index; false when it takes no part or did not change. */
  private async read(uri: vscode.Uri, text: string, options: { cache?: BlockParseCache; analysis?: DocumentAnalysis; superseded?: () => boolean } = {}): Promise<boolean> {
    const path = enginePath(uri);
    this.uris.set(path, uri);
    const project = this.specs.project(uri);
    const analysis = options.analysis && options.analysis.result.doc.text === text ? options.analysis.result.analysis : undefined;
    const traced = await readTraceFile(project, path, text, { cache: options.cache, analysis });
    // A read of a newer version finished first (an undo right after an edit): this one's text is stale.
    if (options.superseded?.()) return false;
    if (!traced) return this.index.remove(path);
    return this.index.update(traced.facts, traced.context);
  }

  private async readFromDisk(uri: vscode.Uri): Promise<boolean> {
    try {
      return await this.read(uri, new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      return this.index.remove(enginePath(uri));
    }
  }

  /** The document's current text is in the index (the analysis a check made of it is reused for a spec). */
  async refresh(document: vscode.TextDocument, analysis?: DocumentAnalysis): Promise<void> {
    if (!this.isWorkspaceFile(document.uri)) return;
    const path = enginePath(document.uri);
    if (this.versions.get(path) === document.version && this.index.facts(path)) return;
    let cache = this.parses.get(path);
    if (!cache) this.parses.set(path, (cache = new BlockParseCache()));
    const version = document.version;
    this.reading.set(path, version);
    const superseded = () => this.reading.get(path) !== version;
    if (await this.read(document.uri, document.getText(), { cache, analysis, superseded })) this.announce();
    if (!superseded()) this.versions.set(path, version);
  }

  /** A document closed: the file on disk is what counts again. */
  async closed(document: vscode.TextDocument): Promise<void> {
    const path = enginePath(document.uri);
    this.versions.delete(path);
    this.reading.delete(path);
    this.parses.delete(path);
    if (this.index.facts(path) && (await this.readFromDisk(document.uri))) this.announce();
  }

  /** A file changed on disk (not open, or saved); files no feature or test configuration names are not read. */
  async fileChanged(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open || !this.isWorkspaceFile(uri)) return;
    const path = enginePath(uri);
    if (!MARKDOWN_FILE.test(path) && !(await isTraceCodeFile(this.specs.project(uri), path))) {
      if (this.index.remove(path)) this.announce();
      return;
    }
    if (await this.readFromDisk(uri)) this.announce();
  }

  fileDeleted(uri: vscode.Uri): void {
    if (this.index.remove(enginePath(uri))) this.announce();
  }

  /** Configuration changed: everything is read again. */
  reset(): void {
    this.generation++;
    this.index.clear();
    this.versions.clear();
    this.reading.clear();
    this.indexing = undefined;
    void this.ensureIndexed();
  }

  /** The whole workspace indexed (started once, in the background). */
  ensureIndexed(): Promise<void> {
    this.indexing ??= Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Specwise: tracing requirements' }, (progress) => this.indexWorkspace(progress)));
    return this.indexing;
  }

  private async codeFiles(): Promise<vscode.Uri[]> {
    const configs = await vscode.workspace.findFiles('**/.specwise.{json,jsonc}', EXCLUDED);
    const found: vscode.Uri[] = [];
    for (const file of configs) {
      const { config } = await this.specs.project(file).configFor(enginePath(file));
      for (const globs of [config.trace.tests, config.trace.sources]) found.push(...(await this.filesOf(file, globs)));
    }
    return found;
  }

  private async filesOf(like: vscode.Uri, globs: GlobSet | undefined): Promise<vscode.Uri[]> {
    if (!globs) return [];
    const uris: vscode.Uri[] = [];
    // Each pattern from its own base: "../tests/**" from the parent folder, "src/**" from the configuration's.
    for (const raw of globs.patterns) {
      const { base, pattern } = anchored(globs.base, raw);
      uris.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(like.with({ path: base }), pattern), EXCLUDED)));
    }
    return uris;
  }

  private async indexWorkspace(progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const generation = this.generation;
    const markdown = await vscode.workspace.findFiles('**/*.{md,markdown}', EXCLUDED);
    const code = await this.codeFiles();
    // Files near the open documents first: their features' CodeLens and findings come soonest.
    const near = vscode.workspace.textDocuments.map((document) => dirname(dirname(enginePath(document.uri))));
    const distance = (uri: vscode.Uri) => (near.some((folder) => enginePath(uri).startsWith(`${folder}/`)) ? 0 : 1);
    const files = [...new Map([...markdown, ...code].map((uri) => [uri.toString(), uri])).values()].sort((a, b) => distance(a) - distance(b));
    let sliceStarted = performance.now();
    for (const [done, uri] of files.entries()) {
      if (generation !== this.generation) return;
      if (!this.isWorkspaceFile(uri) || this.versions.has(enginePath(uri))) continue;
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      if (open) await this.refresh(open);
      else await this.readFromDisk(uri);
      if (performance.now() - sliceStarted > SLICE_MS) {
        progress.report({ message: `${done + 1} of ${files.length} files` });
        this.announce();
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStarted = performance.now();
      }
    }
    this.announce();
  }

  /** Whether a file is read for traceability (Markdown of a feature, or a configured test or source file). */
  isIndexed(uri: vscode.Uri): boolean {
    return this.index.facts(enginePath(uri)) !== undefined;
  }

  dispose(): void {
    clearTimeout(this.changeTimer);
    this.changed.dispose();
  }
}
