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
