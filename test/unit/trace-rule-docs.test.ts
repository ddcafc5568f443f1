import assert from 'node:assert/strict';
import type { Code, RootContent } from 'mdast';
import { parseMarkdown } from '../../src/core/markdown.js';
import { traceRules } from '../../src/trace/rules/index.js';
import { exampleMeta, ruleDocsPage } from './rule-doc-pages.js';
import { indexOf, ROOT } from './trace-helpers.js';

interface ExampleFile {
  path: string;
  text: string;
  /** What the example says of the rule's findings in this file. */
  verdict?: 'flagged' | 'ok';
  lines?: number[];
}

/**
 * A cross-file example is a run of code blocks with `file=PATH` and nothing between them;
 * a block marked `flagged [lines=…]` or `ok` says what the rule reports in that file.
 */
function readExamples(markdown: string): ExampleFile[][] {
  const examples: ExampleFile[][] = [];
  let current: ExampleFile[] | undefined;
  for (const node of parseMarkdown(markdown).children as RootContent[]) {
    const meta = node.type === 'code' ? exampleMeta(node as Code) : undefined;
    const file = meta?.option('file');
    if (!meta || !file) {
      current = undefined;
      continue;
    }
    if (!current) examples.push((current = []));
    current.push({ path: file, text: `${(node as Code).value}\n`, verdict: meta.verdict, lines: meta.lines });
  }
  return examples;
}

describe('cross-file rule documentation examples', () => {
  for (const rule of traceRules) {
    describe(rule.id, () => {
      const page = ruleDocsPage(rule);
      if (page === undefined) return;
      const examples = readExamples(page);

      it('documents at least one flagged and one clean file across files', () => {
        const verdicts = examples.flat().map((entry) => entry.verdict);
        assert.ok(verdicts.includes('flagged'));
        assert.ok(verdicts.includes('ok'));
      });

      examples.forEach((example, index) => {
        it(`cross-file example ${index + 1} behaves as documented`, async () => {
          assert.ok(example.some((entry) => entry.verdict), 'an example says what is flagged or clean');
          const { index: traced } = await indexOf(Object.fromEntries(example.map((entry) => [entry.path, entry.text])));
          const findings = traced.findings().filter((finding) => finding.ruleId === rule.id);
          for (const entry of example) {
            const here = findings.filter((finding) => finding.path === `${ROOT}/${entry.path}`);
            if (entry.verdict === 'ok') assert.deepEqual(here.map((finding) => `${finding.start.line}: ${finding.message}`), [], entry.path);
            if (entry.verdict === 'flagged') {
              assert.ok(here.length > 0, `expected findings in ${entry.path}`);
              if (entry.lines) assert.deepEqual([...new Set(here.map((finding) => finding.start.line))], entry.lines, entry.path);
            }
          }
        });
      });
    });
  }
});
