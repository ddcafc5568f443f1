import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, lintText } from '../../src/api.js';
import { problemCount, safeFixes } from '../../src/core/fix-all.js';
import { renderSpecSkeleton } from '../../src/core/scaffold.js';
import { parseSpec } from '../../src/core/parse.js';
import { matchTemplate } from '../../src/core/template-match.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { PROJECT_ROOT } from './helpers.js';

/** A well-formed example document per built-in template. */
const EXAMPLES: Record<string, string> = {
  'tech-spec': 'examples/checkout-redesign.spec.md',
  prd: 'test/fixtures/templates/prd.md',
  rfc: 'test/fixtures/templates/rfc.md',
  'spec-kit': 'test/fixtures/templates/spec-kit.md',
  kiro: 'test/fixtures/templates/kiro.md',
  'openspec-proposal': 'test/fixtures/templates/openspec-proposal.md',
  'openspec-spec': 'test/fixtures/templates/openspec-spec.md',
  'openspec-delta': 'test/fixtures/templates/openspec-delta.md',
};

const SECTION_RULES = new Set(['missing-section', 'empty-section', 'section-order']);

function sectionFindings(text: string, templateName: string) {
  const template = builtInTemplates.get(templateName)!;
  return lintText({ text, template }).findings.filter((finding) => SECTION_RULES.has(finding.ruleId));
}

/** Removes the section matching a template section, subsections included; returns the text and the ids removed. */
function removeSection(text: string, templateName: string, sectionId: string): { text: string; removed: string[] } {
  const template = builtInTemplates.get(templateName)!;
  const match = matchTemplate(parseSpec(text), template);
  const target = match.byId.get(sectionId);
  assert.ok(target, `${templateName}: no heading for ${sectionId}`);
  const { start, end } = target.section.range;
  const removed = match.matched
    .filter((entry) => entry.section.range.start >= start && entry.section.range.start < end && entry.templateSection.presence !== 'optional')
    .map((entry) => entry.templateSection.id);
  return { text: text.slice(0, start) + text.slice(end), removed };
}

