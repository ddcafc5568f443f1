import type { AnalysisContext } from './rule.js';
import type { OffsetRange } from './positions.js';
import { collectUnits, unitRange, type TextUnit } from './units.js';

/**
 * Requirement and criterion ids: REQ-12, FR-003, NFR-2, SC-001, AC-4, US-7, R1.2, ...
 * Prefixes that usually mean something else (PR-123 pull requests, UTF-8) are left out.
 */
export const REQUIREMENT_ID = /(?<![\p{L}\p{N}_/#-])(?:(?:REQ|FR|NFR|SC|AC|US|UC|BR|SR|TR|QR|SEC|PERF|SYS)-\d{1,5}(?:\.\d+)*|R\d+(?:\.\d+)+)(?![\p{L}\p{N}_-])/gu;

/** Ids that name criteria rather than requirements. */
export const CRITERION_PREFIXES = new Set(['SC', 'AC']);

export interface IdOccurrence {
  id: string;
  range: OffsetRange;
  unit: TextUnit;
}

export interface RequirementIndex {
  /** Every definition of each id, in document order. */
  definitions: Map<string, IdOccurrence[]>;
  references: IdOccurrence[];
}

const LEADING_ID = /^[\s[(*_]*$/;

export function idPrefix(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? 'R' : id.slice(0, dash);
}

/** The units of the document, computed once per check. */
export function unitsOf(context: AnalysisContext): TextUnit[] {
  return context.shared('units', () => collectUnits(context.doc, context.match.kinds));
}

/**
 * An id defines a requirement when it opens a list item, table row, paragraph or heading
 * (outside test plans, whose tables trace ids rather than define them); every other
 * occurrence in prose is a reference.
 */
export function requirementIndexOf(context: AnalysisContext): RequirementIndex {
  return context.shared('requirement-index', () => {
    const definitions = new Map<string, IdOccurrence[]>();
    const references: IdOccurrence[] = [];
    for (const unit of unitsOf(context)) {
      for (const match of unit.text.matchAll(REQUIREMENT_ID)) {
        const occurrence = { id: match[0], range: unitRange(unit, match.index, match.index + match[0].length), unit };
        const opensUnit = LEADING_ID.test(unit.text.slice(0, match.index)) && unit.kind !== 'test-plan';
        if (opensUnit) {
          const list = definitions.get(match[0]) ?? [];
          list.push(occurrence);
          definitions.set(match[0], list);
        } else {
          references.push(occurrence);
        }
      }
    }
    return { definitions, references };
  });
}
