/**
 * How specs write that a risk is handled, in the forms real risk sections use: a Mitigation
 * column, a "Mitigation:" label or sub-item, "risk → mitigation", a field list (Risk / Impact
 * / Likelihood / Mitigation), in the languages the templates know.
 */
import type { List, Section } from './model.js';
import type { TextUnit } from './units.js';

/** Labels that introduce how a risk is handled. */
const MITIGATION_LABEL =
  /(?:mitigations?|mitigation strategy|mitigated(?: by)?|mitigate[sd]? by|to mitigate|contingency|fallback|workaround|response|remediation|rollback plan|countermeasures?|handled by|addressed by|risk treatment|缓解(?:措施)?|应对(?:措施)?|對策|对策|対策|緩和策?|완화(?:\s*방안)?|대응(?:\s*방안)?|mitigaci[oó]n|mitiga[cç][aã]o|att[ée]nuation|contre-mesures?|gegenma[ßs]nahmen?|ma[ßs]nahmen?)\s*[:：]/i;
const MITIGATION_PHRASE = /\b(?:mitigated by|mitigate[sd]? (?:this |it |the risk )?(?:by|with|through)|addressed by|handled by|we will mitigate|to mitigate (?:this|it|the risk)|risk is accepted|accept(?:ed|ing)? (?:the|this) risk|accepted risk|acceptable (?:as per|per|because|since|given|for now)|\(\s*acceptable\b)\b/i;
/** "risk → what we do about it". */
const ARROW = /\s(?:→|->|⇒|=>)\s*\S/;
/** "Paths may exceed 260 characters; add path checks and clear logging": a handling clause after the risk. */
const HANDLING_CLAUSE =
  /[;—–]\s*(?:we\s+(?:will|can|should)\s+|will\s+)?(?:add|use|keep|limit|cap|document|test|validate|provide|fall\s+back|retry|cache|monitor|pin|guard|warn|log|detect|check|require|restrict|gate|flag|roll\s+back|revert|mitigate|introduce|ship|stage|throttle|verify|enforce|review|audit|alert|isolate|sanitize|back\s+up|ensure|store|hash|encrypt|configurable|made\s+configurable)\b/i;
/** Entries that assess rather than name a risk: "Low risk: the change is additive". */
const ASSESSMENT = /^\s*(?:low|no|minimal|negligible|limited)\s+(?:[\w-]+\s+)?risk\b|^\s*risk\s+(?:level|rating)\s*[:：]/i;

const FIELD = /^\s*([^:：\n]{1,24})[:：]/;
const FIELD_NAMES =
  /^(?:risks?|description|impact|severity|likelihood|probability|owner|status|trigger|mitigation|contingency|response|风险|影响|概率|可能性|严重性|负责人|状态|缓解|应对|リスク|影響|発生確率|確率|対策|緩和策|担当|위험|리스크|영향|확률|완화|대응|담당자|riesgo|impacto|probabilidad|mitigación|risco|probabilidade|mitigação|risque|probabilité|atténuation|risiko|auswirkung|wahrscheinlichkeit|gegenmaßnahme)$/i;

/** "… if we drop columns. For now, we might just hide them": a sentence of the risk that says what the team will do. */
const PLANNED_ACTION = /[.;:]\s+(?:for now|initially|instead|until then|in that case|if so|otherwise)?,?\s*we(?:\s+(?:will|can|could|might|plan to|intend to|are going to)|'ll)\s+(?:just\s+|simply\s+|first\s+)?(?!need\b|have to\b|must\b|not\b|be\b)[a-z]+/i;

/** "性能需在低端机型测试": a check or safeguard the risk sentence says will be done. */
const PLANNED_ACTION_ZH = /(?:需要?|将|会|应)(?:在[^，。；,;]{1,20})?(?:测试|验证|监控|评估|回滚|限流|降级|重试|兜底|灰度)/;

/** "(Need to verify if any exist)", "Необходимость тестирования доступности": a check the risk says must be run, not "need to clarify". */
const PLANNED_CHECK = /\b(?:need|needs|required|requires)\s+to\s+(?:be\s+)?(?:verif|test|validat|check|benchmark|audit)\w*|(?:необходимост\p{L}*|необходимо|нужно|требуется)\s+(?:\p{L}+\s+)?(?:тестирова\p{L}*|протестирова\p{L}*|провер\p{L}*)/iu;

/** True when the text says how a risk is handled. */
export function statesMitigation(text: string): boolean {
  return MITIGATION_LABEL.test(text) || MITIGATION_PHRASE.test(text) || ARROW.test(text) || HANDLING_CLAUSE.test(text) || PLANNED_ACTION.test(text) || PLANNED_ACTION_ZH.test(text) || PLANNED_CHECK.test(text);
}

/** "Mitigated: clear documentation": an item that answers the risk listed right before it. */
export function opensWithMitigation(text: string): boolean {
  const label = MITIGATION_LABEL.exec(text);
  return label !== null && /^[\W_]*$/.test(text.slice(0, label.index));
}

/** "Existing data is compatible (todo/done are still valid)": an entry that says there is no risk. */
const REASSURANCE = /\b(?:is|are|remains?|stays?)\s+(?:still\s+|fully\s+)?(?:compatible|backward[- ]compatible|unaffected|unchanged|valid)\b/i;
const HAZARD = /\b(?:might|may|could|can|risks?|break\w*|fail\w*|los[et]\w*|loss|conflict\w*|regress\w*|incompatib\w*|unless|if)\b/i;
/** "Intentional design choice. However, `HandButton` already supports it": the entry argues the risk away. */
const ARGUED_AWAY = /(?:^|[.;]\s+)(?:however|but),?\s[^.;]*\balready\b/i;

export function isAssessment(text: string): boolean {
  return ASSESSMENT.test(text) || (REASSURANCE.test(text) && !HAZARD.test(text)) || ARGUED_AWAY.test(text);
}

/** A "Label: value" item of a field list describing one risk ("Impact: data loss"). */
export function fieldName(unit: TextUnit): string | undefined {
  const match = FIELD.exec(unit.text);
  const name = match?.[1].trim().replace(/^\*+|\*+$/g, '');
  return name && FIELD_NAMES.test(name) ? name : undefined;
}

/** The top-level list holding a unit, by binary search over top-level lists in document order. */
export function listOf(topLevelLists: readonly List[], unit: TextUnit): List | undefined {
  let low = 0;
  let high = topLevelLists.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const list = topLevelLists[mid];
    if (unit.range.start < list.range.start) high = mid - 1;
    else if (unit.range.start >= list.range.end) low = mid + 1;
    else return unit.range.end <= list.range.end ? list : undefined;
  }
  return undefined;
}

const MITIGATION_SECTION = /^(?:mitigations?|mitigation (?:strategy|strategies|plan)|risk mitigation|缓解措施|应对措施|対策|완화 방안|mitigaciones|mitigações|atténuations|gegenmaßnahmen)$/i;

/** A section whose sibling or child is a "Mitigations" section answers its risks there. */
export function hasMitigationSection(section: Section | undefined, siblings: readonly Section[]): boolean {
  if (!section) return false;
  const candidates = [...section.children, ...siblings.filter((other) => other !== section && other.parent === section.parent)];
  return candidates.some((other) => MITIGATION_SECTION.test(other.normalizedTitle) && other.hasContent);
}

export function isMitigationSection(section: Section): boolean {
  return MITIGATION_SECTION.test(section.normalizedTitle);
}

const MITIGATION_LEAD_IN = /^\s*(?:risk\s+)?(?:mitigations?|mitigation strategy|contingency|response|缓解(?:措施)?|应对(?:措施)?|対策|완화|mitigaci[oó]n|mitiga[cç][aã]o|att[ée]nuation|gegenma[ßs]nahmen?)\s*[:：]?\s*$/i;

/**
 * A lead-in such as "**Mitigation**:" or "Mitigations:": the list after it answers a risk. So
 * does a field paragraph whose last line is one ("**Probability**: Low / **Impact**: High /
 * **Mitigation**:"); `source` is the paragraph as written, one field per line.
 */
export function isMitigationLeadIn(text: string, source: string): boolean {
  const lines = source.trimEnd().split('\n');
  return MITIGATION_LEAD_IN.test(text) || MITIGATION_LEAD_IN.test(lines[lines.length - 1].replace(/[*_]/g, ''));
}
