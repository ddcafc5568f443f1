import { columnIndex, entriesOfKind, reportBlankCells, reportMissingSubItem } from '../core/entries.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

const OWNER_COLUMN = /owner|team|provider|contact|responsib|\bdri\b|assignee|who/i;
const OTHER_COLUMNS: [string, RegExp][] = [
  ['status', /status|state|progress/i],
  ['date', /date|needed|\bdue\b|\beta\b|deadline|by when|target|when/i],
];
const OWNER_TEXT = /\b(?:owner|owned by|owning|team|squad|\bdri\b|responsible|contact|maintainer|maintained by|provided by|point of contact)\b|@[\w-]+/i;

export const dependencyWithoutOwner = defineRule({
  id: 'dependency-without-owner',
  description: 'A dependency with no owner or team, or a dependency table row with an empty owner, status or date cell.',
  docs: ruleDocsUrl('dependency-without-owner'),
  defaultSeverity: 'warning',
  check(context) {
    for (const entry of entriesOfKind(context, 'dependencies')) {
      if (entry.type === 'tableRow' && entry.table && entry.row) {
        const owner = columnIndex(entry.table, OWNER_COLUMN);
        const name = entry.row.cells[0]?.text || 'this dependency';
        // Column 0 names the dependency, even when its header says "Team dependency".
        const columns = ([['owner', owner], ...OTHER_COLUMNS.map(([field, pattern]) => [field, columnIndex(entry.table, pattern)])] as [string, number][]).filter(([, index]) => index !== 0);
        reportBlankCells(context, entry, columns, (field, header) => `Dependency '${name}' has no ${field}: fill in the '${header}' column so someone can be asked when it slips.`);
        if (owner < 0 && !OWNER_TEXT.test(entry.text)) {
          context.report({
            message: `Dependency '${name}' has no owner, and the table has no Owner column: add one naming the team responsible.`,
            range: entry.range,
            data: { field: 'owner' },
          });
        }
      } else if (entry.type === 'listItem' && !OWNER_TEXT.test(entry.text)) {
        reportMissingSubItem(context, entry, 'Owner', 'Dependency has no owner: name the team or person who delivers it (an "Owner:" sub-item), with its status and the date it is needed by.');
      }
    }
  },
});
