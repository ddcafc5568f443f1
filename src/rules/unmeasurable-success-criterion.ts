import type { ListItem } from 'mdast';
import { columnIndex, entriesOfKind, firstLineRange } from '../core/entries.js';
import type { Fix } from '../core/fix.js';
import { endOf, startOf } from '../core/markdown.js';
import { isPlaceholderOnly } from '../core/placeholders.js';
import { REQUIREMENT_ID } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';
import type { TextUnit } from '../core/units.js';

const NUMBER_WORD = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|twice|double|triple|all|every|none|no more than|percent)\b/i;
const TESTABLE_FORM = /\b(?:shall)\b/i;

/** Given ... when ... then, in order (three linear searches, no backtracking). */
function isScenario(text: string): boolean {
  const given = /\bgiven\b/i.exec(text);
  if (!given) return false;
  const rest = text.slice(given.index);
  const when = /\bwhen\b/i.exec(rest);
  return !!when && /\bthen\b/i.test(rest.slice(when.index));
}

export function isMeasurable(text: string): boolean {
  const withoutIds = text.replace(REQUIREMENT_ID, ' ');
  return /\d/.test(withoutIds) || NUMBER_WORD.test(withoutIds) || isScenario(text) || TESTABLE_FORM.test(text);
}

/** Where a target placeholder goes: after the item's first paragraph, or in the row's target (else widest) cell. */
function appendPoint(unit: TextUnit): number {
  if (unit.type === 'listItem') {
    const first = (unit.node as ListItem).children[0];
    return first ? endOf(first) : unit.range.end;
  }
  if (unit.type === 'tableRow' && unit.row) {
    const target = columnIndex(unit.table, /target|metric|measure|threshold|goal/i);
    const cells = unit.row.cells;
    const widest = cells.reduce((best, cell, index) => (cell.text.length > cells[best].text.length ? index : best), 0);
    const cell = cells[target >= 0 && target < cells.length ? target : widest];
    return cell ? cell.contentRange.end : unit.range.end;
  }
  return unit.range.end;
}

function contentStart(unit: TextUnit): number | undefined {
  if (unit.type === 'listItem') {
    const first = (unit.node as ListItem).children[0];
    return first?.type === 'paragraph' ? startOf(first) : undefined;
  }
  return unit.type === 'paragraph' ? unit.range.start : undefined;
}

export const unmeasurableSuccessCriterion = defineRule({
  id: 'unmeasurable-success-criterion',
  description: 'A success criterion with no measurable target (number with unit, percentage, deadline or count) that is not a Given/When/Then or EARS statement.',
  docs: ruleDocsUrl('unmeasurable-success-criterion'),
  defaultSeverity: 'warning',
  check(context) {
    const { doc } = context;
    for (const entry of entriesOfKind(context, 'success-criteria', true)) {
      const source = doc.text.slice(entry.range.start, entry.range.end);
      // Bare placeholders are the placeholder rule's; marked criteria are waiting for an answer.
      if (isMeasurable(entry.text) || isPlaceholderOnly(source) || /\[NEEDS CLARIFICATION/i.test(source)) continue;
      const fixes: Fix[] = [
        {
          title: 'Add a measurable-target placeholder',
          edits: [{ offset: appendPoint(entry), length: 0, newText: ' [NEEDS CLARIFICATION: measurable target, e.g. "95% of exports finish within 10 s"]' }],
          safe: true,
        },
      ];
      const start = contentStart(entry);
      if (start !== undefined) {
        fixes.push({ title: 'Rewrite as a Given/When/Then scenario', edits: [{ offset: start, length: 0, newText: 'Given TBD, when TBD, then ' }] });
      }
      context.report({
        message: 'Success criterion has no measurable target: add a number with a unit, a percentage, a deadline or a count (e.g. "95% of exports finish within 10 s"), or write it as Given/When/Then.',
        range: firstLineRange(doc, entry),
        fixes,
      });
    }
  },
});
