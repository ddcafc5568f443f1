import { columnIndex, entriesOfKind, reportBlankCells, reportMissingSubItem } from '../core/entries.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

const MITIGATION_COLUMN = /mitigat|response|contingenc|plan|remediat|action|treatment/i;
const REQUIRED_COLUMNS: [string, RegExp][] = [
  ['likelihood', /likelihood|probability|chance/i],
  ['impact', /impact|severity|consequence/i],
  ['owner', /owner|assignee|responsib|\bdri\b|accountable/i],
];
const MITIGATION_TEXT = /\b(?:mitigat\w*|contingenc\w*|fall ?backs?|workarounds?|remediat\w*|roll ?backs?|addressed by|handled by|prevent\w*|avoid\w*|reduc\w*|monitor\w*|limit\w*|alert\w*|guard\w*|plan:|response:|accept(?:ed)? (?:the )?risk)\b/i;

export const riskWithoutMitigation = defineRule({
  id: 'risk-without-mitigation',
  description: 'A risk with no mitigation, or a risk table row with an empty likelihood, impact, mitigation or owner cell.',
  docs: ruleDocsUrl('risk-without-mitigation'),
  defaultSeverity: 'warning',
  check(context) {
    for (const entry of entriesOfKind(context, 'risks')) {
      if (entry.type === 'tableRow' && entry.table && entry.row) {
        const mitigation = columnIndex(entry.table, MITIGATION_COLUMN);
        const risk = entry.row.cells[0]?.text || 'this risk';
        const columns: [string, number][] = [
          ...REQUIRED_COLUMNS.map(([name, pattern]) => [name, columnIndex(entry.table, pattern)] as [string, number]),
          ['mitigation', mitigation],
        ];
        reportBlankCells(context, entry, columns, (field, header) =>
          `Risk '${risk}' has no ${field}: ${field === 'mitigation' ? 'say how the risk is reduced or handled if it happens' : `fill in the '${header}' column`}.`,
        );
        if (mitigation < 0 && !MITIGATION_TEXT.test(entry.text)) {
          context.report({
            message: `Risk '${risk}' has no mitigation, and the table has no Mitigation column: add one and say how each risk is handled.`,
            range: entry.range,
            data: { field: 'mitigation' },
          });
        }
      } else if (entry.type === 'listItem' && !MITIGATION_TEXT.test(entry.text)) {
        reportMissingSubItem(context, entry, 'Mitigation', 'Risk has no mitigation: say how it is reduced, or what happens if it occurs (a "Mitigation:" sub-item), and who owns it.');
      }
    }
  },
});
