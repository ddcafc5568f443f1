import type { ListItem } from 'mdast';
import { columnIndex, entriesOfKind, firstLineRange } from '../core/entries.js';
import type { Fix } from '../core/fix.js';
import { endOf, startOf } from '../core/markdown.js';
import { isPlaceholderOnly } from '../core/placeholders.js';
import { isTraceUnit, REQUIREMENT_ID } from '../core/requirements.js';
import { defineRule, ruleDocsUrl } from '../core/rule.js';
import type { TextUnit } from '../core/units.js';

/**
 * Words that make a criterion a judgement rather than an observation: satisfaction, ease,
 * clarity, quality, and comparatives with no baseline.
 */
const SUBJECTIVE = new RegExp(
  `\\b(?:${[
    'happy', 'happier', 'satisf(?:ied|action)', 'delight(?:ed|ful)?', 'love[sd]?', 'enjoy(?:s|able)?', 'feels?', 'qualitative',
    'intuitive(?:ly)?', 'easy', 'easier', 'easily', 'simple', 'simpler', 'clear(?:er|ly)?', 'consistent(?:ly)?', 'seamless(?:ly)?',
    'smooth(?:er|ly)?', 'improved?', 'improvements?', 'better', 'enhanced', 'reduced', 'increased', 'fast(?:er)?', 'quick(?:er|ly)?(?!\\s+(?:access|actions?|search|find|filters?|links?|start|menu|switcher|launcher|picker|reply|replies|add|view|edit)\\b)',
    'responsive', 'snappy', 'engag(?:ing|ement)', 'adoption', 'awareness', 'confiden(?:ce|t)', 'trust', 'productiv(?:e|ity)',
    'usability', 'user[- ]friendly', 'friendly', 'good', 'great', 'nice', 'excellent', 'quality', 'robust(?:ness)?',
    'reliab(?:le|ly|ility)', 'polished', 'professional', 'modern', 'elegant', 'efficien(?:t|tly|cy)', 'appropriate(?:ly)?',
    'adequate(?:ly)?', 'acceptable', 'reasonabl[ey]', 'sufficient(?:ly)?', 'significant(?:ly)?', 'noticeabl[ey]', 'minimal', 'optimal',
    'maximi[sz]ed?', 'minimi[sz]ed?', 'compelling', 'meaningful', 'valuable', 'useful', 'actionable', 'helpful',
  ].join('|')})\\b`,
  'i',
);
/** An observable outcome: a number, a yes/no result, a stated check, or a testable form. */
const NUMBER_WORD = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|twice|double|triple|all|every|each|none|no more than|percent)\b/i;
const BINARY = /\b(?:no|not|never|without|none|nothing|exactly|identical|bit[- ]?(?:exact|identical)|unchanged|passes|pass|fails?|returns?|exits?|rejects?|blocks?|prevents?|can|cannot|can't|replaces?|replaced|shows?|showing|shown|displays?|displayed|appears?|see|sees|seen|receives?|received|completes?|completed|installs?|installed|builds?|built|runs?|exists?|creates?|created|writes?|written|deterministic(?:ally)?|matches|matching|equals?|present|absent|unavailable|hidden|visible|enabled|disabled)\b/i;
const CHECK = /\b(?:verified|verifiable|measured|measurable|tested|testable|confirmed|checked|asserted|validated|observable)\s+(?:by|via|with|in|using|through)\b|\b(?:test|benchmark|analysis|audit|survey|metric)\b/i;
const TESTABLE_FORM = /\b(?:shall|must)\b/i;
/** A label the user will see, quoted as the UI writes it ("Modified", "Add Patient"): whether it shows is a yes/no check. */
const UI_LABEL = /["“][A-Z][^"”\n]{0,40}["”]/;
/** "Reduced package size": a comparison of a quantity anyone can measure before and after. */
const QUANTITY = /\b(?:size|time|times|latency|duration|memory|cpu|bytes?|count|number|errors?|failures?|tickets|cost|costs|usage|load time|build time|throughput|bandwidth|traffic|downloads?|rate)\b/i;

/** Conventions taken from something that exists and is named; not "best practices", nor a look "consistent with" other panels. */
const NAMED_REFERENCE = /\b(?:established (?:by|in)|the same as|identical to)\s+(?:the\s+)?(?:existing|current|today's|[A-Z`])/;

/** A subjective word used as a word: "Simple" in "switches between Simple and Bezier modes" is a name. */
function hasJudgement(text: string): boolean {
  const global = new RegExp(SUBJECTIVE.source, 'gi');
  for (const match of text.matchAll(global)) {
    const sentenceStart = /(?:^|[.!?:]\s+|[-*]\s+)$/.test(text.slice(Math.max(0, match.index - 3), match.index)) || text.slice(0, match.index).trim() === '';
    if (sentenceStart || match[0][0] === match[0][0].toLowerCase()) return true;
  }
  return false;
}

const CITES_ID = new RegExp(REQUIREMENT_ID.source, 'u');

/** Given ... when ... then, in order (three linear searches, no backtracking). */
function isScenario(text: string): boolean {
  const given = /\bgiven\b/i.exec(text);
  if (!given) return false;
  const rest = text.slice(given.index);
  const when = /\bwhen\b/i.exec(rest);
  return !!when && /\bthen\b/i.test(rest.slice(when.index));
}

/**
 * A criterion is measurable when it states an observable, checkable outcome: a number, a
 * yes/no result ("the user can export without signing in again"), a stated check, or a
 * Given/When/Then or SHALL statement. Only judgements with none of these are flagged:
 * "Admins are happy with exports", "Simple and fast".
 */
export function isMeasurable(text: string): boolean {
  const withoutIds = text.replace(REQUIREMENT_ID, ' ');
  if (/\d/.test(withoutIds) || NUMBER_WORD.test(withoutIds) || isScenario(text) || TESTABLE_FORM.test(text)) return true;
  // "at least as fast as today", "faster than v1": a comparison with a named baseline.
  if (/\bas\s+\w+\s+as\b|\bthan\b/i.test(withoutIds)) return true;
  // "conventions established by existing StreamHub agent files": the reference decides it.
  if (NAMED_REFERENCE.test(withoutIds)) return true;
  // "Updating the config file alone is sufficient to change the links": a claim that holds or not.
  if (/\b(?:is|are|alone is)\s+sufficient\s+to\s+(?!the\b|a\b)\w+/i.test(withoutIds)) return true;
  // "feels alive, as SC-001 to SC-004 check": other criteria make it checkable. The criterion's
  // own id and the requirement it verifies ("AC-2 (verifies REQ-2): …") do not.
  if (CITES_ID.test(text.replace(/^[\s*_]*[A-Z]+-\d+[a-z]?[*_\s]*(?:\((?:verifies|verify|covers)\b[^)]*\))?[*_:\s]*/u, ''))) return true;
  // A yes/no result counts in the criterion itself, not in an aside: "Simple and fast (no version checking)".
  const withoutAsides = withoutIds.replace(/\([^()]*\)/g, ' ');
  return !hasJudgement(withoutIds) || BINARY.test(withoutAsides) || CHECK.test(withoutIds) || QUANTITY.test(withoutAsides);
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

/** Where the criterion's own words start: after its id label ("**SC-3**: "), which stays in front. */
function contentStart(text: string, unit: TextUnit): number | undefined {
  let start: number | undefined;
  if (unit.type === 'listItem') {
    const first = (unit.node as ListItem).children[0];
    start = first?.type === 'paragraph' ? startOf(first) : undefined;
  } else if (unit.type === 'paragraph') {
    start = unit.range.start;
  }
  if (start === undefined) return undefined;
  const label = /^(?:\*\*|__)?[A-Z]+-\d+[a-z]?(?:\.\d+)*(?:\*\*|__)?\s*(?:[:.)\u2013\u2014-]\s*)?(?:\*\*|__)?\s*/.exec(text.slice(start, start + 40));
  return start + (label?.[0].length ?? 0);
}

export const unmeasurableSuccessCriterion = defineRule({
  id: 'unmeasurable-success-criterion',
  description: 'A success criterion that is a judgement ("users are happy", "simple and fast") with no observable, checkable outcome: no number, no yes/no result, no stated check, not Given/When/Then or SHALL.',
  docs: ruleDocsUrl('unmeasurable-success-criterion'),
  defaultSeverity: 'warning',
  check(context) {
    const { doc } = context;
    for (const entry of entriesOfKind(context, 'success-criteria', true)) {
      // Verification tables and checklists restate criteria defined elsewhere.
      if (isTraceUnit(entry)) continue;
      const source = doc.text.slice(entry.range.start, entry.range.end);
      // Bare placeholders are the placeholder rule's; marked criteria are waiting for an answer.
      // Quoted text is masked in the entry's words, so a quoted UI label is read from the source.
      if (isMeasurable(entry.text) || UI_LABEL.test(source) || isPlaceholderOnly(source) || /\[NEEDS CLARIFICATION/i.test(source)) continue;
      const fixes: Fix[] = [
        {
          title: 'Add a measurable-target placeholder',
          edits: [{ offset: appendPoint(entry), length: 0, newText: ' [NEEDS CLARIFICATION: measurable target, e.g. "95% of exports finish within 10 s"]' }],
          safe: true,
        },
      ];
      const start = contentStart(doc.text, entry);
      if (start !== undefined) {
        fixes.push({ title: 'Rewrite as a Given/When/Then scenario', edits: [{ offset: start, length: 0, newText: 'Given TBD, when TBD, then ' }] });
      }
      context.report({
        message: 'Success criterion is a judgement, not a check: state what can be observed, with a number, a yes/no result or a test (e.g. "95% of exports finish within 10 s", "the admin can export without signing in again"), or write it as Given/When/Then.',
        range: firstLineRange(doc, entry),
        fixes,
      });
    }
  },
});
