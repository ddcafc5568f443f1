import assert from 'node:assert/strict';
import type { Code } from 'mdast';
import { applyFixes, lintText } from '../../src/api.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { builtInRules } from '../../src/rules/index.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { exampleMeta, ruleDocsPage } from './rule-doc-pages.js';

interface DocExample {
  kind: 'flagged' | 'ok';
  text: string;
  template?: string;
  lines?: number[];
}

/** Code blocks with info `markdown flagged|ok [lines=1,2] [template=NAME]` are executable examples. */
function readExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code') {
      const code = node as Code;
      const meta = exampleMeta(code);
      // Blocks with `file=` are the files of a cross-file example (test/unit/trace-rule-docs.test.ts).
      if (code.lang === 'markdown' && meta.verdict && meta.option('file') === undefined) {
        examples.push({ kind: meta.verdict, text: `${code.value}\n`, template: meta.option('template'), lines: meta.lines });
      }
    }
    for (const child of (node.children ?? []) as { type: string }[]) visit(child);
  };
  visit(parseMarkdown(markdown));
  return examples;
}

/** Every non-whitespace character of `before` appears in `after`, in order. */
function keepsAllText(before: string, after: string): boolean {
  const rest = after.replace(/\s+/g, '');
  let position = 0;
  for (const char of before.replace(/\s+/g, '')) {
    position = rest.indexOf(char, position);
    if (position < 0) return false;
    position++;
  }
  return true;
}

describe('rule documentation examples', () => {
  for (const rule of builtInRules) {
    describe(rule.id, () => {
      const page = ruleDocsPage(rule);
      if (page === undefined) return;
      const examples = readExamples(page);

      it('documents at least one flagged and one clean example', () => {
        assert.ok(examples.some((example) => example.kind === 'flagged'));
        assert.ok(examples.some((example) => example.kind === 'ok'));
      });

      examples.forEach((example, index) => {
        const template = builtInTemplates.get(example.template ?? 'tech-spec');
        const run = (text: string) => lintText({ text, template }).findings.filter((finding) => finding.ruleId === rule.id);

        it(`example ${index + 1} (${example.kind}) behaves as documented`, () => {
          assert.ok(template, `unknown template ${example.template}`);
          const findings = run(example.text);
          if (example.kind === 'ok') {
            assert.deepEqual(findings.map((finding) => `${finding.start.line}: ${finding.message}`), []);
            return;
          }
          assert.ok(findings.length > 0, 'expected findings');
          if (example.lines) assert.deepEqual([...new Set(findings.map((finding) => finding.start.line))], example.lines);
        });

        if (example.kind === 'flagged') {
          it(`example ${index + 1}: fixes remove the findings, keep every word and are idempotent`, () => {
            const findings = run(example.text);
            const fixes = findings.flatMap((finding) => finding.fixes);
            if (fixes.length === 0) return;
            const fixed = applyFixes(example.text, fixes);
            assert.deepEqual(fixed.skipped, []);
            assert.ok(keepsAllText(example.text, fixed.text), 'a fix lost text');
            const after = run(fixed.text);
            assert.deepEqual(after.map((finding) => finding.message), []);
            const again = applyFixes(fixed.text, after.flatMap((finding) => finding.fixes));
            assert.equal(again.text, fixed.text);
          });
        }
      });
    });
  }
});
