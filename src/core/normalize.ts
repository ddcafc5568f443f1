/** "(mandatory)", "(optional, …)", "*(obbligatorio)*", "（必填）": whether the section must be there, in the templates' languages. */
const PRESENCE_NOTE =
  /\(\s*(?:optional|mandatory|required|recommended|if applicable|include if [^)]*|obbligatori[oa]|opzionale|facoltativ[oa]|obligatori[oa]|opcional|obrigat[óo]ri[oa]|obligatoire|facultati(?:f|ve)|optionnel(?:le)?|erforderlich|pflicht|必填|必需|必须|必須|可选|可選|选填|任意|필수|선택|обязательн\p{L}*|необязательн\p{L}*|опционально|обов['’]язков\p{L}*|необов['’]язков\p{L}*)(?:\s*[,;][^)]*)?\s*\)\s*$/u;

/**
 * Normalizes a heading title for template matching: case, punctuation, `&` and `/` vs `and`,
 * leading numbering (`3.`, `3.1`, `A.`, `IV.`) and a trailing presence note such as
 * "(Optional)", "(mandatory)", "(include if ...)" or their translations are ignored.
 */
export function normalizeTitle(title: string): string {
  let result = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&|(?<=[\p{L}])\s*[/／]\s*(?=[\p{L}])/gu, ' and ')
    .replace(PRESENCE_NOTE, '')
    .replace(/^\s*(?:(?:\d+|[a-z]|[ivxlc]+)(?:\.\d+)*[.)]|\d+(?:\.\d+)+|\d+)\s+/, '');
  result = result.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return result;
}
