/**
 * How a file that is not a spec cites requirement ids, beyond what the id index says: id
 * ranges ("FR-005 to FR-008"), deferrals ("US8 is excluded from this task list"), wildcards ("FR-11x"), and "Phase 2"
 * in a tasks file, which names a phase of the same plan, not another document.
 */
import { REQUIREMENT_ID, sentenceAround, type IdOccurrence } from '../../core/requirements.js';

/** A sentence that puts an id off for later: the plan accounts for it by saying so. */
const DEFERRAL = /\b(?:deferred|excluded|not included|out of scope|descoped|postponed|future (?:work|enhancement|phase|release|iteration)|later phase|not planned|won'?t (?:do|implement|build))\b|推迟|暂不/i;

export function isDeferral(text: string, start: number, end: number): boolean {
  return DEFERRAL.test(sentenceAround(text, start, end));
}

/** "FR-11x", "SC-02x": a pattern for a run of ids, not an id. */
export function isWildcard(id: string): boolean {
  return /\dx$/.test(id);
}

/**
 * Another document, named the way specs name each other: "spec 136", "see 003-export",
 * "specs/003-export/", a link to a Markdown file. A bare "Phase 2" in a plan is the plan's
 * own phase, and "512-sample buffer" is a quantity, not the feature 512-sample.
 */
const OTHER_DOCUMENT = /\b(?:spec|specs|feature|rfc|prd|epic)\s*#?\s*\d+\b|\b(?:specs?|features?|see)\s*\/?\s*\d{3}-[a-z][\w-]*|\b\d{3}-[a-z][\w-]*\/|\]\((?!#)[^)]*\.md\b/i;

/** Whether an id the index calls external is another document's, in a file that is not a spec. */
export function isOtherDocument(unitText: string, source: string, occurrence: IdOccurrence, unitStart: number): boolean {
  const at = occurrence.range.start - unitStart;
  const lineStart = source.lastIndexOf('\n', occurrence.range.start) + 1;
  const lineEnd = source.indexOf('\n', occurrence.range.end);
  const line = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd);
  return OTHER_DOCUMENT.test(sentenceAround(unitText, Math.max(0, at))) || OTHER_DOCUMENT.test(line);
}

const RANGE_WORD = /^\s*(?:to|through|thru|until|–|—|-|\.\.\.?|~)\s*$/i;
const MAX_RANGE = 200;

/**
 * The ids strictly between the two ends of "FR-005 to FR-008" (same prefix and area), in order; an end
 * that is a part ("FR-016 to FR-019c") brings its whole number in ("FR-019").
 */
export function idsBetween(from: string, to: string, between: string): string[] {
  if (!RANGE_WORD.test(between)) return [];
  const a = /^([A-Z]+-(?:[A-Z][A-Z0-9]*-)?)(\d+)[a-z]?$/.exec(from);
  const b = /^([A-Z]+-(?:[A-Z][A-Z0-9]*-)?)(\d+)([a-z]?)$/.exec(to);
  if (!a || !b || a[1] !== b[1]) return [];
  const first = Number(a[2]);
  const last = Number(b[2]) + (b[3] ? 1 : 0);
  if (last <= first + 1 || last - first > MAX_RANGE) return [];
  const width = a[2].length;
  const ids: string[] = [];
  for (let n = first + 1; n < last; n++) ids.push(`${a[1]}${String(n).padStart(width, '0')}`);
  return ids;
}

/** "FR-019/FR-021": the id index leaves out an id after a slash (paths); a list of ids is not a path. */
const SLASHED_ID = new RegExp(`^/(${REQUIREMENT_ID.source.replace(/^\(\?<!\[[^\]]*\]\)/, '')})`, 'u');

/** The ids that follow one after slashes, with their offsets. */
export function slashedIds(text: string, end: number): { id: string; start: number; end: number }[] {
  const found: { id: string; start: number; end: number }[] = [];
  for (let at = end, match = SLASHED_ID.exec(text.slice(at, at + 40)); match; match = SLASHED_ID.exec(text.slice(at, at + 40))) {
    found.push({ id: match[1], start: at + 1, end: at + 1 + match[1].length });
    at += match[0].length;
  }
  return found;
}
