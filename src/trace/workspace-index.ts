/**
 * The traceability index of a workspace: every spec-related file's facts, resolved per
 * feature and across features, with the cross-file findings. Incremental: a file whose
 * content hash is unchanged is not read again, and an update re-resolves only its feature
 * (and what tests cite, when definitions or tests changed).
 */
import type { RuleSetting } from '../core/runner.js';
import { resolveFeature, resolveWorkspaceCitations, type FeatureTrace, type WorkspaceLinks } from './graph.js';
import type { TraceFileFacts } from './model.js';
import type { TraceRule, TraceWorkspace } from './rule.js';
import { traceRules } from './rules/index.js';
import { runTraceRules, type TraceFinding } from './runner.js';

/** What the configuration says about a file, beside its text. */
export interface TraceFileContext {
  /** The rule settings of the file's configuration. */
  settings?: Readonly<Record<string, RuleSetting>>;
  /** For a spec: whether its configuration names test files (`trace.tests`). */
  tracesTests?: boolean;
}

interface Entry {
  facts: TraceFileFacts;
  context: TraceFileContext;
}

function sameContext(a: TraceFileContext, b: TraceFileContext): boolean {
  return Boolean(a.tracesTests) === Boolean(b.tracesTests) && JSON.stringify(a.settings ?? {}) === JSON.stringify(b.settings ?? {});
}

/** Ids a file defines, with their criteria: when they change, what tests cite must be resolved again. */
function definitionSignature(facts: TraceFileFacts): string {
  return facts.definitions.map((definition) => `${definition.id}:${(definition.criteria ?? []).map((criterion) => criterion.id ?? '').join(',')}`).join('\n') + `|${facts.deltas.length}`;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly featureFiles = new Map<string, Set<string>>();
  private readonly resolved = new Map<string, FeatureTrace>();
  private readonly featureFindings = new Map<string, TraceFinding[]>();
  private links: WorkspaceLinks | undefined;
  private workspaceFindings: TraceFinding[] | undefined;

  constructor(private readonly rules: readonly TraceRule[] = traceRules) {}

  get size(): number {
    return this.entries.size;
  }

  facts(path: string): TraceFileFacts | undefined {
    return this.entries.get(path)?.facts;
  }

  paths(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Adds or replaces a file's facts; false when nothing changed (same content, same configuration). */
  update(facts: TraceFileFacts, context: TraceFileContext = {}): boolean {
    const previous = this.entries.get(facts.path);
    if (previous && previous.facts.hash === facts.hash && previous.facts.role === facts.role && previous.facts.feature === facts.feature && sameContext(previous.context, context)) return false;
    if (previous) this.detach(previous.facts);
    if (previous?.context.tracesTests) this.testedSpecs--;
    if (context.tracesTests) this.testedSpecs++;
    this.entries.set(facts.path, { facts, context });
    if (facts.feature) {
      const files = this.featureFiles.get(facts.feature) ?? new Set();
      files.add(facts.path);
      this.featureFiles.set(facts.feature, files);
      this.dirtyFeature(facts.feature);
    }
    const crossesFeatures = !facts.feature || facts.role === 'spec';
    if (crossesFeatures && (!previous || definitionSignature(previous.facts) !== definitionSignature(facts) || !facts.feature || Boolean(previous.context.tracesTests) !== Boolean(context.tracesTests))) this.dirtyLinks();
    else if (crossesFeatures) this.workspaceFindings = undefined;
    return true;
  }

  remove(path: string): boolean {
    const entry = this.entries.get(path);
    if (!entry) return false;
    this.detach(entry.facts);
    if (entry.context.tracesTests) this.testedSpecs--;
    this.entries.delete(path);
    if (!entry.facts.feature || entry.facts.role === 'spec') this.dirtyLinks();
    return true;
  }

  /** Forgets everything: the configuration changed. */
  clear(): void {
    this.testedSpecs = 0;
    this.entries.clear();
    this.featureFiles.clear();
    this.resolved.clear();
    this.featureFindings.clear();
    this.dirtyLinks();
  }

  private detach(facts: TraceFileFacts): void {
    if (!facts.feature) return;
    const files = this.featureFiles.get(facts.feature);
    files?.delete(facts.path);
    if (files?.size === 0) this.featureFiles.delete(facts.feature);
    this.dirtyFeature(facts.feature);
  }

  private dirtyFeature(feature: string): void {
    this.resolved.delete(feature);
    this.featureFindings.delete(feature);
  }

  private dirtyLinks(): void {
    this.links = undefined;
    this.workspaceFindings = undefined;
    // Which requirements tests cover may have changed for any feature that asks for tests.
    if (this.testedSpecs > 0) this.featureFindings.clear();
  }

  /** How many specs' configurations name test files: without any, links change no feature's findings. */
  private testedSpecs = 0;

  /** The resolved trace of a feature folder. */
  feature(path: string): FeatureTrace | undefined {
    let feature = this.resolved.get(path);
    if (!feature) {
      const files = this.featureFiles.get(path);
      if (!files) return undefined;
      feature = resolveFeature(path, [...files].map((file) => this.entries.get(file)!.facts));
      this.resolved.set(path, feature);
    }
    return feature;
  }

  /** The feature a file belongs to. */
  featureOf(path: string): FeatureTrace | undefined {
    const feature = this.entries.get(path)?.facts.feature;
    return feature ? this.feature(feature) : undefined;
  }

  features(): Map<string, FeatureTrace> {
    const all = new Map<string, FeatureTrace>();
    for (const path of [...this.featureFiles.keys()].sort()) all.set(path, this.feature(path)!);
    return all;
  }

  /** Test and source citations, resolved across features. */
  workspaceLinks(): WorkspaceLinks {
    this.links ??= resolveWorkspaceCitations(
      this.features().values(),
      [...this.entries.values()].filter((entry) => !entry.facts.feature).map((entry) => entry.facts),
    );
    return this.links;
  }

  workspace(): TraceWorkspace {
    return {
      features: this.features(),
      links: this.workspaceLinks(),
      tracesTests: (file) => this.entries.get(file.path)?.context.tracesTests === true,
    };
  }

  private settingsFor = (path: string) => this.entries.get(path)?.context.settings;

  /** Every cross-file finding, per feature computed once until the feature changes. */
  findings(): TraceFinding[] {
    const workspace = this.workspace();
    const result: TraceFinding[] = [];
    for (const [path, feature] of workspace.features) {
      let findings = this.featureFindings.get(path);
      if (!findings) {
        findings = runTraceRules(workspace, this.rules, this.settingsFor, { features: [feature], workspace: false });
        this.featureFindings.set(path, findings);
      }
      result.push(...findings);
    }
    this.workspaceFindings ??= runTraceRules(workspace, this.rules, this.settingsFor, { features: [], workspace: true });
    result.push(...this.workspaceFindings);
    return result;
  }

  /** The cross-file findings that belong to one file. */
  findingsFor(path: string): TraceFinding[] {
    return this.findings().filter((finding) => finding.path === path);
  }
}
