import * as vscode from 'vscode';
import { lintText, type LintResult } from '../api.js';
import { SpecwiseProject, type SpecSettings } from '../config.js';
import { BlockParseCache } from '../core/block-parse.js';
import { dirname } from '../core/paths.js';
import { readSettings } from './settings.js';
import { workspaceHost } from './workspace-host.js';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  result: LintResult;
  settings: SpecSettings;
}

/** Engine path of a URI: its path, '/'-separated, the same for file, remote and virtual schemes. */
export function enginePath(uri: vscode.Uri): string {
  return uri.path;
}

/**
 * Runs the engine for the editor: one config project per workspace folder, and one analysis
 * per document version, shared by diagnostics, code actions, the outline and hovers.
 */
export class SpecService implements vscode.Disposable {
  private readonly projects = new Map<string, SpecwiseProject>();
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly skipped = new Map<string, string>();
  /** Block parses per open document: an edit re-parses only the blocks it touched. */
  private readonly parses = new Map<string, BlockParseCache>();

  constructor(readonly output: vscode.OutputChannel) {}

  project(uri: vscode.Uri): SpecwiseProject {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const root = folder ? enginePath(folder.uri) : dirname(enginePath(uri));
    const key = `${uri.scheme}://${uri.authority}${root}`;
    let project = this.projects.get(key);
    if (!project) {
      const settings = readSettings(uri);
      project = new SpecwiseProject(workspaceHost(uri), {
        root,
        fallback: { template: settings.defaultTemplate, files: settings.files },
        keepLastValid: true,
      });
      this.projects.set(key, project);
    }
    return project;
  }

  /** Forgets configs and analyses: a config file or a setting changed. */
  invalidate(): void {
    this.projects.clear();
    this.cache.clear();
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.skipped.delete(uri.toString());
    this.parses.delete(uri.toString());
  }

  async settingsFor(uri: vscode.Uri, text: string): Promise<SpecSettings> {
    return this.project(uri).settingsFor(enginePath(uri), text);
  }

  /** The analysis of the document's current version; undefined when it is not a spec or checking is off. */
  async analyze(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    if (document.languageId !== 'markdown' || !readSettings(document.uri).enable) return undefined;
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    const version = document.version;
    const text = document.getText();
    const settings = await this.settingsFor(document.uri, text);
    this.skipped.delete(key);
    if (!settings.isSpec) {
      this.cache.delete(key);
      return undefined;
    }
    if (text.length > settings.maxFileSize) {
      this.cache.delete(key);
      this.skipped.set(key, `Specwise skipped this file: ${(text.length / 1024 / 1024).toFixed(1)} MB is over the ${(settings.maxFileSize / 1024 / 1024).toFixed(1)} MB limit (maxFileSize in .specwise.json).`);
      return undefined;
    }
    // The document may have changed while the config loaded: analyse what the editor shows now.
    const current = document.version === version ? text : document.getText();
    let parses = this.parses.get(key);
    if (!parses) this.parses.set(key, (parses = new BlockParseCache()));
    const result = lintText({ text: current, uri: key, template: settings.template, settings: settings.settings, templates: settings.templates, cache: parses });
    const analysis = { uri: key, version: document.version, result, settings };
    this.cache.set(key, analysis);
    return analysis;
  }

  /** Why the document was not analysed although it is a spec (too large), if it was not. */
  skippedReason(document: vscode.TextDocument): string | undefined {
    return this.skipped.get(document.uri.toString());
  }

  /** The cached analysis if it matches the document's version (for synchronous providers). */
  cached(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const cached = this.cache.get(document.uri.toString());
    return cached && cached.version === document.version ? cached : undefined;
  }

  /** Logs an error from a provider or command without letting it break other features. */
  logError(where: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.output.appendLine(`[${new Date().toISOString()}] ${where}: ${detail}`);
  }

  dispose(): void {
    this.invalidate();
    this.parses.clear();
  }
}
