/** Which code actions to offer for findings, decided without VS Code so it can be unit-tested. */
import { safeFixes } from '../core/fix-all.js';
import { mergedEdits, type TextEdit } from '../core/fix.js';
import type { SpecDocument } from '../core/model.js';
import type { OffsetRange } from '../core/positions.js';
import type { Finding } from '../core/rule.js';
import { disableFileEdit, disableLineEdit } from '../core/suppressions.js';

export interface PlannedAction {
  title: string;
  kind: 'quickfix' | 'fixAll';
  edits?: TextEdit[];
  /** A command to run instead of edits (documentation). */
  command?: { id: string; title: string; args: unknown[] };
  isPreferred?: boolean;
  /** The findings this action resolves, to attach their diagnostics. */
  findings: Finding[];
}

export const SHOW_DOCS_COMMAND = 'specwise.showDocumentation';

function intersects(finding: Finding, range: OffsetRange): boolean {
  return finding.range.start <= range.end && finding.range.end >= range.start;
}

/** Quick fixes for the findings under the cursor or selection, from the current analysis. */
export function planQuickFixes(doc: SpecDocument, findings: readonly Finding[], range: OffsetRange): PlannedAction[] {
  const actions: PlannedAction[] = [];
  const here = findings.filter((finding) => intersects(finding, range) && finding.ruleId !== 'internal-error');
  for (const finding of here) {
    finding.fixes.forEach((fix, index) => {
      actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, isPreferred: index === 0 && fix.safe === true, findings: [finding] });
    });
  }
  for (const ruleId of new Set(here.map((finding) => finding.ruleId))) {
    const ofRule = findings.filter((finding) => finding.ruleId === ruleId);
    const fixable = safeFixes(ofRule, ruleId);
    if (fixable.length > 1) {
      actions.push({ title: `Fix all '${ruleId}' problems in this file`, kind: 'quickfix', edits: mergedEdits(doc.text, fixable), findings: ofRule });
    }
    const first = here.find((finding) => finding.ruleId === ruleId)!;
    const lineEdit = disableLineEdit(doc, ruleId, first.start.line - 1);
    if (lineEdit) actions.push({ title: `Disable '${ruleId}' for this line`, kind: 'quickfix', edits: [lineEdit], findings: [first] });
    actions.push({ title: `Disable '${ruleId}' for this file`, kind: 'quickfix', edits: [disableFileEdit(doc, ruleId)], findings: ofRule });
    actions.push({
      title: `Show documentation for '${ruleId}'`,
      kind: 'quickfix',
      command: { id: SHOW_DOCS_COMMAND, title: 'Show documentation', args: [ruleId, first.docsUrl] },
      findings: [first],
    });
  }
  return actions;
}

/** `source.fixAll.specwise`: every safe fix in one edit batch (one pass; the next save takes the rest). */
export function planFixAll(doc: SpecDocument, findings: readonly Finding[]): PlannedAction | undefined {
  const fixes = safeFixes(findings);
  if (fixes.length === 0) return undefined;
  return { title: 'Fix all safe Specwise problems', kind: 'fixAll', edits: mergedEdits(doc.text, fixes), findings: [...findings] };
}
