import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../../src/api.js';
import { specHealth } from '../../src/core/health.js';
import { specOutline } from '../../src/core/outline.js';
import { planFixAll, planQuickFixes, SHOW_DOCS_COMMAND } from '../../src/extension/action-plan.js';
import { healthHtml, healthSummary } from '../../src/extension/health-view-model.js';
import { configErrorRange, editorSeverity } from '../../src/extension/mapping.js';
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
      assert.match(String(actions[4].command?.args[0]), /docs\/rules\/vague-term\.md$/);
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
    it('lists sections with requirement ids, risks and dependencies under them', () => {
      const result = lintText({ text: COMPLETE });
      const [root] = specOutline(result.analysis);
      assert.equal(root.name, 'One-page checkout');
      const requirements = root.children.find((node) => node.name === 'Requirements')!;
      assert.deepEqual(requirements.children.map((node) => [node.kind, node.name]), [
        ['requirement', 'REQ-1'],
        ['requirement', 'REQ-2'],
        ['requirement', 'REQ-3'],
        ['requirement', 'REQ-4'],
      ]);
      assert.match(requirements.children[0].detail, /^When a signed-in customer opens checkout/);
      assert.deepEqual(root.children.find((node) => node.name === 'Risks')!.children.map((node) => node.kind), ['risk', 'risk']);
      assert.deepEqual(root.children.find((node) => node.name === 'Dependencies')!.children.map((node) => node.kind), ['dependency', 'dependency']);
      assert.equal(COMPLETE.slice(requirements.selectionRange.start, requirements.selectionRange.end), '## Requirements');
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
      const html = healthHtml('Spec Health', [{ name: 'draft <1>', health }]);
      assert.match(html, /draft &#60;1&#62;/, 'names are escaped');
      assert.match(html, /Requirement coverage: 2 of 3/);
      assert.doesNotMatch(html, /<script/);
    });
  });

  describe('snippets', () => {
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
