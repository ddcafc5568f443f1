import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseSpec } from '../../src/core/parse.js';
import { defineRule, type AnyRule } from '../../src/core/rule.js';
import { checkSpec, INTERNAL_RULE_ID } from '../../src/core/runner.js';
import { techSpecTemplate } from '../../src/templates/tech-spec.js';

/** Reports every `FLAG` (upper case, so rule ids in comments never match). */
const flagRule = defineRule({
  id: 'flag-word',
  description: 'test rule',
  docs: 'https://example.test/flag-word',
  defaultSeverity: 'warning',
  check(context) {
    const { text } = context.doc;
    for (let at = text.indexOf('FLAG'); at >= 0; at = text.indexOf('FLAG', at + 1)) {
      context.report({ message: 'FLAG found', range: { start: at, end: at + 4 } });
    }
  },
});

const throwingRule = defineRule({
  id: 'throws',
  description: 'test rule',
  docs: 'https://example.test/throws',
  defaultSeverity: 'error',
  check() {
    throw new Error('boom');
  },
});

const badRangeRule = defineRule({
  id: 'bad-range',
  description: 'test rule',
  docs: 'https://example.test/bad-range',
  defaultSeverity: 'error',
  check(context) {
    context.report({ message: 'out of bounds', range: { start: 5, end: 10_000 } });
    context.report({ message: 'reversed', range: { start: 3, end: 1 } });
    context.report({
      message: 'bad fix',
      range: { start: 0, end: 1 },
      fixes: [{ title: 'x', edits: [{ offset: -1, length: 0, newText: 'x' }] }],
    });
  },
});

function run(text: string, rules: AnyRule[], settings = {}) {
  return checkSpec(parseSpec(text), { template: techSpecTemplate, rules, settings });
}

describe('checkSpec runner', () => {
  it('stamps rule id, severity, docs URL and 1-based positions, sorted by position', () => {
    const findings = run('x FLAG\n\nFLAG y\n', [flagRule]);
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity, finding.start.line, finding.start.column, finding.end.column]),
      [
        ['flag-word', 'warning', 1, 3, 7],
        ['flag-word', 'warning', 3, 1, 5],
      ],
    );
    assert.ok(findings.every((finding) => finding.docsUrl.endsWith('/flag-word.md')));
  });

  it('applies configured severity and turns rules off', () => {
    assert.equal(run('FLAG', [flagRule], { 'flag-word': { severity: 'error' } })[0].severity, 'error');
    assert.deepEqual(run('FLAG', [flagRule], { 'flag-word': { severity: 'off' } }), []);
  });

  it("keeps other rules' findings when a rule throws, and reports the failure", () => {
    const findings = run('FLAG', [throwingRule, flagRule]);
    assert.deepEqual(findings.map((finding) => finding.ruleId).sort(), ['flag-word', INTERNAL_RULE_ID]);
    const internal = findings.find((finding) => finding.ruleId === INTERNAL_RULE_ID)!;
    assert.match(internal.message, /Rule 'throws' failed: boom/);
    assert.equal(internal.severity, 'error');
  });

  it('rejects invalid ranges and fixes as internal findings', () => {
    const findings = run('# Title\n\nFLAG\n', [badRangeRule]);
    const messages = findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    assert.equal(messages.filter((message) => message.includes('invalid range')).length, 2);
    assert.ok(messages.some((message) => message.includes('offered a fix with an invalid edit')));
    const kept = findings.find((finding) => finding.message === 'bad fix')!;
    assert.deepEqual(kept.fixes, [], 'the invalid fix is dropped, the finding kept');
  });

  it('validates rule options with the rule schema', () => {
    const optionRule = defineRule<{ limit: number }>({
      id: 'with-options',
      description: 'test rule',
      docs: 'https://example.test/with-options',
      defaultSeverity: 'warning',
      options: z.object({ limit: z.number().default(3) }),
      check(context) {
        context.report({ message: `limit ${context.options.limit}`, range: { start: 0, end: 0 } });
      },
    });
    assert.equal(run('x', [optionRule])[0].message, 'limit 3');
    assert.equal(run('x', [optionRule], { 'with-options': { severity: 'warning', options: { limit: 7 } } })[0].message, 'limit 7');
    const invalid = run('x', [optionRule], { 'with-options': { severity: 'warning', options: { limit: 'many' } } });
    assert.equal(invalid[0].ruleId, INTERNAL_RULE_ID);
    assert.match(invalid[0].message, /Options of rule 'with-options' are invalid/);
  });

  describe('suppression comments', () => {
    const lines = (text: string) => run(text, [flagRule]).map((finding) => finding.start.line);

    it('disables and re-enables ranges of lines', () => {
      const text = 'FLAG\n<!-- specwise-disable flag-word -->\nFLAG\n<!-- specwise-enable flag-word -->\nFLAG\n';
      assert.deepEqual(lines(text), [1, 5]);
    });

    it('disables every rule when no rule is named', () => {
      assert.deepEqual(lines('FLAG\n<!-- specwise-disable -->\nFLAG\n'), [1]);
      assert.deepEqual(lines('<!-- specwise-disable -->\nFLAG\n<!-- specwise-enable flag-word -->\nFLAG\n'), [4]);
    });

    it('disables the next line only', () => {
      assert.deepEqual(lines('<!-- specwise-disable-next-line flag-word -->\nFLAG\nFLAG\n'), [3]);
    });

    it('disables a rule for the whole file from anywhere, other rules unaffected', () => {
      assert.deepEqual(lines('FLAG\nFLAG\n<!-- specwise-disable-file flag-word -->\n'), []);
      assert.deepEqual(lines('FLAG\n<!-- specwise-disable-file other-rule -- not relevant here -->\n'), [1]);
    });

    it('accepts comma-separated rules and a reason after --', () => {
      assert.deepEqual(lines('<!-- specwise-disable-next-line other, flag-word -- agreed with Ana -->\nFLAG\n'), []);
    });

    it('ignores directives inside code fences', () => {
      assert.deepEqual(lines('```\n<!-- specwise-disable-file -->\n```\nFLAG\n'), [4]);
    });

    it('never suppresses internal errors', () => {
      const findings = run('<!-- specwise-disable-file -->\n', [throwingRule]);
      assert.equal(findings[0].ruleId, INTERNAL_RULE_ID);
    });
  });
});