describe('built-in templates', () => {
  it('includes every documented template', () => {
    assert.deepEqual([...builtInTemplates.keys()], ['tech-spec', 'prd', 'rfc', 'spec-kit', 'kiro', 'openspec-proposal', 'openspec-spec', 'openspec-delta', 'ears']);
    assert.equal(builtInTemplates.get('ears'), builtInTemplates.get('kiro'), 'ears is the Kiro template\'s former name');
  });

  it('matches the main sections in Chinese, Japanese, Korean, Spanish, Portuguese, French, German, Ukrainian and Russian', () => {
    const kiro = readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/templates/kiro-zh.md'), 'utf8');
    assert.deepEqual(sectionFindings(kiro, 'kiro'), []);
    const titles: Record<string, string[]> = {
      'tech-spec': ['概述', '問題提起', '요구사항', 'Criterios de éxito', 'Riscos', 'Dépendances', 'Testplan'],
      'spec-kit': ['用户场景与测试', '要件', '성공 기준', 'Escenarios de usuario y pruebas', 'Requisitos', 'Critères de succès', 'Erfolgskriterien', 'Вимоги', 'Критерии успеха',
        // Presence notes, in the template's words and translated.
        'Success Criteria *(mandatory, testable)*', 'Success Criteria *(obbligatorio)*', 'Requisitos (obligatorio)', 'Erfolgskriterien (erforderlich)', '成功标准（必填）', 'Вимоги (обов’язково)'],
      'openspec-proposal': ['Чому', 'Що змінюється', 'Вплив', 'Почему', 'Что меняется', 'Влияние', 'Context', 'Scope', 'What', '影响评估', 'Impact Assessment', 'Цель', 'Подход', 'Goal', '方案概述', '影响面', '目标/动机', 'Intent', 'Решение', '什么会改变', '变更范围', 'Expected Impact', 'Goal Description',
        // A title with its translation in parentheses.
        '为什么 (Motivation)', '变更内容（Proposed Changes）', 'Impacto (影响)'],
      'openspec-spec': ['ADDED Requirements', 'Вимоги'],
      kiro: ['Histórias de Usuário', '用户故事'],
    };
    for (const [name, localized] of Object.entries(titles)) {
      for (const title of localized) {
        const match = matchTemplate(parseSpec(`## ${title}\n\nText.\n`), builtInTemplates.get(name)!);
        assert.equal(match.matched.length, 1, `${name}: '${title}' matches no section`);
      }
    }
  });

  it("does not ask a spec on spec-kit's early template (its 'Execution Flow (main)') for the Success Criteria that template lacked", () => {
    const early = '# Feature Specification: Export\n\n## Execution Flow (main)\n\n1. Parse the description.\n\n## User Scenarios & Testing *(mandatory)*\n\n### Primary User Story\n\nAn analyst exports a report.\n\n## Requirements *(mandatory)*\n\n- **FR-001**: System MUST export PDF.\n';
    assert.deepEqual(sectionFindings(early, 'spec-kit').map((finding) => finding.data?.section), []);
    assert.deepEqual(sectionFindings(early.replace('## Execution Flow (main)', '## Overview'), 'spec-kit').map((finding) => finding.data?.section), ['success-criteria']);
  });

  it("takes requirements written as headings of their own ('## REQ-AS-001: …') as the requirements section", () => {
    const text = '# Apple Speech — Requirements\n\n## Introduction\n\nOn-device speech.\n\n## REQ-AS-001: On-device speech\n\n**EARS:** WHEN the catalog lists the engine, THE SYSTEM SHALL treat it as local.\n';
    assert.deepEqual(sectionFindings(text, 'kiro'), []);
    assert.deepEqual(sectionFindings(text.replace('## REQ-AS-001: On-device speech', '## On-device speech'), 'kiro').map((finding) => finding.data?.section), ['requirements']);
  });

  for (const [name, file] of Object.entries(EXAMPLES)) {
    describe(name, () => {
      const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
      const template = builtInTemplates.get(name)!;

      it('accepts a well-formed example with no section findings', () => {
        assert.deepEqual(sectionFindings(text, name).map((finding) => `${finding.ruleId} ${finding.message}`), []);
      });

      it('starts a new spec that passes its own rules, with only placeholders to fill in', () => {
        const skeleton = renderSpecSkeleton(template, 'Payments export');
        const findings = lintText({ text: skeleton, template }).findings;
        assert.deepEqual(findings.filter((finding) => finding.data?.toFillIn !== true).map((finding) => `${finding.ruleId} ${finding.message}`), []);
        assert.ok(findings.every((finding) => finding.severity === 'info'));
        // Inserting every missing section into a bare title adds no warnings either.
        const bare = `# Payments export\n`;
        const inserted = applyFixes(bare, safeFixes(lintText({ text: bare, template }).findings.filter((finding) => finding.ruleId === 'missing-section'))).text;
        assert.equal(problemCount(lintText({ text: inserted, template }).findings), 0, inserted);
      });

      it('has unique section ids and a scaffold that fills every section', () => {
        const ids = template.sections.map((entry) => entry.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const entry of template.sections) {
          const filled = parseSpec(`## ${entry.title}\n\n${entry.scaffold}\n`).sections[0];
          assert.ok(filled.hasContent, `${entry.id}: the scaffold must count as content`);
        }
      });

      for (const section of template.sections.filter((entry) => entry.presence === 'required')) {
        it(`flags the removal of required section '${section.id}'`, () => {
          const { text: without, removed } = removeSection(text, name, section.id);
          const findings = sectionFindings(without, name).filter((finding) => finding.ruleId === 'missing-section');
          const reported = findings.map((finding) => finding.data?.section as string);
          assert.deepEqual(reported.sort(), removed.sort(), 'exactly the removed section and its nested template sections');
          assert.equal(findings.find((finding) => finding.data?.section === section.id)?.severity, 'warning');
        });
      }
    });
  }
});
