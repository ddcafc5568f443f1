/**
 * Runs cross-file rules and turns their reports into findings of the files they belong to,
 * with each file's own severity settings and `specwise-disable` comments.
 */
import { ruleDocsUrl, type ActiveSeverity, type Finding } from '../core/rule.js';
import type { RuleSetting } from '../core/runner.js';
import { SuppressionMap } from '../core/suppressions.js';
import type { FeatureTrace } from './graph.js';
import type { TraceRule, TraceRuleContext, TraceWorkspace } from './rule.js';

/** A cross-file finding: a finding of the file at `path`. */
export interface TraceFinding extends Finding {
  path: string;
}

/** The rule settings that apply to a file (its configuration's `rules` and overrides). */
export type SettingsLookup = (path: string) => Readonly<Record<string, RuleSetting>> | undefined;

export interface TraceRunScope {
  /** Features whose rules run; every feature when absent. */
  features?: Iterable<FeatureTrace>;
  /** Run the rules that look across features. */
  workspace: boolean;
}

export function runTraceRules(workspace: TraceWorkspace, rules: readonly TraceRule[], settingsFor: SettingsLookup, scope: TraceRunScope = { workspace: true }): TraceFinding[] {
  const findings: TraceFinding[] = [];
  const suppressions = new Map<string, SuppressionMap>();
  for (const rule of rules) {
    const context: TraceRuleContext = {
      ...workspace,
      report(report) {
        const severity = settingsFor(report.file.path)?.[rule.id]?.severity ?? rule.defaultSeverity;
        if (severity === 'off') return;
        let map = suppressions.get(report.file.path);
        if (!map) suppressions.set(report.file.path, (map = new SuppressionMap(report.file.suppressions)));
        if (map.isSuppressed(rule.id, report.place.start.line - 1)) return;
        findings.push({
          path: report.file.path,
          ruleId: rule.id,
          severity: severity as ActiveSeverity,
          docsUrl: ruleDocsUrl(rule.id),
          message: report.message,
          range: report.place.range,
          start: report.place.start,
          end: report.place.end,
          data: report.data,
          fixes: [],
          related: report.related?.map((related) => ({ path: related.file.path, message: related.message, range: related.place.range, start: related.place.start, end: related.place.end })),
        });
      },
    };
    if (rule.checkFeature) for (const feature of scope.features ?? workspace.features.values()) rule.checkFeature(feature, context);
    if (scope.workspace) rule.checkWorkspace?.(context);
  }
  return findings;
}
