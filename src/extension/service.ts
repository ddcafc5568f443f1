import * as vscode from 'vscode';
import { lintText, parseSpec, type LintResult } from '../api.js';
import { SpecwiseProject, type SpecSettings } from '../config.js';
import { BlockParseCache } from '../core/block-parse.js';
import { binaryReason, sizeReason } from '../core/file-policy.js';
import { dirname } from '../core/paths.js';
import { readSettings } from './settings.js';
import { workspaceHost } from './workspace-host.js';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  result: LintResult;
  settings: SpecSettings;
}

/** What Specwise makes of an open Markdown document: checked, not a spec, or skipped (binary, too large). */
export type DocumentState =
  | { kind: 'spec'; analysis: DocumentAnalysis; settings: SpecSettings }
  | { kind: 'not-spec'; settings: SpecSettings }
  | { kind: 'skipped'; settings: SpecSettings; reason: string };

/** Engine path of a URI: its path, '/'-separated, the same for file, remote and virtual schemes. */
export function enginePath(uri: vscode.Uri): string {
  return uri.path;
}

const CHECKED_ON_REQUEST = 'checked on request in this session ("Check This File")';

/** The UTF-8 size of text, counted only when it could be over the limit. */
function byteLength(text: string, limit: number): number {
  return text.length * 3 <= limit ? text.length : new TextEncoder().encode(text).length;
}

/**
 * Runs the engine for the editor: one config project per workspace folder, and one analysis
 * per document version, shared by diagnostics, code actions, the outline and hovers.
 */
export class SpecService implements vscode.Disposable {
  private readonly projects = new Map<string, SpecwiseProject>();
  private readonly states = new Map<string, { version: number; state: DocumentState }>();
  /** Counts configuration changes, so a check that started before one is not cached. */
  private generation = 0;
  private readonly pending = new Map<string, { version: number; state: Promise<DocumentState> }>();
  /** Files the user asked to check although they are not specs, until the window closes. */
  private readonly checkedOnRequest = new Set<string>();
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
    this.generation++;
    this.projects.clear();
    this.states.clear();
    this.pending.clear();
  }

  forget(uri: vscode.Uri): void {
    this.states.delete(uri.toString());
    this.pending.delete(uri.toString());
    this.parses.delete(uri.toString());
  }

  /** "Check This File": treat a Markdown file as a spec for the rest of the session. */
  checkOnRequest(uri: vscode.Uri): void {
    this.checkedOnRequest.add(uri.toString());
    this.states.delete(uri.toString());
    this.pending.delete(uri.toString());
  }

  async settingsFor(uri: vscode.Uri, text: string): Promise<SpecSettings> {
    const settings = await this.project(uri).settingsFor(enginePath(uri), text);
    return !settings.isSpec && this.checkedOnRequest.has(uri.toString()) ? { ...settings, isSpec: true, specReason: CHECKED_ON_REQUEST } : settings;
  }

  /** The state of the document's current version; undefined when it is not Markdown or checking is off. */
  async state(document: vscode.TextDocument): Promise<DocumentState | undefined> {
    if (document.languageId !== 'markdown' || !readSettings(document.uri).enable) return undefined;
    const key = document.uri.toString();
    const cached = this.states.get(key);
    if (cached && cached.version === document.version) return cached.state;
    // Diagnostics, code actions and the outline ask for the same version at once: check it once.
    const pending = this.pending.get(key);
    if (pending && pending.version === document.version) return pending.state;
    const state = this.computeState(key, document);
    this.pending.set(key, { version: document.version, state });
    try {
      return await state;
    } finally {
      if (this.pending.get(key)?.state === state) this.pending.delete(key);
    }
  }

  private async computeState(key: string, document: vscode.TextDocument): Promise<DocumentState> {
    const version = document.version;
    const generation = this.generation;
    const text = document.getText();
    const settings = await this.settingsFor(document.uri, text);
    // The document may have changed while the config loaded: analyse what the editor shows now.
    const current = document.version === version ? text : document.getText();
    const state = this.stateOf(key, current, settings, document.version);
    // A configuration that changed meanwhile makes this state stale: the next request recomputes.
    if (generation === this.generation) this.states.set(key, { version: document.version, state });
    return state;
  }

  private stateOf(key: string, text: string, settings: SpecSettings, version: number): DocumentState {
    if (!settings.isSpec) return { kind: 'not-spec', settings };
    // The same policy as the CLI's: binary files and files over the size limit are not checked.
    const skipped = binaryReason(text) ?? sizeReason(byteLength(text, settings.maxFileSize), settings.maxFileSize);
    if (skipped) return { kind: 'skipped', settings, reason: skipped };
    let parses = this.parses.get(key);
    const first = !parses;
    if (!parses) this.parses.set(key, (parses = new BlockParseCache()));
    // The first check parses only what the rules read, for the quickest first findings; then,
    // when the extension host is idle, every block is parsed once, so that an edit re-parses
    // only the block it touched (a lazy check would scan and rebuild the skipped ones each time).
    const result = lintText({ text, uri: key, template: settings.template, settings: settings.settings, templates: settings.templates, cache: parses, fullParse: !first });
    if (first) this.warmUp(key, parses);
    return { kind: 'spec', settings, analysis: { uri: key, version, result, settings } };
  }

  /** Parses every block of the document's current text into its cache, once the host is idle. */
  private warmUp(key: string, parses: BlockParseCache): void {
    setTimeout(() => {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
      if (!document || this.parses.get(key) !== parses) return;
      try {
        parseSpec(document.getText(), key, { cache: parses });
      } catch (error) {
        this.logError(`parsing ${key}`, error);
      }
    }, 50);
  }

  /** The analysis of the document's current version; undefined when it is not a checked spec. */
  async analyze(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    const state = await this.state(document);
    return state?.kind === 'spec' ? state.analysis : undefined;
  }

  /** The cached analysis if it matches the document's version (for synchronous providers). */
  cached(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const cached = this.states.get(document.uri.toString());
    return cached && cached.version === document.version && cached.state.kind === 'spec' ? cached.state.analysis : undefined;
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
