/**
 * Normalizes a heading title for template matching: case, punctuation, `&` and `/` vs `and`,
 * leading numbering (`3.`, `3.1`, `A.`, `IV.`) and a trailing presence note such as
 * "(Optional)", "(mandatory)" or "(include if ...)" are ignored.
 */
export function normalizeTitle(title: string): string {
  let result = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&|(?<=[\p{L}])\s*[/／]\s*(?=[\p{L}])/gu, ' and ')
    .replace(/\(\s*(?:optional|mandatory|required|recommended|if applicable|include if [^)]*)(?:\s*[,;][^)]*)?\s*\)\s*$/, '')
    .replace(/^\s*(?:(?:\d+|[a-z]|[ivxlc]+)(?:\.\d+)*[.)]|\d+(?:\.\d+)+|\d+)\s+/, '');
  result = result.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return result;
}
