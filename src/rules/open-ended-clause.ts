import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { activeTerms, clarifyFix, findPhrases, phrasePattern, wordingOptionsSchema, type WordingOptions } from '../core/wording.js';

/** INCOSE R9: lists that never end. */
export const OPEN_ENDED_CLAUSES = [
  'etc.', 'etc', 'et cetera', 'and so on', 'and so forth', 'including but not limited to', 'including, but not limited to',
  'among others', 'and the like', 'or similar', 'and similar', 'and more',
];

export const openEndedClause = defineRule<WordingOptions>({
  id: 'open-ended-clause',
  description: 'A list left open with "etc.", "and so on" or "including but not limited to" (INCOSE R9).',
  docs: ruleDocsUrl('open-ended-clause'),
  defaultSeverity: 'info',
  options: wordingOptionsSchema,
  check(context) {
    const pattern = phrasePattern(activeTerms(OPEN_ENDED_CLAUSES, context.options));
    if (!pattern) return;
    for (const match of findPhrases(context, pattern, false)) {
      context.report({
        message: `'${match.phrase}' leaves the list open, so nobody can verify it is met: list every item.`,
        range: match.range,
        data: { term: match.phrase.toLowerCase() },
        fixes: [clarifyFix(match.range, 'complete the list')],
      });
    }
  },
});
