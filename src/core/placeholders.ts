/**
 * Template placeholders: text a template leaves for the author to replace. Shared by the
 * "has real content" test and the placeholder rule. Every pattern is linear-time.
 */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /\[NEEDS CLARIFICATION[^\]\n]*\]/gi,
  /\b(?:TODO|TBD|TBC|FIXME)\b:?/g,
  /\?{3,}/g,
  /\((?:fill (?:me|this) in|to be (?:written|determined|decided))[^)\n]*\)/gi,
];

/**
 * Template text left in brackets: an instruction ("[describe the main functionality]",
 * "[Brief Title]"), an upper-case slot of two words or a known one ("[FEATURE NAME]",
 * "[###-feature-name]", "[DATE]"; "[IRLO]" and "[US1]" are labels and ids), or a lower-case
 * slot ending in a slot noun ("[initial state]", "[expected outcome]"). Links, references,
 * footnotes and task boxes are not matched; the brackets are case-sensitive on purpose.
 */
export const BRACKET_PLACEHOLDER =
  /\[(?:(?:[Dd]escribe|[Ee]xplain|[Ll]ist|[Aa]dd|[Ii]nsert|[Ee]nter|[Pp]rovide|[Ss]pecify|[Ff]ill|[Rr]eplace|[Ww]rite|[Bb]rief|[Ss]ummari[sz]e|[Cc]hoose|e\.g\.|[Ee]xample|[Yy]our|[Ll]ink to)\b[^\]\n]{0,100}|#+-[a-z][\w-]*|[A-Z][A-Z_]*(?:[ _][A-Z_]+)+|(?:DATE|NAME|TITLE|OWNER|VERSION|LINK|URL|EMAIL|TEAM|PROJECT|FEATURE|DESCRIPTION)|[a-z]+(?: [a-z]+){0,3} (?:name|title|description|state|outcome|action|condition|scenario|value|date|owner|metric|target|goal|link|url|version|feature|entity|component|role|benefit|capability)|(?:initial state|action|expected outcome|boundary condition|error scenario)|[A-Z]?[a-z]+(?: [a-z]+){0,4},\s+e\.g\.[^\]\n]{0,160}|Entity \d+|What it represents[^\]\n]{0,100})\](?![([:])/g;

/** Text with every placeholder removed. */
export function stripPlaceholders(text: string): string {
  let result = text;
  for (const pattern of PLACEHOLDER_PATTERNS) result = result.replace(pattern, ' ');
  return result;
}

/** True when text says nothing once placeholders, brackets-only hints and ellipses are gone. */
export function isPlaceholderOnly(text: string): boolean {
  const stripped = stripPlaceholders(text).trim();
  if (/^\[[^\]\n]*\]$/.test(stripped)) return true;
  return !/[\p{L}\p{N}]/u.test(stripped.replace(/\.\.\.|…/g, ''));
}

/** Angle-bracket placeholders such as <feature name> or <owner>, not HTML tags or generics like Vec<T>. */
export const ANGLE_PLACEHOLDER = /<([a-z][a-z0-9 _/-]{1,60})>/gi;
const HTML_TAGS = new Set(
  'a abbr b bdi bdo big br center cite code dd del details dfn div dl dt em figcaption figure font hr i img ins kbd li mark nav ol p picture pre q rp rt ruby s samp section small source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr'.split(' '),
);

export function isAnglePlaceholder(inner: string): boolean {
  const words = inner.trim().toLowerCase();
  if (HTML_TAGS.has(words.split(/\s/)[0])) return false;
  return /[ _-]/.test(words) || ['name', 'date', 'owner', 'title', 'description', 'value', 'team', 'link', 'url', 'placeholder', 'text', 'number', 'target', 'metric', 'system', 'feature', 'project', 'version', 'component', 'user', 'role', 'goal', 'benefit', 'trigger', 'response', 'condition', 'state'].includes(words);
}
