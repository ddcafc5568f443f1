import type { Section, TableCell } from './model.js';
import type { OffsetRange } from './positions.js';
import type { AnalysisContext } from './rule.js';
import { collectUnits, unitRange, type TextUnit } from './units.js';

/**
 * Requirement and criterion ids: REQ-12, FR-003, FR-004a, NFR-2, SC-001, AC-4, US-7, R1.2, and
 * ids with an area between prefix and number (FR-LOG-02, NFR-A11Y-01, US-ADMIN-01). Prefixes
 * that usually mean something else (PR-123 pull requests, UTF-8) are left out.
 */
export const REQUIREMENT_ID = /(?<![\p{L}\p{N}_/#-])(?:(?:REQ|FR|NFR|SC|AC|US|UC|BR|SR|TR|QR|SEC|PERF|SYS)(?:-[A-Z][A-Z0-9]{1,11})?-\d{1,5}(?:\.\d+)*[a-z]?|R\d+(?:\.\d+)+)(?![\p{L}\p{N}_-])/gu;

/** Ids that name criteria rather than requirements. */
export const CRITERION_PREFIXES = new Set(['SC', 'AC']);

/**
 * How an id is used where it is not defined:
 * - `criterion`: by a success criterion, acceptance scenario or test, which verifies it;
 * - `trace`: by a verification, coverage or traceability table or a checklist;
 * - `external`: qualified by another document ("FR-037 from spec 136", a link elsewhere);
 * - `prose`: anywhere else.
 */
export type ReferenceContext = 'criterion' | 'trace' | 'external' | 'prose';

/** What a verification table or checklist says of a requirement. */
export type TraceStatus = 'met' | 'unmet' | 'partial' | 'unverified' | 'deferred' | 'not-applicable';

export interface IdOccurrence {
  id: string;
  range: OffsetRange;
  unit: TextUnit;
  /** For references. */
  context?: ReferenceContext;
  /** For trace references whose row or item states a status. */
  status?: TraceStatus;
  /** The cell or text that states the status, and its words. */
  statusRange?: OffsetRange;
  statusText?: string;
  /** Named by an "ID:" label under a story or requirement heading: the id that block goes by. */
  labeled?: boolean;
}

export interface RequirementIndex {
  /** Every definition of each id, in document order. */
  definitions: Map<string, IdOccurrence[]>;
  references: IdOccurrence[];
  /** Id families ("FR", "SC", "R.") the document defines at least one id of. */
  definedFamilies: Set<string>;
}

const LEADING_ID = /^[\s[(*_]*$/;
/** "**ID**: US-ADMIN-01" or "**IDs**: US-ADMIN-02, US-ADMIN-03" under a story or requirement heading: the ids it goes by. */
const ID_LABEL = /^[\s*_]*ids?\s*[:：][\s*_]*(?:[A-Z][\w.-]*\d[a-z]?\s*[,/&]\s*)*$/i;
const MODAL = /\b(?:shall|must)\b/i;

export function idPrefix(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? 'R' : id.slice(0, dash);
}

/**
 * An id's family: its prefix with its area (FR-LOG-02 is of FR-LOG), and whether it is dotted
 * (SC-001 and the WCAG clause SC-3.1.1 are different schemes).
 */
export function idFamily(id: string): string {
  const dash = id.indexOf('-');
  const area = /^([A-Z][A-Z0-9]*)-\d/.exec(id.slice(dash + 1));
  return `${idPrefix(id)}${area ? `-${area[1]}` : ''}${id.slice(dash + 1).includes('.') ? '.' : ''}`;
}

/** The units of the document, computed once per check. */
export function unitsOf(context: AnalysisContext): TextUnit[] {
  return context.shared('units', () => collectUnits(context.doc, context.match.kinds));
}

/** Section titles that say their tables and lists trace requirements rather than state them. */
const TRACE_SECTION = /\b(?:verification|traceab\w*|coverage|compliance|checklists?|status|test results?|evidence|sign[- ]?off|review|audit|assessment|traceability matrix|requirements? mapping)\b/i;
/** Table headers that say a table tracks requirements: a status, evidence, tests or tasks column. */
const TRACE_COLUMN = /\b(?:status|state|met|verified|verification|evidence|result|outcome|pass|coverage|covered|tests?|tasks?|implemented|done|trace|notes?)\b|✅|✔/i;

/** A row of a table that tracks requirements (a status, evidence, tests or tasks column), or a checklist item. */
function isTraceItem(unit: TextUnit): boolean {
  if (unit.type === 'listItem' && (unit.node as { checked?: boolean | null }).checked != null) return true;
  return unit.type === 'tableRow' && !!unit.table && unit.table.header.slice(1).some((cell) => TRACE_COLUMN.test(cell.text));
}

const OPENS_WITH_ID = new RegExp(`^[\\s*_\\[(]*(${REQUIREMENT_ID.source})`, 'u');

/** The id a heading opens with ("### SC-003: Security Compliance", "## REQ-AS-001: On-device speech"): the heading states it. */
export function idOpening(title: string): string | undefined {
  return OPENS_WITH_ID.exec(title)?.[1];
}

/** What a heading says about its section; in a document title, "Feature Specification: Code Review Workflow" names the feature after the colon. */
function sectionTerms(section: Section): string {
  return section.level === 1 && !section.parent ? section.title.split(/[:：]/)[0] : section.title;
}

function inTraceSection(unit: TextUnit): boolean {
  for (let section = unit.section; section; section = section.parent) if (TRACE_SECTION.test(sectionTerms(section)) && idOpening(section.title) === undefined) return true;
  return false;
}

/** The unit sits in a verification or traceability table, a checklist, or a section that traces requirements. */
export function isTraceUnit(unit: TextUnit): boolean {
  return isTraceItem(unit) || inTraceSection(unit);
}

const UNMET = /❌|\bnot\s+met\b|\bunmet\b|\bfail(?:s|ed|ing|ure)?\b|\bmissing\b|\bblocked\b|\bnot\s+(?:done|implemented)\b/i;
const PARTIAL = /⚠️?|\bpartial(?:ly)?\b/i;
const UNVERIFIED = /\bnot\s+verified\b|\bunverified\b|\bnot\s+tested\b|\buntested\b/i;
const DEFERRED = /🔄|\bdeferred\b|\bout of scope\b|\bpostponed\b|\bwon'?t\s+do\b/i;
const MET = /✅|✔|\bmet\b|\bpass(?:es|ed)?\b|\bverified\b|\bdone\b|\bcomplete[d]?\b|\bimplemented\b/i;

/** Words right around an id that say it does not exist: "FR-013 is not present in spec", "(no FR-013)", "FR-020 (removed)". */
const DENIED_AFTER = /^[\s)*_:,(-]{0,3}(?:(?:is|was|has been|were|are)\s+)?(?:not\s+(?:present|defined|in\s+(?:the\s+)?spec|used)|removed|dropped|deleted|retired|unused|reserved|skipped|intentionally\s+(?:omitted|skipped|left))/i;
const DENIED_BEFORE = /(?:\bno|\bwithout|\bremoved|\bdropped|\bdeleted|\bskip(?:ped|ping|s)?)\s+$/i;
/** Words near an id that say it was withdrawn: "see FR-013 removal below", "**Removed**: FR-013 … was dropped". */
const WITHDRAWN = /\b(?:removed|dropped|withdrawn|retired|obsolete|superseded|removal)\b/i;

/** The text says the id at `index` of the unit (`range` in the document) is gone on purpose: no reference to check. */
function saysGone(source: string, range: OffsetRange, unit: TextUnit, index: number, id: string): boolean {
  return (
    DENIED_AFTER.test(source.slice(range.end, range.end + 50)) ||
    DENIED_BEFORE.test(source.slice(Math.max(0, range.start - 20), range.start)) ||
    WITHDRAWN.test(unit.text.slice(Math.max(0, index - 40), index + id.length + 80))
  );
}

const NOT_APPLICABLE = /^\W*(?:n\/?a|not applicable|none|—|-)\b/i;

/** What a status cell or marker says. */
export function traceStatus(text: string): TraceStatus | undefined {
  if (NOT_APPLICABLE.test(text)) return 'not-applicable';
  if (UNVERIFIED.test(text)) return 'unverified';
  if (DEFERRED.test(text)) return 'deferred';
  if (UNMET.test(text)) return 'unmet';
  if (PARTIAL.test(text)) return 'partial';
  if (MET.test(text)) return 'met';
  return undefined;
}

/** Outside a status column, only explicit markers count: emoji or upper-case status words. */
const MARKED = /❌|⚠️?|🔄|✅|\b(?:NOT MET|NOT VERIFIED|UNVERIFIED|PARTIAL(?:LY MET)?|DEFERRED|FAIL(?:ED)?|MET|VERIFIED|PASS(?:ED)?)\b/;

/** "THE test SHALL FAIL", "reporting a FAIL": the word is behaviour the sentence asks for, not a status. */
const STATUS_AS_BEHAVIOUR = /\b(?:shall|must|should|will|would|to|a|an|the|reports?|reporting|returns?|returning|outputs?|prints?|printing|shows?|showing|emits?|emitting)\s+$/i;

const EVERY_MARKED = new RegExp(MARKED.source, 'g');

export function markedStatus(text: string): { status: TraceStatus; marker: string } | undefined {
  for (const marker of text.matchAll(EVERY_MARKED)) {
    if (STATUS_AS_BEHAVIOUR.test(text.slice(Math.max(0, marker.index - 20), marker.index))) continue;
    const status = traceStatus(marker[0]);
    return status ? { status, marker: marker[0] } : undefined;
  }
  return undefined;
}

const STATUS_COLUMN = /\b(?:status|state|result|outcome|met|verified|verification)\b/i;

/** A trace row's status cell, when the table has a status column. */
function statusCell(unit: TextUnit): TableCell | undefined {
  if (!unit.table || !unit.row) return undefined;
  const column = unit.table.header.findIndex((cell, index) => index > 0 && STATUS_COLUMN.test(cell.text));
  return column >= 0 ? unit.row.cells[column] : undefined;
}

/** "FR-037 from spec 136", "spec 136's FR-037", "(see 003-export)": an id of another document. */
const QUALIFIED_BEFORE = /(?:\b(?:spec|specs|feature|phase|rfc|prd|story|epic|doc|document)\s*#?\s*\d+[\w.-]*['’]?s?|\b\d{3}-[a-z][\w-]*['’]?s?)[\s:,(]*$/i;
const QUALIFIED_AFTER = /^\s*[),]?\s*(?:\(\s*)?(?:from|of|in|per|see|defined in)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:(?:spec|specs|feature|phase|rfc|prd|epic|document)\b|\d{3}-)/i;

/** A sentence that names another document: "Phase 2 (spec 137) kept SC-003", "FR-060 ... as in spec 008". */
const OTHER_DOCUMENT = /\b(?:spec|specs|feature|rfc|prd|epic|phase)\s*#?\s*\d+\b|\b\d{3}-[a-z][\w-]*/i;

/** The sentence (or line) holding text[start, end). */
export function sentenceAround(text: string, start: number, end = start): string {
  const from = Math.max(text.lastIndexOf('. ', start), text.lastIndexOf('\n', start)) + 1;
  const stop = text.slice(end).search(/\.\s|\n/);
  return text.slice(from, stop < 0 ? text.length : end + stop);
}

/** The sentence without the document's own feature folder ("… in specs/011-packaging/checklists/log.md [REQ: FR-013]"): that path names no other spec. */
function withoutOwnFolder(sentence: string, uri: string | undefined): string {
  const folder = uri?.split(/[\\/]/).slice(-2, -1)[0];
  return folder && /^\d{3}-/.test(folder) ? sentence.split(folder).join(' ') : sentence;
}

function isExternal(context: AnalysisContext, unit: TextUnit, index: number, id: string, range: OffsetRange): boolean {
  if (QUALIFIED_BEFORE.test(unit.text.slice(Math.max(0, index - 40), index))) return true;
  if (QUALIFIED_AFTER.test(unit.text.slice(index + id.length, index + id.length + 50))) return true;
  if (OTHER_DOCUMENT.test(withoutOwnFolder(sentenceAround(unit.text, index), context.doc.uri))) return true;
  // Link text pointing at another file: [FR-003](../002-x/spec.md).
  const source = context.doc.text;
  const lineStart = source.lastIndexOf('\n', range.start) + 1;
  const lineEnd = source.indexOf('\n', range.end);
  const before = source.slice(lineStart, range.start);
  const after = source.slice(range.end, lineEnd < 0 ? source.length : lineEnd);
  return /\[[^\]]*$/.test(before) && /^[^[\]]*\]\((?!#)/.test(after);
}

/** A lead-in naming another document ("deferred items from spec 064:") makes its list's ids that document's. */
const QUALIFYING_LEAD_IN = /(?:\b(?:spec|specs|feature|phase|rfc|prd|epic)\s*#?\s*\d+|\b\d{3}-[a-z][\w-]*)[^\n]*:\s*$/i;
/** A lead-in that introduces examples ("*Example of marking unclear requirements:*"): its list defines and cites nothing. */
const EXAMPLE_LEAD_IN = /^\s*(?:an?\s+|for\s+)?examples?\b[^\n]*:\s*$/i;

function referenceContext(unit: TextUnit): ReferenceContext {
  if (isTraceUnit(unit)) return 'trace';
  if (unit.kind === 'success-criteria' || unit.kind === 'test-plan' || unit.kind === 'user-stories') return 'criterion';
  return 'prose';
}

/** Where the first sentence ends: at ". ", "! ", "? " or a line break. */
function firstSentenceEnd(text: string): number {
  const end = text.search(/[.!?](?=\s)|\n/);
  return end < 0 ? text.length : end;
}

/**
 * An id defines a requirement or criterion where it opens a SHALL/MUST statement, or where
 * a requirements, criteria or user-story section states it (it opens a list item, table row,
 * paragraph or heading there); never in tracking tables and checklists, and elsewhere in
 * sections that trace requirements only with a modal. In criteria, only criterion ids (SC-,
 * AC-) are defined: "FR-001: 95% of ..." cites FR-001. Every other occurrence is a reference.
 */
function isDefinition(unit: TextUnit, id: string, index: number, opensSourceLine: boolean): boolean {
  if (isTraceItem(unit) || unit.kind === 'test-plan') return false;
  if (!LEADING_ID.test(unit.text.slice(0, index))) {
    // A nested item of a requirement or criterion that opens with its own id ("SC-002a" under SC-002) defines it,
    // and so does each line of a paragraph written as one criterion per line ("**AC-1.2:** …").
    const opensNestedItem = opensSourceLine || (LEADING_ID.test(unit.text.slice(unit.text.lastIndexOf('\n', index - 1) + 1, index)) && unit.text.lastIndexOf('\n', index - 1) >= 0);
    return opensNestedItem && !inTraceSection(unit) && (unit.kind === 'requirements' || unit.kind === 'user-stories' || (unit.kind === 'success-criteria' && CRITERION_PREFIXES.has(idPrefix(id))));
  }
  const tracing = inTraceSection(unit);
  // In a section that traces requirements, the id's own statement must carry the modal: "SC-010: listening test ... It must be verified by ..." reports on SC-010.
  const statement = tracing ? unit.text.slice(0, firstSentenceEnd(unit.text)) : unit.text;
  if (MODAL.test(statement)) return unit.kind !== 'success-criteria' || CRITERION_PREFIXES.has(idPrefix(id));
  if (tracing) return false;
  if (unit.kind === 'success-criteria') return CRITERION_PREFIXES.has(idPrefix(id));
  return unit.kind === 'requirements' || unit.kind === 'user-stories';
}

/** The id opens a source line of a paragraph, after its first: Markdown joins those lines with spaces in the unit's text. */
function opensLine(text: string, unit: TextUnit, range: OffsetRange): boolean {
  const lineStart = text.lastIndexOf('\n', range.start - 1) + 1;
  return lineStart > unit.range.start && LEADING_ID.test(text.slice(lineStart, range.start));
}

export function requirementIndexOf(context: AnalysisContext): RequirementIndex {
  return context.shared('requirement-index', () => {
    const definitions = new Map<string, IdOccurrence[]>();
    const references: IdOccurrence[] = [];
    const definedFamilies = new Set<string>();
    let leadIn: TextUnit | undefined;
    const labeled: IdOccurrence[] = [];
    for (const unit of unitsOf(context)) {
      if (unit.type !== 'listItem') leadIn = unit.type === 'paragraph' ? unit : undefined;
      const ledIn = unit.type === 'listItem' && leadIn !== undefined && leadIn.section === unit.section;
      if (ledIn && EXAMPLE_LEAD_IN.test(leadIn!.text)) continue;
      const qualifiedList = ledIn && QUALIFYING_LEAD_IN.test(leadIn!.text);
      for (const match of unit.text.matchAll(REQUIREMENT_ID)) {
        const id = match[0];
        const range = unitRange(unit, match.index, match.index + id.length);
        if ((unit.kind === 'user-stories' || unit.kind === 'requirements') && ID_LABEL.test(unit.text.slice(0, match.index))) {
          labeled.push({ id, range, unit, context: referenceContext(unit), labeled: true });
          continue;
        }
        if (!qualifiedList && isDefinition(unit, id, match.index, unit.type === 'paragraph' && opensLine(context.doc.text, unit, range))) {
          const list = definitions.get(id) ?? [];
          list.push({ id, range, unit });
          definitions.set(id, list);
          definedFamilies.add(idFamily(id));
          continue;
        }
        const external = qualifiedList || isExternal(context, unit, match.index, id, range);
        const occurrence: IdOccurrence = { id, range, unit, context: external ? 'external' : referenceContext(unit) };
        if (occurrence.context === 'trace' && LEADING_ID.test(unit.text.slice(0, match.index))) {
          const cell = statusCell(unit);
          const marked = cell ? undefined : markedStatus(unit.text.slice(match.index + id.length));
          const status = cell ? traceStatus(cell.text) : marked?.status;
          if (status) {
            occurrence.status = status;
            occurrence.statusRange = cell?.contentRange;
            occurrence.statusText = cell ? cell.text : marked!.marker;
          }
        }
        if (!occurrence.status && saysGone(context.doc.text, range, unit, match.index, id)) occurrence.status = 'not-applicable';
        references.push(occurrence);
      }
    }
    // A story's "ID:" names the requirement it goes by: a definition only where nothing else defines that id.
    for (const occurrence of labeled) {
      if (definitions.has(occurrence.id)) {
        references.push(occurrence);
        continue;
      }
      definitions.set(occurrence.id, [{ id: occurrence.id, range: occurrence.range, unit: occurrence.unit }]);
      definedFamilies.add(idFamily(occurrence.id));
    }
    if (labeled.length > 0) references.sort((a, b) => a.range.start - b.range.start);
    return { definitions, references, definedFamilies };
  });
}
