import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../../src/api.js';
import { specHealth } from '../../src/core/health.js';
import { specOutline } from '../../src/core/outline.js';
import { planFixAll, planQuickFixes, SHOW_DOCS_COMMAND } from '../../src/extension/action-plan.js';
import { healthHtml, healthSummary } from '../../src/extension/health-view-model.js';
import { configErrorRange, editorSeverity, shownFindings } from '../../src/extension/mapping.js';
import { statusText } from '../../src/extension/status-text.js';
import { withNextId } from '../../src/extension/snippet-completions-model.js';
import { editLabel } from '../../src/extension/edit-labels.js';
import { nextRequirementId } from '../../src/translate/index.js';
import { parseSpec } from '../../src/core/parse.js';
import type { Finding } from '../../src/core/rule.js';
import { applyFixes } from '../../src/core/fix.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { PROJECT_ROOT } from './helpers.js';

const DRAFT = readFileSync(path.join(PROJECT_ROOT, 'examples/report-export.spec.md'), 'utf8');
const COMPLETE = readFileSync(path.join(PROJECT_ROOT, 'examples/checkout-redesign.spec.md'), 'utf8');

/** Applies editor edits (already merged and non-overlapping) like VS Code does. */
function applyEdits(text: string, edits: { offset: number; length: number; newText: string }[]): string {
  return applyFixes(text, [{ title: 'batch', edits }]).text;
}

