import { columnIndex, entriesOfKind, reportBlankCells, reportMissingSubItem } from '../core/entries.js';
import { unitsOf } from '../core/requirements.js';
import { fieldName, hasMitigationSection, isAssessment, isMitigationLeadIn, listOf, opensWithMitigation, statesMitigation } from '../core/risk-forms.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';
import type { TextUnit } from '../core/units.js';
import { addTo } from '../core/collections.js';

// Column headers in English and the templates' other languages ("Mitigación", "Maßnahme", "対応").
const MITIGATION_COLUMN = /mitiga|response|respuesta|resposta|réponse|contingenc|plan|remediat|action|acción|ação|treatment|att[ée]nuation|ma[ßs]nahme|contramedida|对策|缓解|应对|措施|対策|対応|완화|대응/i;
const REQUIRED_COLUMNS: [string, RegExp][] = [
  ['likelihood', /likelihood|probab|chance|wahrscheinlichkeit|概率|可能性|確率|확률/i],
  ['impact', /impact|severity|consequence|gravedad|auswirkung|影响|影響|영향/i],
  ['owner', /owner|assignee|responsib|responsab|respons[áa]vel|propietario|dueño|verantwortlich|\bdri\b|accountable|负责人|担当|담당/i],
];
const MITIGATION_FIELD = /^(?:mitigation|contingency|response|缓解|应对|対策|緩和策|완화|대응|mitigación|mitigação|atténuation|gegenmaßnahme)$/i;
const NO_MITIGATION = 'Risk has no mitigation: say how it is reduced, or what happens if it occurs (a "Mitigation:" sub-item), and who owns it.';

export const riskWithoutMitigation = defineRule({
  id: 'risk-without-mitigation',
  description: 'A risk, in any Risks section, with no mitigation: no Mitigation cell, label, sub-item or "risk → mitigation" form; or a risk table row with an empty likelihood, impact, mitigation or owner cell.',
  docs: ruleDocsUrl('risk-without-mitigation'),
  defaultSeverity: 'warning',
  check(context) {
    const { doc } = context;
    const fieldLists = new Set<unknown>();
    const entries = entriesOfKind(context, 'risks');
    const listed = new Map<unknown, TextUnit[]>();
    const topLevelLists = doc.lists.filter((list) => list.depth === 0);
    for (const entry of entries) {
      if (entry.type !== 'listItem') continue;
      const list = listOf(topLevelLists, entry);
      addTo(listed, list, entry);
    }
    const answered = new Map<unknown, boolean>();
    const answeredElsewhere = (entry: TextUnit) => {
      if (!answered.has(entry.section)) answered.set(entry.section, hasMitigationSection(entry.section, doc.sections));
      return answered.get(entry.section)!;
    };
    // Lists introduced by "**Mitigation**:" answer a risk; their items are not risks.
    const mitigationLists = new Set<unknown>();
    let leadIn: TextUnit | undefined;
    for (const unit of unitsOf(context)) {
      if (unit.type === 'paragraph') leadIn = unit;
      else if (unit.type === 'listItem' && leadIn && leadIn.section === unit.section && isMitigationLeadIn(leadIn.text, doc.text.slice(leadIn.range.start, leadIn.range.end))) mitigationLists.add(listOf(topLevelLists, unit));
      else if (unit.type !== 'listItem') leadIn = undefined;
    }
    // "- Learning curve …" then "- Mitigated: clear documentation": a mitigation item answers the risks listed since the previous one.
    const answeredByNext = new Set<TextUnit>();
    for (const items of listed.values()) {
      let since = 0;
      items.forEach((item, index) => {
        if (!opensWithMitigation(item.text)) return;
        for (let risk = since; risk < index; risk++) answeredByNext.add(items[risk]);
        since = index + 1;
      });
    }
    for (const entry of entries) {
      if (answeredElsewhere(entry) || answeredByNext.has(entry)) continue;
      if (entry.type === 'listItem' && mitigationLists.has(listOf(topLevelLists, entry))) continue;
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
        if (mitigation < 0 && !statesMitigation(entry.text) && !isAssessment(entry.text)) {
          context.report({
            message: `Risk '${risk}' has no mitigation, and the table has no Mitigation column: add one and say how each risk is handled.`,
            range: entry.range,
            data: { field: 'mitigation' },
          });
        }
        continue;
      }
      if (entry.type !== 'listItem') continue;
      // A field list ("Risk: ... / Impact: ... / Mitigation: ...") describes one risk.
      const list = listOf(topLevelLists, entry);
      if (fieldName(entry)) {
        if (!list || fieldLists.has(list)) continue;
        fieldLists.add(list);
        const fields = listed.get(list) ?? [];
        if (fields.every((field) => fieldName(field) !== undefined) && !fields.some((field) => answersMitigation(field) || statesMitigation(field.text.slice(field.text.indexOf('\n') + 1)))) {
          reportMissingSubItem(context, fields[0], 'Mitigation', NO_MITIGATION);
        }
        continue;
      }
      if (!statesMitigation(entry.text) && !isAssessment(entry.text)) reportMissingSubItem(context, entry, 'Mitigation', NO_MITIGATION);
    }
  },
});

/** A Mitigation field with a value or sub-items. */
function answersMitigation(field: TextUnit): boolean {
  const name = fieldName(field);
  if (!name || !MITIGATION_FIELD.test(name)) return false;
  return /[:：]\s*\S/.test(field.text);
}
