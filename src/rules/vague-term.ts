import { requirementBlocksOf } from '../core/requirement-blocks.js';
import { REQUIREMENT_ID } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';
import { activeTerms, clarifyFix, escapeLiteral, findPhrases, insideParentheses, phrasePattern, wordingOptionsSchema, type PhraseMatch, type WordingOptions } from '../core/wording.js';

const SPEED = "state a bound such as 'p95 latency under 300 ms'";
const USABILITY = "state a usability target such as '90% of first-time users finish the task in under 2 minutes'";
const RELIABILITY = "state an availability or error-rate target such as '99.9% monthly availability'";
const QUANTITY = 'give the number or a range';
const CRITERION = 'state the criterion that decides it, with a value';
const TIME = 'give the deadline or the duration';
const TARGET = 'state the target value and unit';

/** INCOSE R7/R33/R34/R35 and Wiegers' ambiguous terms, each with what to write instead. */
export const VAGUE_TERMS: Readonly<Record<string, string>> = {
  fast: SPEED, faster: SPEED, quick: SPEED, quickly: SPEED,
  responsive: "state a bound such as 'p95 latency under 300 ms', or for a layout the screen widths it must fit, such as '360 px to 1920 px'",
  instantaneous: SPEED, 'high performance': SPEED, performant: SPEED, snappy: SPEED,
  'user-friendly': USABILITY, 'user friendly': USABILITY, 'easy to use': USABILITY, 'easy-to-use': USABILITY, intuitive: USABILITY,
  'easy to learn': USABILITY, 'simple to use': USABILITY,
  robust: RELIABILITY, resilient: RELIABILITY, 'highly available': RELIABILITY, 'high availability': RELIABILITY,
  scalable: "state the load it must handle, such as '10,000 concurrent users at p95 under 500 ms'",
  efficient: "state the resource budget, such as 'under 200 MB of memory per instance'",
  efficiently: "state the resource budget, such as 'under 200 MB of memory per instance'",
  adequate: CRITERION, adequately: CRITERION, appropriate: CRITERION, appropriately: CRITERION, reasonable: CRITERION,
  reasonably: CRITERION, sufficient: CRITERION, sufficiently: CRITERION, acceptable: CRITERION, suitable: CRITERION,
  properly: CRITERION, graceful: CRITERION, gracefully: CRITERION,
  flexible: 'name the variations it must support',
  seamless: "state what the user must not notice, such as 'no second sign-in'",
  seamlessly: "state what the user must not notice, such as 'no second sign-in'",
  minimal: TARGET, minimize: TARGET, maximize: TARGET, optimal: TARGET,
  several: QUANTITY, some: QUANTITY, many: QUANTITY, 'a few': QUANTITY, 'a lot of': QUANTITY, numerous: QUANTITY,
  various: QUANTITY, 'a number of': QUANTITY, significant: QUANTITY, significantly: QUANTITY, substantial: QUANTITY,
  substantially: QUANTITY,
  approximately: "give a tolerance, such as '200 ms ± 20 ms'", roughly: "give a tolerance, such as '200 ms ± 20 ms'",
  nearly: "give a tolerance, such as '200 ms ± 20 ms'", 'almost always': "give a rate, such as 'in 99% of requests'",
  timely: TIME, 'in a timely manner': TIME, soon: TIME, eventually: TIME, asap: TIME, 'as soon as possible': TIME, promptly: TIME,
  immediately: "give the deadline, such as 'within 1 s'",
  correctly: 'name the expected value or the oracle that decides it',
  stable: 'state what must not change, and over what (runs, versions, restarts)',
  smooth: "state the bound, such as 'no step larger than 1 dB'",
  clearly: 'state what the user must see or be told', comprehensive: 'list what must be covered',
  reliable: RELIABILITY, reliably: RELIABILITY, accurately: "give a tolerance, such as '± 0.5%'",
  easily: USABILITY, easy: USABILITY, 'long-running': 'give the duration',
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

/** Where a vague word stands: its statement, and the text right around it. */
interface Occurrence {
  /** The phrase in lower case, and as written. */
  phrase: string;
  original: string;
  /** The whole entry: a criterion or scenario with a number or a stated check is measurable as a whole. */
  entry: string;
  /** Where the word starts in `entry`. */
  index: number;
  isCriterion: boolean;
  /** The sentence (or, in a Given/When/Then, the Then part) that holds it, and its text up to the word. */
  statement: string;
  head: string;
  before: string;
  after: string;
  /** The document's text from the word on: a list after the statement's colon spells it out. */
  following: string;
  /** Where the word was found, and the document's text: its sub-items are read only when an exemption asks. */
  match: PhraseMatch;
  text: string;
  uri?: string;
}

/** The sentence around `index`; in a Given/When/Then, only its outcome: Given and When describe the setup. */
function statementAround(text: string, index: number): { statement: string; head: string; inSetup: boolean } {
  const starts = [...text.slice(0, index).matchAll(/[.!?](?=\s)|\n/g)];
  const from = starts.length > 0 ? starts[starts.length - 1].index + 1 : 0;
  const end = text.slice(index).search(/[.!?](?=\s|$)|\n/);
  const statement = text.slice(from, end < 0 ? text.length : index + end);
  // Given and When set up a test, as does a scenario's own WHEN or GIVEN step; an EARS
  // trigger ("WHEN sufficient data is collected, THE System SHALL ...") is part of the requirement.
  const then = /\bthen\b/i.exec(statement);
  const setup =
    (/\bgiven\b/i.test(statement) && (!then || index - from < then.index)) ||
    (/^\s*(?:given|when|if|and)\b/i.test(statement) && !then && !/\b(?:shall|must)\b/i.test(statement));
  return { statement, head: text.slice(from, index), inSetup: setup };
}

/**
 * Words vague only in some uses. A manner adverb is vague on a generic verb ("works
 * correctly", "fails gracefully") but not on a specific one ("correctly preserved");
 * "immediately" is vague as a response time ("responds immediately"), not as an order of
 * steps ("immediately re-evaluates").
 */
const GENERIC_VERB = '(?:works?|working|worked|handle[sd]?|handling|behaves?|behaving|function(?:s|ing)?|operates?|operating|performs?|performing|runs?|running|process(?:es|ed|ing)?|respond(?:s|ing)?|fails?|failing|exits?|recover(?:s|ing)?|degrades?|transition(?:s|ing)?|displays?|displayed|shows?|shown|renders?|rendered|updates?|updated|loads?|loaded|integrates?|communicates?|indicates?|handled|treated|managed|supports?|supported)';
const NEEDS_CONTEXT: Readonly<Record<string, (before: string, after: string) => boolean>> = {
  ...Object.fromEntries(
    ['correctly', 'properly', 'appropriately', 'gracefully', 'clearly', 'reliably', 'accurately', 'efficiently', 'seamlessly'].map((adverb) => [
      adverb,
      (before: string, after: string) => new RegExp(`\\b${GENERIC_VERB}(?:\\s+[\\w'-]+){0,3}\\s*$`, 'i').test(before) || new RegExp(`^\\s+(?:be\\s+)?${GENERIC_VERB}\\b`, 'i').test(after),
    ]),
  ),
  // "SHALL be stable" asks for an unstated property; "stable link names" names one, defined elsewhere.
  stable: (before) => /\b(?:be|is|are|been|being|become|becomes)\s+$/i.test(before),
  immediately: (before, after) =>
    /\b(?:respond|react|appear|show|display|visible|available)\w*(?:\s+[\w'-]+){0,2}\s*$/i.test(before) || /^\s+(?:respond|react|appear|show|display|visible|available)/i.test(after),
};

/** A purpose infinitive after a SHALL/MUST obligation, not its own verb ("be able to", "need to"). */
const PURPOSE_AFTER_OBLIGATION = /\b(?:shall|must|will|should)\b.*?(?<!\b(?:able|need|needs|required|have|has|want|wants|shall|must|should|will|be|is|are)\s+)\bto\s+(?:enable|ensure|allow|help|keep|avoid|prevent|improve|reduce|let|make|set|maintain|preserve)\b/i;

/** A number or a tolerance, not a digit in a name ("L2", "IPv6", "S3") or in a requirement id. */
function hasNumber(text: string): boolean {
  return /(?<![\p{L}_])\d|±/u.test(text.replace(REQUIREMENT_ID, ' '));
}

const STATED_CHECK = /\b(?:verified|verifiable|measured|measurable|tested|checked|confirmed|asserted|observable)\s+(?:by|via|with|using|through|at|in)\b/i;

/**
 * Statements that say what the word means, so it is not left vague: a number or tolerance,
 * a stated check, a parenthetical or a list after a colon, "with no clicks", a comparison
 * with a named reference, or the word used as a name, a verb or in a purpose clause.
 */
const EXEMPTIONS: readonly [reason: string, test: (occurrence: Occurrence) => boolean][] = [
  ['a number or tolerance in the statement', ({ statement, entry, isCriterion }) => hasNumber(isCriterion ? entry : statement)],
  ['a stated check', ({ statement, entry, isCriterion }) => STATED_CHECK.test(isCriterion ? entry : statement)],
  ['defined right after it', ({ after }) =>
    /^[^,;.]{0,40}?(?:\s*\(|:|,?\s+(?:i\.e\.|e\.g\.|meaning|namely|such as|like)\b|\s+(?:with no|without|instead of|rather than)\b)|^[^;.]{0,50}?,?\s+(?:by|returning|leaving|keeping|showing|using|via|containing|consisting of|made of)\s+\w/i.test(after)],
  ['an oracle named after it ("handle these cases correctly according to IEEE standards")', ({ after }) =>
    /^[^.;]{0,30}?\b(?:according to|in accordance with|as (?:defined|specified|described) (?:in|by)|conform(?:s|ing)? to|compliant with)\s+\S/i.test(after)],
  ['part of a name the document defines ("the quick questions feature" beside "Quick_Questions")', ({ phrase, after, text, uri }) => partOfDefinedName(text, uri, phrase, after)],
  ['what it rules out ("a user-friendly error message if startup fails, rather than a crash trace")', ({ after }) => /^[^.;]{0,100}?\b(?:rather than|instead of)\s+\w/i.test(after)],
  ['its content enumerated ("a comprehensive guide explaining concepts, commands, and workflows", "comprehensive documentation for package workflows: creation, building, and publishing")', ({ after, following }) =>
    /^(?:[^;.]|\.(?=\w)){0,50}?\s+(?:explaining|describing|listing|covering|with|including)\s+[^.;,]+,[^.;]*\b(?:and|or)\s+\w/i.test(after) || /^[^.;:\n]{0,60}:[ \t]*[^.;:,\n]+,[^.;\n]*\b(?:and|or)\s+\w/i.test(following)],
  ['spelled out by the list its statement introduces ("appropriate transformations ...:" and the list)', ({ following }) => /^[^\n]*:[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?:[-*+]|\d+[.)])[ \t]/.test(following)],
  ['spelled out by the AND step that follows its outcome ("THEN it SHALL fail clearly" / "AND it SHALL explain ...")', ({ following }) => /^[^\n.;]{0,30}\r?\n[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?and\b/i.test(following)],
  ['a stated transition ("correctly transitions from false to true")', ({ after }) => /^\s+[\w'-]+\s+from\s+\S+\s+to\s+\S/i.test(after)],
  ['spelled out by the sub-items of its requirement ("a fast approximation" and "- at least 3x faster")', ({ text, match }) => spelledOutBySubItems(text, match)],
  ['defined by a cited requirement ("the same smooth crossfade as FR-010")', ({ statement }) => [...statement.matchAll(REQUIREMENT_ID)].some((id) => id.index > 12)],
  ['a technical term ("instantaneous frequency", "quick overview")', ({ phrase, after }) =>
    (phrase === 'instantaneous' && /^\s+(?:[\w-]+\s+){0,2}(?:level|frequency|value|phase|power|amplitude|rate|velocity|position|gain|pitch)\b/i.test(after)) ||
    (phrase === 'responsive' && /^\s+(?:grid system|utilit(?:y|ies)|breakpoints?|(?:css |utility )?classes|props|modifiers|variants)\b/i.test(after)) ||
    (phrase === 'quick' && /^\s+(?:overview|summary|reference|start|look|check|guide|tour|links?|actions?|search|find|filters?|access|switcher|menu|launcher|picker|reply|replies|settings|toggles?|nav|navigation|questions?|approvals?|rejections?)\b/i.test(after))],
  ['a condition, not the outcome ("when properly configured", "in rapid succession")', ({ statement, before, after }) =>
    /\b(?:when|whenever|if|while|once|unless|in)\s+(?:[\w'-]+\s+){0,3}$/i.test(before) && !/\b(?:shall|must)\b/i.test(after.split(/[,;.]/)[0]) && !/^\s*(?:when|if|while)\b/i.test(statement.trim())],
  ['a level name ("easy/medium/hard")', ({ phrase, before, after }) => /^(?:easy|simple)$/.test(phrase) && (/^\s*[/|,]\s*(?:medium|normal|intermediate|moderate|hard)\b/i.test(after) || /\b(?:difficulty|level)\b[^.;]{0,30}$/i.test(before))],
  ['a term of art ("fail fast")', ({ phrase, before }) => phrase === 'fast' && /\bfail(?:s|ing)?\s*$/i.test(before)],
  ['unchanged ("remain stable")', ({ phrase, before }) => phrase === 'stable' && /\b(?:remain|remains|stay|stays|kept|keep|keeps)\s+$/i.test(before)],
  ['a bound with its condition ("acceptable if ...")', ({ phrase, after }) => phrase === 'acceptable' && /^\s+(?:if|when|provided|as long as|only)\b/i.test(after)],
  ['a message whose content the statement states ("user-friendly error messages when it fails, with guidance on corrective action", "an appropriate message encouraging the user to make their first purchase")', ({ after }) =>
    /^\s+(?:[\w-]+\s+){0,2}(?:messages?|errors?|feedback|notifications?|prompts?)\b[^.;]{0,50}?\bwith\s+(?:[\w-]+\s+){0,2}(?:explanations?|guidance|instructions?|steps|details?|hints?|suggest\w*|reasons?|causes?|remed(?:y|ies)|corrective)\b/i.test(after) ||
    /^\s+(?:[\w-]+\s+){0,2}(?:messages?|notices?|prompts?|hints?|texts?)\s+(?:encouraging|telling|asking|inviting|prompting|explaining|stating|saying|informing|suggesting|guiding|reminding)\s+\w/i.test(after)],
  ['a verdict the system reports ("SHALL indicate the password is acceptable")', ({ phrase, before }) =>
    phrase === 'acceptable' && /\b(?:indicat|show|display|report|mark|flag|state|signal)\w*\s+(?:that\s+)?(?:the\s+|this\s+|it\s+)?(?:[\w-]+\s+)?(?:is|as)\s+$/i.test(before)],
  ['a quantity a prohibition rules out ("SHALL NOT present several tasks"): more than one', ({ phrase, head }) => /^(?:several|many|multiple|some)$/.test(phrase) && /\b(?:shall|must|should|may)\s+not\b[^.;]*$/i.test(head)],
  ['a fit to each case ("appropriate credentials for each gateway type")', ({ phrase, after }) => phrase === 'appropriate' && /^\s+(?:[\w-]+\s+){1,3}for\s+(?:each|every)\b/i.test(after)],
  // 11 of the 15 labeled "the appropriate …" findings were false: the set it picks from is stated elsewhere.
  ['a selection from a known set ("call the appropriate update endpoint", "with the appropriate protocol handler")', ({ phrase, before }) => phrase === 'appropriate' && /\bthe\s+$/i.test(before)],
  ['a sufficiency its outcome decides ("sufficient spacing so that no part of the header overlaps")', ({ phrase, after }) => /^(?:sufficient|adequate|enough)$/.test(phrase) && /^\s+(?:[\w-]+\s+){0,3}(?:so that|such that|to\s+(?!the\b|a\b|an\b)[a-z]+)\b/i.test(after)],
  ['a holding checked against the need ("WHEN the user has sufficient credits")', ({ phrase, before }) => /^(?:sufficient|adequate|enough)$/.test(phrase) && /\b(?:has|have|having|had|holds?|holding)\s+$/i.test(before)],
  ['a kind of artifact, not a bound ("a minimal Typer application stub")', ({ phrase, before }) => phrase === 'minimal' && /\b(?:a|an|this|that)\s+$/i.test(before)],
  ['a fallback the statement names ("degrade gracefully to discovery mode", "degrade gracefully when ... (no exceptions)")', ({ phrase, before, after }) =>
    /^graceful(?:ly)?$/.test(phrase) &&
    ((/\b(?:degrades?|degrading|fall(?:s|ing)?\s+back)\s+$/i.test(before) && /^\s+to\s+\w/i.test(after)) || /^\s+(?:degrades?|degrading|degradation|falls?\s+back|fallback)\s+to\s+\w/i.test(after) || /\(\s*\w/.test(after.split(/[.;](?=\s|$)/)[0]))],
  ['inside a parenthetical', ({ entry, index }) => insideParentheses(entry, index)],
  ['a purpose, not the obligation', ({ before }) => /\b(?:to|for|so that|in order to)\s+(?:be\s+|the\s+|a\s+|an\s+|more\s+)?$/i.test(before)],
  ['in a rationale clause ("so that the UI stays responsive", "so callers can handle each appropriately", ", making it more responsive")', ({ head }) => /\b(?:so that|in order to|because|since|which (?:keeps|makes|lets))\b|\bso\s+(?:[\w'-]+\s+){1,3}(?:can|could|may|will)\s+(?:[\w'-]+\s+){0,4}$|,\s*(?:providing|ensuring|giving|allowing|enabling|avoiding|preventing|making)\s+(?:[\w'-]+\s+){0,3}$/i.test(head)],
  // "SHALL use consistent headings to enable easy scanning": the obligation comes first; not "SHALL be able to support many".
  ['in a purpose after the obligation ("... to enable easy scanning")', ({ head }) => PURPOSE_AFTER_OBLIGATION.test(head)],
  ['an ordering ("immediately after")', ({ phrase, after }) => phrase === 'immediately' && /^\s+(?:after|before|following|followed|preceding|upon|on the next|at the next|on next)\b/i.test(after)],
  ['compared with a named reference ("stable across restarts")', ({ phrase, after }) => phrase === 'stable' && /^[^,;.]{0,40}?\b(?:with|to|across|between)\b/i.test(after)],
  ['an intensifier on a stated outcome ("clearly indicates which features ...", "clearly indicate data limitations")', ({ phrase, after }) =>
    phrase === 'clearly' && (/^\s+\w+\s+(?:which|what|whether|if|that|each|the|when|how)\b/i.test(after) || /^\s+(?:indicat|communicat|show|display|stat|mark|label|explain|identif|distinguish|present|highlight|list|report|warn|signal|tell)\w*\s+[\w"'`]/i.test(after))],
  ['a verb ("MUST smooth the input")', ({ phrase, before }) => phrase === 'smooth' && /\b(?:must|shall|should|will|can|to|and|or|then)\s+$/i.test(before)],
  ['a comparison with a stated baseline', ({ phrase, statement }) => /(?:er|ly)$/.test(phrase) && /\bthan\b|\bcompared\b|\b(?:is|are)\s+(?:increased|decreased|raised|lowered|reduced)\b/i.test(statement) && /^(?:faster|quicker|slower|better|more|smoother|rapidly|quickly)$/.test(phrase)],
  ['a fit or a class, not a bound ("typical of", "suitable for", "appropriate to peak detection")', ({ phrase, after }) => /^(?:typical|suitable|appropriate)$/.test(phrase) && /^\s+(?:of|for|to)\b/i.test(after)],
  ['part of an escape clause ("where appropriate"), which escape-clause reports', ({ phrase, before }) => phrase === 'appropriate' && /\b(?:where|when|if|as)\s+$/i.test(before)],
  ['a name ("Simple mode")', ({ original, before }) => original[0] !== original[0].toLowerCase() && before.trim() !== '' && !/[.!?:]\s+$/.test(before)],
];

/** The word ends its list item's statement, and the sub-items right under it (indented past its marker) give a number. */
function spelledOutBySubItems(text: string, match: PhraseMatch): boolean {
  if (match.unit.type !== 'listItem' || /[.!?]\s+\S/.test(match.unit.text.slice(match.index).split('\n')[0])) return false;
  const markerIndent = match.unit.range.start - (text.lastIndexOf('\n', match.unit.range.start - 1) + 1);
  const [, ...next] = text.slice(match.range.end, match.range.end + 600).split('\n');
  const subItems: string[] = [];
  for (const line of next) {
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() === '' || indent <= markerIndent || (subItems.length === 0 && !/^[ \t]*(?:[-*+]|\d+[.)])[ \t]/.test(line))) break;
    subItems.push(line);
  }
  const subItemText = subItems.map((line) => line.replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]/, '')).join('\n');
  return hasNumber(subItemText);
}

/** The document binds the word to a value once ("validate immediately (within 500 ms)", "smooth 60fps animations"), and so wherever it uses it. */
function boundInDocument(text: string, phrase: string): boolean {
  return new RegExp(
    `\\b${escapeLiteral(phrase)}\\b\\s*(?:\\([^)\\n]{0,40}\\d|,?\\s*(?:i\\.e\\.|meaning|that is)[^.\\n]{0,30}\\d|[—–:]\\s*[^.\\n]{0,20}\\d|(?:at\\s+)?\\d+(?:[.,]\\d+)?\\s*(?:fps|ms|milliseconds?|s|seconds?|%)(?![\\p{L}\\d]))`,
    'iu',
  ).test(text);
}

/**
 * "the quick questions feature" where the document names "Quick_Questions" (a Kiro glossary
 * term), "the comprehensive tenant seeder" in the capability `comprehensive-tenant-seeding`: part of a name.
 */
function partOfDefinedName(text: string, uri: string | undefined, phrase: string, after: string): boolean {
  const next = /^\s+([\p{L}\d]+)/u.exec(after)?.[1];
  if (next === undefined) return false;
  // The path names the capability with the noun's stem: "tenant seeder" in `comprehensive-tenant-seeding`.
  const name = new RegExp(`\\b${escapeLiteral(phrase)}[_-]${escapeLiteral(next.slice(0, 6))}`, 'iu');
  return new RegExp(`\\b${escapeLiteral(phrase)}_${escapeLiteral(next)}\\b`, 'iu').test(text) || (uri !== undefined && name.test(uri));
}

export const vagueTerm = defineRule<WordingOptions>({
  id: 'vague-term',
  description: 'Vague or unverifiable wording in requirements, success criteria and acceptance scenarios (INCOSE R7).',
  docs: ruleDocsUrl('vague-term'),
  defaultSeverity: 'info',
  options: wordingOptionsSchema,
  check(context) {
    const pattern = phrasePattern(activeTerms(Object.keys(VAGUE_TERMS), context.options));
    if (!pattern) return;
    // A requirement statement whose own scenarios or criteria follow is made testable by them; they are checked instead.
    const explained = new Set(requirementBlocksOf(context, context.template.coverage).filter((block) => block.scenarios.length > 0 || block.criteria.length > 0).map((block) => block.section));
    const bound = new Map<string, boolean>();
    const isBound = (phrase: string) => bound.get(phrase) ?? bound.set(phrase, boundInDocument(context.doc.text, phrase)).get(phrase)!;
    for (const match of findPhrases(context, pattern, true)) {
      const phrase = match.phrase.toLowerCase().replace(/\s+/g, ' ');
      // Scenarios spell out how a statement's word ("handle errors gracefully", "flexible selection") is met; they do not say which "various" formats.
      if (!QUANTIFIERS.has(phrase) && match.unit.type === 'paragraph' && match.unit.section && explained.has(match.unit.section)) continue;
      if (PRECISE_CONTEXT.test(match.unit.text.slice(Math.max(0, match.index - 8), match.index))) continue;
      const after = match.unit.text.slice(match.index + match.phrase.length, match.index + match.phrase.length + 80);
      const before = match.unit.text.slice(Math.max(0, match.index - 80), match.index);
      if (QUANTIFIERS.has(phrase) && !COUNTED_THING.test(after)) continue;
      // "fail in some runs but pass in others": a split of the whole, not a count.
      if (phrase === 'some' && /^[^.;]*\b(?:others|the rest|not (?:in )?all)\b/i.test(after)) continue;
      if (APPROXIMATIONS.has(phrase) && POINTS_AT_EXAMPLE.test(after)) continue;
      const { statement, head, inSetup } = statementAround(match.unit.text, match.index);
      if (inSetup) continue;
      const isCriterion = match.unit.kind === 'success-criteria' || /\bgiven\b[\s\S]*\bthen\b/i.test(match.unit.text);
      const following = context.doc.text.slice(match.range.end, match.range.end + 400);
      const occurrence: Occurrence = { phrase, original: match.phrase, entry: match.unit.text, index: match.index, isCriterion, statement, head, before, after, following, match, text: context.doc.text, uri: context.doc.uri };
      if (EXEMPTIONS.some(([, exempt]) => exempt(occurrence)) || isBound(phrase)) continue;
      const needs = Object.hasOwn(NEEDS_CONTEXT, phrase) ? NEEDS_CONTEXT[phrase] : undefined;
      if (needs && !needs(before, after)) continue;
      // "fails gracefully with a clear error message": the manner is spelled out; so it is when the next sentence explains it.
      if (needs && phrase.endsWith('ly') && /^\s+with\b/i.test(after)) continue;
      if (needs && /^[^.!?\n]{0,30}[.!?]\s+\S/.test(match.unit.text.slice(match.index + match.phrase.length))) continue;
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
