import type { Fix } from './fix.js';
import type { SpecDocument } from './model.js';
import type { OffsetRange } from './positions.js';
import { createAnalysisContext, ruleDocsUrl, type ActiveSeverity, type AnalysisContext, type AnyRule, type Finding, type Report, type RuleContext, type Severity } from './rule.js';
import { SuppressionMap } from './suppressions.js';
import type { Template } from './template.js';

/** Findings the engine makes about itself: a rule that threw or reported a bad range. */
export const INTERNAL_RULE_ID = 'internal-error';

export interface RuleSetting {
  severity: Severity;
  options?: unknown;
}

export interface CheckOptions {
  template: Template;
  rules: readonly AnyRule[];
  /** Templates the file may name; defaults to just the active one. */
  templates?: ReadonlyMap<string, Template>;
  /** Per-rule severity and options; rules not named use their defaults. */
  settings?: Readonly<Record<string, RuleSetting>>;
  /** An analysis of the same document and template to share (the editor reuses it for the outline). */
  analysis?: AnalysisContext;
}

const SEVERITY_RANK: Record<ActiveSeverity, number> = { info: 0, warning: 1, error: 2 };

function lowerSeverity(a: ActiveSeverity, b: ActiveSeverity | undefined): ActiveSeverity {
  return b !== undefined && SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a;
}

function isValidRange(range: OffsetRange | undefined, length: number): boolean {
  return (
    !!range &&
    Number.isInteger(range.start) &&
    Number.isInteger(range.end) &&
    range.start >= 0 &&
    range.start <= range.end &&
    range.end <= length
  );
}

function isValidFix(fix: Fix, length: number): boolean {
  return (
    typeof fix.title === 'string' &&
    Array.isArray(fix.edits) &&
    fix.edits.every(
      (edit) =>
        typeof edit.newText === 'string' &&
        isValidRange({ start: edit.offset, end: edit.offset + edit.length }, length) &&
        edit.length >= 0,
    )
  );
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Runs every enabled rule over one parsed document. One rule's failure never hides another's findings. */
export function checkSpec(doc: SpecDocument, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const suppressions = new SuppressionMap(doc);
  const analysis = options.analysis ?? createAnalysisContext(doc, options.template);
  const length = doc.text.length;

  const push = (ruleId: string, severity: ActiveSeverity, report: Report): void => {
    const start = doc.lines.position(report.range.start);
    if (ruleId !== INTERNAL_RULE_ID && suppressions.isSuppressed(ruleId, start.line - 1)) return;
    findings.push({
      ...report,
      ruleId,
      severity: lowerSeverity(severity, report.severity),
      docsUrl: ruleDocsUrl(ruleId),
      start,
      end: doc.lines.position(report.range.end),
      fixes: report.fixes ?? [],
      related: report.related?.map((entry) => ({
        ...entry,
        start: doc.lines.position(entry.range.start),
        end: doc.lines.position(entry.range.end),
      })),
    });
  };
  const internal = (message: string, range: OffsetRange = { start: 0, end: 0 }, data?: Record<string, unknown>) =>
    push(INTERNAL_RULE_ID, 'error', { message, range, data });

  if (doc.parseError) internal(`The Markdown could not be parsed (${doc.parseError}); only checks that need no structure ran.`);
  for (const rule of options.rules) {
    const setting = options.settings?.[rule.id];
    const severity = setting?.severity ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    let ruleOptions: unknown = setting?.options ?? {};
    if (rule.options) {
      const parsed = rule.options.safeParse(ruleOptions);
      if (!parsed.success) {
        internal(`Options of rule '${rule.id}' are invalid: ${parsed.error.issues[0]?.message ?? 'unknown error'}`, undefined, { rule: rule.id });
        continue;
      }
      ruleOptions = parsed.data;
    }
    const context: RuleContext<unknown> = {
      doc,
      template: options.template,
      options: ruleOptions,
      templates: options.templates ?? new Map([[options.template.name, options.template]]),
      get match() {
        return analysis.match;
      },
      shared: analysis.shared,
      remember: analysis.remember,
      report(report) {
        if (!isValidRange(report.range, length)) {
          internal(`Rule '${rule.id}' reported an invalid range ${JSON.stringify(report.range)}.`, undefined, { rule: rule.id });
          return;
        }
        const fixes = (report.fixes ?? []).filter((fix) => isValidFix(fix, length));
        if (fixes.length !== (report.fixes ?? []).length) {
          internal(`Rule '${rule.id}' offered a fix with an invalid edit.`, report.range, { rule: rule.id });
        }
        const related = report.related?.filter((entry) => isValidRange(entry.range, length));
        push(rule.id, severity, { ...report, fixes, related });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      internal(`Rule '${rule.id}' failed: ${detail}`, undefined, { rule: rule.id });
    }
  }
  // The sort is stable: one rule's findings at the same place keep their report order (template order).
  return findings.sort(compareFindings);
}
