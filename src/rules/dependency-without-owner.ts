import { columnIndex, entriesOfKind, reportBlankCells, reportMissingSubItem } from '../core/entries.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';

const OWNER_COLUMN = /owner|team|provider|contact|responsib|\bdri\b|assignee|who|负责人|负责团队|担当|담당/i;
const OTHER_COLUMNS: [string, RegExp][] = [
  ['status', /status|state|progress|状态|状況|상태/i],
  ['date', /date|needed|\bdue\b|\beta\b|deadline|by when|target|when|日期|期限|날짜/i],
];
/** An owner: a person or handle, "owned by", or a named team ("the Payments team"). */
const OWNER_TEXT = /\b(?:owner|owned by|owning|dri|responsible|contact|maintainer|maintained by|provided by|point of contact|assigned to|accountable)\b|@[\w-]+|负责人|负责|担当|담당/i;
const NAMED_TEAM = /\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*\s+(?:[Tt]eam|[Ss]quad|[Gg]roup)\b/;
/**
 * Dependencies someone outside the spec's team delivers: another team, a vendor or partner,
 * an approval, a contract, another organisation's service. Libraries, tools, code layers and
 * the project's own features need no owner.
 */
const DELIVERED_BY_OTHERS =
  /\b(?:teams?|squads?|departments?|vendors?|suppliers?|partners?|third[- ]part(?:y|ies)|contractors?|agency|legal|procurement|approvals?|sign[- ]?offs?|(?:signed|vendor|supplier|service|legal|partner|master|framework)\s+contracts?|contracts?\s+(?:with|signed|signature|approval|negotiation|renewal)|licen[cs]e agreements?|external (?:services?|systems?|apis?|providers?|teams?)|upstream (?:teams?|services?|projects?)|another team|other teams?)\b|团队|部门|供应商|合作方|审批|チーム|部署|ベンダー|承認|팀|부서|공급업체|승인|equipo|proveedor|aprobación|équipe|fournisseur|approbation|lieferant|freigabe/i;

/** "No external API or third-party dependencies required", "None": an entry saying there is no dependency. */
const NO_DEPENDENCY = /^\W*(?:[A-Z]+-\d+\W*)?(?:no|none|n\/a)\b/i;

function namesOwner(text: string): boolean {
  return OWNER_TEXT.test(text) || NAMED_TEAM.test(text);
}

export const dependencyWithoutOwner = defineRule({
  id: 'dependency-without-owner',
  description: 'A dependency another team, vendor or approval delivers, with no owner; or a dependency table row with an empty owner, status or date cell.',
  docs: ruleDocsUrl('dependency-without-owner'),
  defaultSeverity: 'warning',
  check(context) {
    for (const entry of entriesOfKind(context, 'dependencies')) {
      if (NO_DEPENDENCY.test(entry.text)) continue;
      if (entry.type === 'tableRow' && entry.table && entry.row) {
        const owner = columnIndex(entry.table, OWNER_COLUMN);
        const name = entry.row.cells[0]?.text || 'this dependency';
        // Column 0 names the dependency, even when its header says "Team dependency".
        const columns = ([['owner', owner], ...OTHER_COLUMNS.map(([field, pattern]) => [field, columnIndex(entry.table, pattern)])] as [string, number][]).filter(([, index]) => index !== 0);
        reportBlankCells(context, entry, columns, (field, header) => `Dependency '${name}' has no ${field}: fill in the '${header}' column so someone can be asked when it slips.`);
        if (owner < 0 && DELIVERED_BY_OTHERS.test(entry.text) && !namesOwner(entry.text)) {
          context.report({
            message: `Dependency '${name}' has no owner, and the table has no Owner column: add one naming the team responsible.`,
            range: entry.range,
            data: { field: 'owner' },
          });
        }
      } else if (entry.type === 'listItem' && DELIVERED_BY_OTHERS.test(entry.text) && !namesOwner(entry.text)) {
        reportMissingSubItem(context, entry, 'Owner', 'Dependency has no owner: name the person who delivers it and is asked when it slips (an "Owner:" sub-item), with its status and the date it is needed by.');
      }
    }
  },
});
