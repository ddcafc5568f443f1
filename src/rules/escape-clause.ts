import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { activeTerms, clarifyFix, findPhrases, phrasePattern, wordingOptionsSchema, type WordingOptions } from '../core/wording.js';

/** INCOSE R8: clauses that let a requirement be skipped. */
export const ESCAPE_CLAUSES = [
  'if possible', 'where possible', 'when possible', 'whenever possible', 'as far as possible', 'so far as is possible',
  'as much as possible', 'as little as possible', 'to the extent possible', 'if necessary', 'where necessary', 'when necessary',
  'as necessary', 'to the extent necessary', 'if practical', 'where practical', 'to the extent practical', 'if practicable',
  'where practicable', 'as far as practicable', 'as much as practicable', 'as appropriate', 'where appropriate', 'if appropriate',
  'as required', 'as applicable', 'where applicable', 'if applicable', 'as needed', 'if needed', 'where feasible', 'if feasible',
  'as feasible', 'to the extent feasible', 'ideally', 'optionally', 'if time permits', 'best effort', 'best-effort',
];

/** "as required by the GDPR", "as applicable to EU customers": the clause names its condition. */
const NAMED_CONDITION = /^\s+(?:by|in|under|for|to|per)\b/i;

export const escapeClause = defineRule<WordingOptions>({
  id: 'escape-clause',
  description: 'A clause that lets a requirement be skipped: "if possible", "as appropriate", "where practical" (INCOSE R8).',
  docs: ruleDocsUrl('escape-clause'),
  defaultSeverity: 'warning',
  options: wordingOptionsSchema,
  check(context) {
    const pattern = phrasePattern(activeTerms(ESCAPE_CLAUSES, context.options));
    if (!pattern) return;
    for (const match of findPhrases(context, pattern, false)) {
      if (NAMED_CONDITION.test(match.unit.text.slice(match.index + match.phrase.length, match.index + match.phrase.length + 8))) continue;
      context.report({
        message: `'${match.phrase}' is an escape clause: it lets the requirement be skipped. State exactly when it applies, or drop the clause.`,
        range: match.range,
        data: { term: match.phrase.toLowerCase() },
        fixes: [clarifyFix(match.range, `when exactly does "${match.phrase}" apply?`)],
      });
    }
  },
});
