/** A realistic spec of about `bytes`: real RFC text repeated, its headings numbered so sections differ. */
export function generatedSpec(bytes: number, sources: readonly string[]): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = sources[i % sources.length].replace(/^(#+ .*)$/gm, `$1 (part ${i})`);
    parts.push(part);
    size += part.length;
  }
  return parts.join('\n\n').slice(0, bytes);
}

/**
 * The spec followed by a copy of itself (headings renumbered): twice the size with the same
 * mix of prose, lists and code, so the time ratio measures scaling and nothing else.
 */
export function doubledSpec(text: string, copy: number): string {
  return `${text}\n\n${text.replace(/^(#+ .*)$/gm, `$1 (copy ${copy})`)}`;
}
