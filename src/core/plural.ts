/** "1 warning", "3 warnings": a count with its noun (nouns that take an s). */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
