/**
 * Cross-file rules: each reads the resolved trace of a feature (or of the workspace) and
 * reports findings in the file where they belong, with related locations in other files.
 */
import type { Place, TraceFileFacts } from './model.js';
import type { FeatureTrace, WorkspaceLinks } from './graph.js';
import type { Severity } from '../core/rule.js';

export interface TraceReport {
  /** The file the finding belongs to. */
  file: TraceFileFacts;
  place: Place;
  message: string;
  data?: Record<string, unknown>;
  related?: { file: TraceFileFacts; place: Place; message: string }[];
}

export interface TraceWorkspace {
  features: ReadonlyMap<string, FeatureTrace>;
  links: WorkspaceLinks;
  /** Whether the configuration of a spec file names test files (`trace.tests`). */
  tracesTests(file: TraceFileFacts): boolean;
}

export interface TraceRuleContext extends TraceWorkspace {
  report(report: TraceReport): void;
}

export interface TraceRule {
  id: string;
  description: string;
  docs: string;
  defaultSeverity: Severity;
  /** Checks one feature: its files and their citations. */
  checkFeature?(feature: FeatureTrace, context: TraceRuleContext): void;
  /** Checks what crosses features: tests, sources, OpenSpec deltas against base specs. */
  checkWorkspace?(context: TraceRuleContext): void;
}

export function defineTraceRule(rule: TraceRule): TraceRule {
  return rule;
}
