import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { activeTerms, clarifyFix, findPhrases, phrasePattern, wordingOptionsSchema, type WordingOptions } from '../core/wording.js';

const SPEED = "state a bound such as 'p95 latency under 300 ms'";
const USABILITY = "state a usability target such as '90% of first-time users finish the task in under 2 minutes'";
const RELIABILITY = "state an availability or error-rate target such as '99.9% monthly availability'";
const QUANTITY = 'give the number or a range';
const CRITERION = 'state the criterion that decides it, with a value';
const TIME = 'give the deadline or the duration';
const TARGET = 'state the target value and unit';

/** INCOSE R7/R33/R34/R35 and Wiegers' ambiguous terms, each with what to write instead. */
export const VAGUE_TERMS: Readonly<Record<string, string>> = {
  fast: SPEED, faster: SPEED, quick: SPEED, quickly: SPEED, rapid: SPEED, rapidly: SPEED, responsive: SPEED,
  instant: SPEED, instantly: SPEED, instantaneous: SPEED, 'high performance': SPEED, performant: SPEED, snappy: SPEED,
  'user-friendly': USABILITY, 'user friendly': USABILITY, 'easy to use': USABILITY, 'easy-to-use': USABILITY, intuitive: USABILITY,
  'easy to learn': USABILITY, 'simple to use': USABILITY,
  robust: RELIABILITY, resilient: RELIABILITY, 'highly available': RELIABILITY, 'high availability': RELIABILITY,
  scalable: "state the load it must handle, such as '10,000 concurrent users at p95 under 500 ms'",
  efficient: "state the resource budget, such as 'under 200 MB of memory per instance'",
  efficiently: "state the resource budget, such as 'under 200 MB of memory per instance'",
  adequate: CRITERION, adequately: CRITERION, appropriate: CRITERION, appropriately: CRITERION, reasonable: CRITERION,
  reasonably: CRITERION, sufficient: CRITERION, sufficiently: CRITERION, acceptable: CRITERION, suitable: CRITERION,
  'as expected': CRITERION, properly: CRITERION, graceful: CRITERION, gracefully: CRITERION,
  flexible: 'name the variations it must support',
  seamless: "state what the user must not notice, such as 'no second sign-in'",
  seamlessly: "state what the user must not notice, such as 'no second sign-in'",
  minimal: TARGET, minimize: TARGET, maximize: TARGET, optimize: TARGET, optimal: TARGET, optimized: TARGET,
  several: QUANTITY, some: QUANTITY, many: QUANTITY, 'a few': QUANTITY, 'a lot of': QUANTITY, numerous: QUANTITY,
  various: QUANTITY, 'a number of': QUANTITY, significant: QUANTITY, significantly: QUANTITY, substantial: QUANTITY,
  substantially: QUANTITY,
  approximately: "give a tolerance, such as '200 ms ± 20 ms'", roughly: "give a tolerance, such as '200 ms ± 20 ms'",
  nearly: "give a tolerance, such as '200 ms ± 20 ms'", 'almost always': "give a rate, such as 'in 99% of requests'",
  timely: TIME, 'in a timely manner': TIME, soon: TIME, eventually: TIME, asap: TIME, 'as soon as possible': TIME, promptly: TIME,
};

/** Words that are precise in these phrases ("how many users", "as many as 5"). */
const PRECISE_CONTEXT = /\b(?:how|as)\s*$/i;

/**
 * Quantifiers are vague when they count things ("some formats", "several retries"), not
 * when they are logical ("some type T", "at some point", "some kind of").
 */
const QUANTIFIERS = new Set(['some', 'many', 'several', 'various', 'numerous', 'a few', 'a number of', 'a lot of']);
/** "roughly the following", "approximately as follows": pointing at an example, not a bound. */
const APPROXIMATIONS = new Set(['roughly', 'approximately', 'nearly']);
const POINTS_AT_EXAMPLE = /^\s+(?:the following|as follows|like|speaking)\b/i;
const COUNTED_THING = /^\s+(?!kinds?\b|sorts?\b|ways?\b|points?\b|times?\b|cases?\b|of\b)(?:[\p{L}-]+\s+){0,2}[\p{L}-]*\p{L}s\b/iu;

export const vagueTerm = defineRule<WordingOptions>({
  id: 'vague-term',
  description: 'Vague or unverifiable wording in requirements, criteria, risks and dependencies (INCOSE R7).',
  docs: ruleDocsUrl('vague-term'),
  defaultSeverity: 'info',
  options: wordingOptionsSchema,
  check(context) {
    const pattern = phrasePattern(activeTerms(Object.keys(VAGUE_TERMS), context.options));
    if (!pattern) return;
    for (const match of findPhrases(context, pattern, true)) {
      const phrase = match.phrase.toLowerCase().replace(/\s+/g, ' ');
      if (PRECISE_CONTEXT.test(match.unit.text.slice(Math.max(0, match.index - 8), match.index))) continue;
      const after = match.unit.text.slice(match.index + match.phrase.length, match.index + match.phrase.length + 40);
      if (QUANTIFIERS.has(phrase) && !COUNTED_THING.test(after)) continue;
      if (APPROXIMATIONS.has(phrase) && POINTS_AT_EXAMPLE.test(after)) continue;
      const hint = VAGUE_TERMS[phrase] ?? 'state a measurable value instead';
      context.report({
        message: `'${match.phrase}' is not testable: ${hint}.`,
        range: match.range,
        data: { term: phrase },
        fixes: [clarifyFix(match.range, `quantify "${match.phrase}"`)],
      });
    }
  },
});
