import { entriesOfKind, firstLineRange } from '../core/entries.js';
import { markedStatus, requirementIndexOf, type TraceStatus } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

const OPEN: ReadonlySet<TraceStatus> = new Set(['unmet', 'partial', 'unverified']);

export const unverifiedCriterion = defineRule({
  id: 'unverified-criterion',
  description: 'A requirement or criterion the document itself marks not met, partial or not verified (❌, ⚠️, NOT MET, PARTIAL, NOT VERIFIED), in a verification table, a checklist or the criterion itself.',
  docs: ruleDocsUrl('unverified-criterion'),
  defaultSeverity: 'warning',
  check(context) {
    const reported = new Set<unknown>();
    for (const reference of requirementIndexOf(context).references) {
      if (!reference.status || !OPEN.has(reference.status)) continue;
      reported.add(reference.unit);
      context.report({
        message: `${reference.id} is marked '${reference.statusText}' here: the spec is not done until it is met, verified, or deferred with a recorded decision.`,
        range: reference.statusRange ?? reference.range,
        data: { id: reference.id, status: reference.status },
      });
    }
    for (const entry of entriesOfKind(context, 'success-criteria')) {
      if (reported.has(entry)) continue;
      const marked = markedStatus(entry.text);
      if (!marked || !OPEN.has(marked.status)) continue;
      // "❌ NOT MET: requirement not satisfied": a status key, not a criterion.
      if (/^[\s❌⚠️✅🔄]*(?:NOT MET|NOT VERIFIED|UNVERIFIED|PARTIAL(?:LY MET)?|DEFERRED|FAIL(?:ED)?|MET|VERIFIED|PASS(?:ED)?)?\s*[:=–—-]/u.test(entry.text) && entry.text.trimStart().startsWith(marked.marker)) continue;
      context.report({
        message: `This criterion is marked '${marked.marker}': resolve what it flags, then mark it met, or defer it with a recorded decision.`,
        range: firstLineRange(context.doc, entry),
        data: { status: marked.status },
      });
    }
  },
});
