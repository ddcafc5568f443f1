import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { activeTerms, clarifyFix, findPhrases, insideParentheses, phrasePattern, wordingOptionsSchema, type WordingOptions } from '../core/wording.js';

/** INCOSE R9: lists that never end. */
export const OPEN_ENDED_CLAUSES = [
  'etc.', 'etc', 'et cetera', 'and so on', 'and so forth', 'including but not limited to', 'including, but not limited to',
  'among others', 'and the like', 'and more',
];

/** "left, right, left, etc.", "first repeat ..., second ..., and so on": a series with a rule. */
function repeatsPattern(before: string): boolean {
  const items = before.split(/[,;]|\band\b|\bthen\b|→|->/).map((item) => item.trim().toLowerCase()).filter(Boolean).slice(-5);
  if (items.length >= 3 && new Set(items).size < items.length) return true;
  return /\b(?:first|1st|lowest|highest|smallest|largest)\b[^.]*\b(?:second|2nd)\b/i.test(before);
}

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
      // "and more compression": a comparative, not a list left open.
      if (/^and more$/i.test(match.phrase) && /^\s+[\p{L}-]/u.test(match.unit.text.slice(match.index + match.phrase.length))) continue;
      // "/etc/hosts": a path, not an abbreviation.
      if (/^etc\.?$/i.test(match.phrase) && (/[/\\~]$/.test(match.unit.text.slice(0, match.index)) || match.unit.text[match.index + 3] === '/')) continue;
      // "(init, update, etc.)": examples of a set the sentence already names; "0.001, 0.006, etc." and '"_1", "_2", etc.': a series.
      // (Quoted text is blanked in the unit, so the series is read in the document's own text.)
      if (insideParentheses(match.unit.text, match.index) || /\d[\d.%]*["'`”’]?,\s*$/.test(context.doc.text.slice(Math.max(0, match.range.start - 12), match.range.start))) continue;
      // "left, right, left, etc.": a pattern that repeats, so the list is defined.
      if (repeatsPattern(match.unit.text.slice(Math.max(0, match.index - 200), match.index))) continue;
      // "characters such as ;, | and &, etc.": examples of a class the sentence names.
      if (/\b(?:such as|e\.g\.|for example|for instance|like|including)\b[^.;:]*$/i.test(match.unit.text.slice(Math.max(0, match.index - 80), match.index))) continue;
      context.report({
        message: `'${match.phrase}' leaves the list open, so nobody can verify it is met: list every item.`,
        range: match.range,
        data: { term: match.phrase.toLowerCase() },
        fixes: [clarifyFix(match.range, 'complete the list')],
      });
    }
  },
});
