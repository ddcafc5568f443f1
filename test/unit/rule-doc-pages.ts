// Shared by the documentation tests of the single-file and the cross-file rules.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Code } from 'mdast';
import { ruleDocsUrl } from '../../src/core/rule.js';
import { PROJECT_ROOT } from './helpers.js';

/** What a code block's info string says of an example: `flagged|ok`, `lines=1,2`, `template=NAME`, `file=PATH`. */
export interface ExampleMeta {
  verdict?: 'flagged' | 'ok';
  lines?: number[];
  option(name: string): string | undefined;
}

export function exampleMeta(code: Code): ExampleMeta {
  const words = (code.meta ?? '').split(/\s+/);
  const option = (name: string) => words.find((word) => word.startsWith(`${name}=`))?.slice(name.length + 1);
  return {
    verdict: words.find((word) => word === 'flagged' || word === 'ok') as ExampleMeta['verdict'],
    lines: option('lines')?.split(',').map(Number),
    option,
  };
}

/** Registers the test that the rule's page exists where its docs URL points; returns the page's Markdown. */
export function ruleDocsPage(rule: { id: string; docs: string }): string | undefined {
  const file = path.join(PROJECT_ROOT, 'docs/rules', `${rule.id}.md`);
  it('has a docs page that its docs URL points to', () => {
    assert.ok(existsSync(file), `missing ${file}`);
    assert.equal(rule.docs, ruleDocsUrl(rule.id));
  });
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
