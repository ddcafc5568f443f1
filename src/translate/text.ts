/** Whitespace and punctuation left over after words were taken out of a phrase. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/,(\s*,)+/g, ',')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .trim();
}