describe('extension adapters (no VS Code needed)', () => {
  it('maps severities, with info as information or hint', () => {
    assert.equal(editorSeverity('error', 'hint'), 'error');
    assert.equal(editorSeverity('warning', 'hint'), 'warning');
    assert.equal(editorSeverity('info', 'information'), 'information');
    assert.equal(editorSeverity('info', 'hint'), 'hint');
  });

  it('places config errors on their line', () => {
    const text = '{\n  "rules": { "vauge-term": "warning" }\n}\n';
    const offset = text.indexOf('"vauge-term"');
    const range = configErrorRange({ file: '/x', offset, length: 12, line: 2, column: offset - text.indexOf('\n') , message: 'm' }, text);
    assert.deepEqual(range, { startLine: 1, startCharacter: offset - 2, endLine: 1, endCharacter: offset - 2 + 12 });
  });

  describe('code action plan', () => {
    const { doc, findings } = lintText({ text: DRAFT });
    const at = (needle: string) => {
      const offset = DRAFT.indexOf(needle);
      return { start: offset, end: offset };
    };

    it('offers the fixes, fix-all, disable line/file and docs for the finding under the cursor', () => {
      const actions = planQuickFixes(doc, findings, at('fast and include')).filter((action) => action.findings.every((finding) => finding.ruleId === 'vague-term'));
      const titles = actions.map((action) => action.title);
      assert.deepEqual(titles, [
        'Mark for clarification: quantify "fast"',
        `Fix all 'vague-term' problems in this file`,
        `Disable 'vague-term' for this line`,
        `Disable 'vague-term' for this file`,
        `Show documentation for 'vague-term'`,
      ]);
      assert.equal(actions[0].isPreferred, true);
      assert.equal(actions[4].command?.id, SHOW_DOCS_COMMAND);
      assert.equal(actions[4].command?.args[0], 'vague-term', 'the bundled page by rule id');
      assert.match(String(actions[4].command?.args[1]), /docs\/rules\/vague-term\.md$/, 'the web page as the second choice');
    });

    it('"fix all" for a rule fixes every finding of that rule, and disable-line silences one line', () => {
      const actions = planQuickFixes(doc, findings, at('- The PDF renderer'));
      const risk = lintText({ text: DRAFT });
      void risk;
      const missing = planQuickFixes(doc, findings, at('## Summary'));
      const fixAll = missing.find((action) => action.title === `Fix all 'missing-section' problems in this file`)!;
      const fixed = applyEdits(DRAFT, fixAll.edits!);
      assert.deepEqual(lintText({ text: fixed }).findings.filter((finding) => finding.ruleId === 'missing-section'), []);
      const disable = actions.find((action) => action.title === `Disable 'risk-without-mitigation' for this line`)!;
      const silenced = applyEdits(DRAFT, disable.edits!);
      assert.deepEqual(lintText({ text: silenced }).findings.filter((finding) => finding.ruleId === 'risk-without-mitigation'), []);
      assert.equal(silenced.split('\n').length, DRAFT.split('\n').length, 'no line added');
    });

    it('disables a rule in a table row without breaking the table', () => {
      const cell = at('| Email relay quota increase |');
      const actions = planQuickFixes(doc, findings, { start: cell.start + 29, end: cell.start + 29 });
      const disable = actions.find((action) => action.title === `Disable 'dependency-without-owner' for this line`)!;
      const silenced = applyEdits(DRAFT, disable.edits!);
      const after = lintText({ text: silenced });
      assert.equal(after.doc.tables.find((table) => table.header[0].text === 'Dependency')?.rows.length, 2);
      assert.deepEqual(after.findings.filter((finding) => finding.ruleId === 'dependency-without-owner'), []);
    });

    it('disables a rule for the file below the front matter', () => {
      const actions = planQuickFixes(doc, findings, at('fast and include'));
      const silenced = applyEdits(DRAFT, actions.find((action) => action.title === `Disable 'vague-term' for this file`)!.edits!);
      assert.match(silenced, /^---\n[\s\S]*?\n---\n<!-- specwise-disable-file vague-term -->\n/);
      assert.deepEqual(lintText({ text: silenced }).findings.filter((finding) => finding.ruleId === 'vague-term'), []);
    });

    it('fix-all on save applies every safe fix in one batch that keeps the text', () => {
      const plan = planFixAll(doc, findings)!;
      const fixed = applyEdits(DRAFT, plan.edits!);
      const before = DRAFT.replace(/\s+/g, '');
      let at2 = 0;
      for (const char of before) at2 = fixed.indexOf(char, at2) + 1;
      assert.ok(at2 > 0);
      const after = lintText({ text: fixed }).findings.map((finding) => finding.ruleId);
      assert.ok(!after.includes('missing-section') && !after.includes('risk-without-mitigation'));
      assert.equal(planFixAll(lintText({ text: COMPLETE }).doc, lintText({ text: COMPLETE }).findings), undefined);
    });
  });

  describe('outline and health', () => {
    it('lists requirement ids, risks and dependencies by name, not the headings the Markdown extension lists', () => {
      const result = lintText({ text: COMPLETE });
      const nodes = specOutline(result.analysis);
      assert.deepEqual(
        nodes.map((node) => [node.kind, node.name, node.detail]),
        [
          ['requirement', 'REQ-1', 'When a signed-in customer opens checkout, the checkout page…'],
          ['requirement', 'REQ-2', 'When the customer changes the shipping address, the checkou…'],
          ['requirement', 'REQ-3', 'If the payment provider declines a card, then the checkout …'],
          ['requirement', 'REQ-4', 'The checkout page shall meet WCAG 2.2 AA.'],
          ['risk', 'Payment provider rate limits the extra address validation c…', 'Impact: High · Owner: Marco (Payments)'],
          ['risk', 'Single page slows down on low-end Android devices', 'Impact: Medium · Owner: Lena (Web)'],
          ['dependency', 'Address validation API v2', 'Owner: Geo Platform team · Status: In progress'],
          ['dependency', 'Decline reason codes from the payment provider', 'Owner: Payments team · Status: Done'],
        ],
      );
      assert.equal(COMPLETE.slice(nodes[0].selectionRange.start, nodes[0].selectionRange.end), 'REQ-1');
      assert.equal(COMPLETE.slice(nodes[6].selectionRange.start, nodes[6].selectionRange.end), 'Address validation API v2');
      const listed = specOutline(lintText({ text: '## Risks\n\n- **Risk:** The renderer may time out.\n  - Mitigation: paginate.\n' }).analysis);
      assert.deepEqual(listed.map((node) => [node.kind, node.name]), [['risk', 'The renderer may time out.']]);
    });

    it('reports sections present, empty and missing, and requirement coverage', () => {
      const result = lintText({ text: DRAFT });
      const health = specHealth(result.analysis, result.template, result.findings);
      const status = Object.fromEntries(health.sections.map((entry) => [entry.id, entry.status]));
      assert.equal(status.summary, 'present');
      assert.equal(status.problem, 'missing');
      assert.deepEqual(health.requirements.map((entry) => [entry.id, entry.coveredBy.length > 0]), [
        ['REQ-1', true],
        ['REQ-2', true],
        ['REQ-3', false],
      ]);
      assert.equal(healthSummary(health), '1 missing · 9 warnings · 1 to fill in');
      const html = healthHtml('Spec Health', [{ name: 'draft <1>', health, uri: 'file:///w/draft.md' }]);
      assert.match(html, /draft &#60;1&#62;/, 'names are escaped');
      assert.match(html, /Requirement coverage: 2 of 3/);
      assert.doesNotMatch(html, /<script/);
      assert.match(html, /<a href="command:specwise\.revealLine\?%5B%22file%3A%2F%2F%2Fw%2Fdraft\.md%22%2C\d+%5D"/, 'lines open the spec');
      assert.match(html, /<tr class="optional"><td>·<\/td><td>Costs<\/td><td>optional<\/td><td>not used \(optional\)<\/td><\/tr>/, 'a missing optional section is no failure');
      const warningsByRule = health.rules.filter((rule) => rule.warnings > 0).map((rule) => [rule.ruleId, rule.warnings]);
      assert.deepEqual(warningsByRule, [
        ['dependency-without-owner', 2],
        ['requirement-without-acceptance', 2],
        ['missing-section', 1],
        ['escape-clause', 1],
        ['risk-without-mitigation', 1],
        ['undefined-requirement-reference', 1],
        ['unmeasurable-success-criterion', 1],
      ]);
      assert.match(html, /<h3>Findings by rule<\/h3><table>.*<code>dependency-without-owner<\/code><\/td><td><\/td><td>2<\/td>/s);
    });
  });

  describe('status item words', () => {
    it('names the spec state, the cut Problems list and config errors', () => {
      assert.deepEqual(statusText({ kind: 'spec', summary: '2 missing · 5 warnings', configErrors: 0, shown: 7, total: 7 }), { text: '$(checklist) Spec: 2 missing · 5 warnings', details: [], warn: false });
      const cut = statusText({ kind: 'spec', summary: '4,210 warnings', configErrors: 1, shown: 1000, total: 4210 });
      assert.equal(cut.text, '$(warning) Spec: 4,210 warnings · 1,000 of 4,210 shown · config error');
      assert.match(cut.details[0], /errors and warnings first/);
      assert.ok(cut.warn);
      assert.equal(statusText({ kind: 'not-spec', configErrors: 0, shown: 0, total: 0 }).text, '$(circle-slash) Not a spec');
      assert.equal(statusText({ kind: 'skipped', configErrors: 0, shown: 0, total: 0 }).text, '$(circle-slash) Spec: skipped');
    });

    it('counts the cross-file findings in the file as trace gaps', () => {
      assert.equal(statusText({ kind: 'spec', summary: 'ok', configErrors: 0, shown: 0, total: 0, traceGaps: 6 }).text, '$(checklist) Spec: 6 trace gaps');
      assert.equal(statusText({ kind: 'spec', summary: '2 warnings', configErrors: 0, shown: 2, total: 2, traceGaps: 1 }).text, '$(checklist) Spec: 2 warnings · 1 trace gap');
      assert.equal(statusText({ kind: 'not-spec', configErrors: 0, shown: 0, total: 0, traceGaps: 2 }).text, '$(circle-slash) Not a spec · 2 trace gaps');
      assert.equal(statusText({ kind: 'spec', configErrors: 0, shown: 0, total: 0, traceGaps: 0 }).text, '$(checklist) Spec: ok');
    });

    it('keeps at most 1,000 diagnostics, errors and warnings first, in document order', () => {
      const finding = (severity: 'error' | 'warning' | 'info', line: number) => ({ severity, start: { line } }) as unknown as Finding;
      const findings = [...Array.from({ length: 990 }, (_, i) => finding('info', i)), ...Array.from({ length: 20 }, (_, i) => finding('warning', 1000 + i)), finding('error', 2000)];
      const shown = shownFindings(findings);
      assert.equal(shown.length, 1000);
      assert.equal(shown.filter((entry) => entry.severity !== 'info').length, 21);
      assert.deepEqual(shown.map((entry) => entry.start.line), [...shown.map((entry) => entry.start.line)].sort((a, b) => a - b));
      assert.equal(shownFindings(findings.slice(0, 10)).length, 10);
    });
  });

  describe('snippets', () => {
    it("offer the spec's next free id in requirement snippets", () => {
      assert.equal(withNextId('- **${1|REQ,FR,NFR|}-${2:1}**: The ${3:system} shall ${4:response}.$0', 'FR-013'), '- **${1:FR}-${2:013}**: The ${3:system} shall ${4:response}.$0');
      assert.equal(withNextId('- **REQ-${9:1}**: While ${1:state}, the ${3:system} shall ${4:response}.', 'REQ-5'), '- **REQ-${9:5}**: While ${1:state}, the ${3:system} shall ${4:response}.');
      const doc = parseSpec('## Requirements\n\n- **FR-001**: The system shall export.\n- **FR-012**: The system shall email.\n\n## Success Criteria\n\n- **SC-003**: 95% finish in 10 s.\n');
      assert.equal(nextRequirementId(doc, builtInTemplates.get('spec-kit')!), 'FR-013');
      assert.equal(nextRequirementId(parseSpec('# Empty\n'), builtInTemplates.get('tech-spec')!), 'REQ-1');
    });

    const snippets = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'snippets/markdown.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    /** Expands a snippet with its defaults, as accepting every tab stop would. */
    const expand = (body: string[]) =>
      body
        .join('\n')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}|\$\d+/g, 'TBD');

    it('has one snippet per tech-spec section and every building block', () => {
      const prefixes = Object.values(snippets).map((snippet) => snippet.prefix);
      for (const section of builtInTemplates.get('tech-spec')!.sections) assert.ok(prefixes.includes(`spec-section-${section.id}`), section.id);
      for (const prefix of ['spec-tech-spec', 'spec-criterion', 'spec-scenario', 'spec-requirement', 'spec-risk-row', 'spec-dependency-row', 'spec-milestone-row', 'spec-stakeholder-row', 'spec-question', 'spec-disable-next-line', 'spec-disable-file']) {
        assert.ok(prefixes.includes(prefix), prefix);
      }
      assert.equal(prefixes.filter((prefix) => prefix.startsWith('spec-ears-')).length, 6);
    });

    it('expands the skeleton into a spec with every section, in order, and measurable criteria', () => {
      const skeleton = Object.values(snippets).find((snippet) => snippet.prefix === 'spec-tech-spec')!;
      const findings = lintText({ text: expand(skeleton.body) }).findings.map((finding) => finding.ruleId);
      for (const rule of ['missing-section', 'empty-section', 'section-order', 'unmeasurable-success-criterion', 'requirement-without-acceptance', 'invalid-front-matter']) {
        assert.ok(!findings.includes(rule), rule);
      }
    });

    it('gives the section snippets the template titles', () => {
      for (const section of builtInTemplates.get('tech-spec')!.sections) {
        const snippet = Object.values(snippets).find((entry) => entry.prefix === `spec-section-${section.id}`)!;
        assert.equal(snippet.body[0], `## ${section.title}`);
      }
    });
  });
});

describe('refactor preview labels', () => {
  it('say what each translation edit does, in the spec’s section names', () => {
    const doc = parseSpec('# Export\n\n## Requirements\n\n- **REQ-1**: The system shall export.\n\n## Risks\n\nNone.\n');
    const end = doc.text.indexOf('\n\n## Risks');
    assert.equal(editLabel(doc, { offset: end, length: 0, newText: '\n- **REQ-2**: The system shall email.\n- **REQ-3**: The system shall print.' }), "Add to 'Requirements': REQ-2, REQ-3");
    assert.equal(editLabel(doc, { offset: doc.text.length, length: 0, newText: '\n## Success Criteria\n\n- AC-1 (verifies REQ-2): Given …' }), "Add section 'Success Criteria'");
    assert.equal(editLabel(doc, { offset: doc.text.length - 2, length: 0, newText: ' More.' }), "Add to 'Risks'");
  });
});

