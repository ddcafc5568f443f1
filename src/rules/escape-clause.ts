import { sentenceAround } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { activeTerms, clarifyFix, findPhrases, insideParentheses, phrasePattern, wordingOptionsSchema, type WordingOptions } from '../core/wording.js';

/** INCOSE R8: clauses that let a requirement be skipped. */
export const ESCAPE_CLAUSES = [
  'if possible', 'where possible', 'when possible', 'whenever possible', 'as far as possible', 'so far as is possible',
  'as much as possible', 'as little as possible', 'to the extent possible', 'if necessary', 'where necessary', 'when necessary',
  'as necessary', 'to the extent necessary', 'if practical', 'where practical', 'to the extent practical', 'if practicable',
  'where practicable', 'as far as practicable', 'as much as practicable', 'as appropriate', 'where appropriate', 'if appropriate',
  'as required', 'as applicable', 'where applicable', 'where feasible', 'if feasible',
  'as feasible', 'to the extent feasible', 'ideally', 'if time permits', 'best effort', 'best-effort',
];

/**
 * "as required by the GDPR", "as applicable to EU customers": the clause names its
 * condition. ("if needed", "as needed" and "if applicable" are left out: in specs they almost
 * always restate a condition the sentence already makes exact, as in "zero-padded if needed";
 * "optionally" grants a permission, such as an optional field, more often than a way out.)
 */
const NAMED_CONDITION = /^\s+(?:by|in|under|for|to|per)\b/i;
/** "... inline as appropriate. Use constexpr for pure functions; ...": the next sentence says when. */
const RESOLVED_NEXT = /^[^.!?\n]{0,40}[.!?]\s+(?:use|apply|choose|select|prefer|for|when|if|where|only)\b/i;
/** "... otherwise within -120 dB", "if possible, or auto-selects the only change", "where applicable, and … where conventions do not exist": what happens when it does not apply. */
const FALLBACK = /^(?:[^.!?\n]{0,60}?\b(?:otherwise|else|if not|failing that|falls? back|fallback|at least|at minimum|or (?:else )?within)\b|,\s+or\s+(?:else\s+)?\w|[^.!?\n]{0,80}?\b(?:where|when|if)\s+[^.!?\n]{0,40}?\b(?:do(?:es)?\s+not|don'?t|doesn'?t|is\s+not|are\s+not|isn'?t|aren'?t)\b)/i;

/** A sentence whose only modal is MAY grants a permission; it asks for nothing. */
function isPermission(sentence: string): boolean {
  return /\bMAY\b|\bmay\s+(?:be|also|optionally)\b/.test(sentence) && !/\b(?:shall|must|should|will|required to|needs? to)\b/i.test(sentence);
}

/** "marked as required", "set as required": the word is a value, not a loophole. */
const LITERAL_VALUE = /\b(?:marked|flagged|set|declared|defined|listed|shown|labell?ed|treated)\s+$/i;

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
      if (LITERAL_VALUE.test(match.unit.text.slice(Math.max(0, match.index - 20), match.index))) continue;
      if (RESOLVED_NEXT.test(match.unit.text.slice(match.index + match.phrase.length, match.index + match.phrase.length + 200))) continue;
      // "(only minor formatting if necessary)": an aside; "bit-exact where possible, otherwise within -120 dB": a stated fallback.
      if (insideParentheses(match.unit.text, match.index)) continue;
      if (FALLBACK.test(match.unit.text.slice(match.index + match.phrase.length, match.index + match.phrase.length + 160))) continue;
      // "Keys MAY be documented as operator options where appropriate": a permission has nothing to skip.
      if (isPermission(sentenceAround(match.unit.text, match.index))) continue;
      context.report({
        message: `'${match.phrase}' is an escape clause: it lets the requirement be skipped. State exactly when it applies, or drop the clause.`,
        range: match.range,
        data: { term: match.phrase.toLowerCase() },
        fixes: [clarifyFix(match.range, `when exactly does "${match.phrase}" apply?`)],
      });
    }
  },
});
