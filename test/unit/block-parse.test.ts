import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText } from '../../src/api.js';
import { BlockParseCache } from '../../src/core/block-parse.js';
import { splitBlocks } from '../../src/core/blocks.js';
import { hasSignal } from '../../src/core/lazy.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { parseSpec } from '../../src/core/parse.js';
import { builtInTemplates } from '../../src/templates/index.js';

const techSpec = builtInTemplates.get('tech-spec')!;

function blocksOf(text: string): string[] {
  const starts = splitBlocks(text);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

function assertSameTree(text: string): void {
  assert.deepEqual(parseSpec(text).tree, parseMarkdown(text), JSON.stringify(text));
}

function assertLazyMatchesFull(text: string, template = techSpec): void {
  const lazy = lintText({ text, template });
  const full = lintText({ text, template, fullParse: true });
  assert.deepEqual(lazy.findings, full.findings, JSON.stringify(text));
  assert.deepEqual(
    lazy.doc.sections.map((section) => [section.title, section.level, section.range, section.hasContent]),
    full.doc.sections.map((section) => [section.title, section.level, section.range, section.hasContent]),
  );
}

describe('block parsing', () => {
  describe('splitBlocks', () => {
    it('starts a block at each column-0 line after a blank line', () => {
      assert.deepEqual(blocksOf('# A\n\nText.\nMore.\n\n## B\n\nEnd'), ['# A\n\n', 'Text.\nMore.\n\n', '## B\n\n', 'End']);
    });

    it('keeps list items, quotes, rules and indented lines with what they continue', () => {
      assert.deepEqual(blocksOf('- a\n\n- b\n\n  more\n\n1. c\n\n> q\n\n---\n\n    code\n'), ['- a\n\n- b\n\n  more\n\n1. c\n\n> q\n\n---\n\n    code\n']);
    });

    it('never splits inside a fence, a multi-line HTML block or front matter', () => {
      const fence = '```\n# a\n\nb\n```\n\nafter';
      assert.deepEqual(blocksOf(fence), ['```\n# a\n\nb\n```\n\n', 'after']);
      const comment = 'x\n\n<!--\n\n# not a heading\n\n-->\n\ny';
      assert.deepEqual(blocksOf(comment), ['x\n\n', '<!--\n\n# not a heading\n\n-->\n\n', 'y']);
      const frontMatter = '---\ntitle: a\n\nowner: b\n---\n\n# T';
      assert.deepEqual(blocksOf(frontMatter), ['---\ntitle: a\n\nowner: b\n---\n\n', '# T']);
      assert.deepEqual(blocksOf('a\r\n\r\n~~~\r\n\r\nb\r\n~~~\r\n\r\nc'), ['a\r\n\r\n', '~~~\r\n\r\nb\r\n~~~\r\n\r\n', 'c']);
    });
  });

  describe('the merged tree equals the whole-document parse', () => {
    const cases: Record<string, string> = {
      'a reference defined in a later block': '# T\n\nSee [the spec][spec] and [Spec].\n\n## Links\n\n[spec]: https://example.com "Spec"\n',
      'a footnote defined in a later block': 'Claim[^1].\n\nMore[^note].\n\n[^1]: Source.\n\n[^note]: Multi\n    line.\n',
      'an escaped label': 'See [x86\\_64][t].\n\n[t]: #t\n\n[x86\\_64]: #x\n',
      'a definition before front matter text': '---\ntitle: a\n---\n\nUses [late].\n\n[late]: /late\n',
      'a fence opened in a list item that a column-0 line closes': '- a\n  ```\n  code\n\nfoo\n  ```\n\nbar\n\n# heading\n',
      'an unclosed fence': 'a\n\n```rust\nfn main() {}\n\n# not a heading\n\nmore\n',
      'an HTML comment across blank lines': 'a\n\n<!--\n\n# hidden\n\n-->\n\nb\n',
      'an HTML block that ends at a blank line': '<div>\n# inside\n</div>\n\n# outside\n',
      'setext headings and rules': 'Title\n=====\n\ntext\n\nSub\n---\n\n***\n\nend\n',
      'a table': '| a | b |\n| - | - |\n| 1 | 2 |\n\nafter\n',
      'CRLF line ends': '# A\r\n\r\ntext [r]\r\n\r\n[r]: #r\r\n',
      'a byte order mark': '\uFEFF# A\n\ntext\n\n## B\n',
      'no final line break': '# A\n\nlast line',
      'an empty document': '',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(name, () => assertSameTree(text));
    }
  });

  describe('lazy parsing', () => {
    it('leaves prose no rule reads unparsed, keeping its headings and whether it has content', () => {
      const text = '# Spec\n\n## Background\n\nHistory of the system.\n\n### Empty\n\n## Design\n\nThe cache keeps entries.\n';
      const { doc } = lintText({ text, template: techSpec });
      assert.ok(doc.unparsed.length > 0);
      assert.deepEqual(
        doc.sections.map((section) => [section.title, section.hasOwnContent]),
        [['Spec', false], ['Background', true], ['Empty', false], ['Design', true]],
      );
      assertLazyMatchesFull(text);
    });

    it('parses every block of a section a rule reads', () => {
      const text = '# Spec\n\n## Risks\n\nThe vendor is late.\n\n## Notes\n\nPlain prose.\n';
      const { doc } = lintText({ text, template: techSpec });
      const risks = doc.sections.find((section) => section.title === 'Risks')!;
      assert.ok(doc.unparsed.every((region) => region.end <= risks.range.start || region.start >= risks.range.end));
      assert.ok(doc.unparsed.some((region) => region.start > risks.range.end));
    });

    it('parses text a rule could read: "shall", ids, placeholders, markup', () => {
      for (const text of ['It shall work.', 'It sh*all* work.', 'See REQ-4.', 'TODO later', 'T**B**D', '<owner>', 'a &amp; b', '| a |\n|---|', '[x]: #x', '![i](x)', 'Title\n---', '  # h', ' ```', 'x \\* y']) {
        assert.equal(hasSignal(text), true, text);
      }
    });

    it('reading only ids (tasks, plans, designs), parses only blocks with ids or markup that hides headings', () => {
      for (const text of ['See REQ-4.', 'See F**R-0**01.', 'a &amp; b', 'Title\n---', '  # h', '<div>']) assert.equal(hasSignal(text, 'ids'), true, text);
      for (const text of ['It shall work.', 'TODO later', 'Ask the <owner>.', '| a | b |\n|---|---|\n| 1 | 2 |']) assert.equal(hasSignal(text, 'ids'), false, text);
      const text = '# Plan\n\n## Summary\n\nIt shall work. TODO.\n\n| Step | Owner |\n| --- | --- |\n| Build | Ana |\n\n## Mapping\n\n| Phase | Covers |\n| --- | --- |\n| 1 | FR-001 |\n';
      const summary = text.indexOf('It shall');
      const owners = text.indexOf('| Build');
      const leftUnparsed = (signals: 'rules' | 'ids', offset: number) => parseSpec(text, 'plan.md', { inspected: () => [], signals }).unparsed.some((region) => region.start <= offset && offset < region.end);
      assert.deepEqual([leftUnparsed('rules', summary), leftUnparsed('rules', owners)], [false, false]);
      assert.deepEqual([leftUnparsed('ids', summary), leftUnparsed('ids', owners)], [true, true], 'the summary and its table stay unparsed');
      const mapping = parseSpec(text, 'plan.md', { inspected: () => [], signals: 'ids' }).tables.find((table) => table.rows.some((row) => row.cells.some((cell) => cell.text === 'FR-001')));
      assert.ok(mapping, 'the table with an id is parsed');
    });

    it('ignores what only code holds, and ordinary punctuation', () => {
      for (const text of ['Call `shall_use` here.', '```\nlet x: Vec<T> = shall();\n```', 'a < b and c | d, R&D', 'See [the book](https://x.y).', 'It must work: outside requirements, "must" describes.']) {
        assert.equal(hasSignal(text), false, text);
      }
    });
  });

  describe('editing with a cache', () => {
    it('reuses the parse of every block before an edit', () => {
      const cache = new BlockParseCache();
      const text = '# Spec\n\nThe system shall log in.\n\n## Details\n\nREQ-1: It shall respond.\n';
      const first = lintText({ text, template: techSpec, cache });
      const second = lintText({ text: text.replace('respond', 'reply'), template: techSpec, cache });
      assert.equal(second.doc.tree.children[1], first.doc.tree.children[1]);
      assert.notEqual(second.doc.tree.children.at(-1), first.doc.tree.children.at(-1));
      assert.deepEqual(second.doc.tree, parseMarkdown(text.replace('respond', 'reply')));
    });

    it('holds only the current and the previous version', () => {
      const cache = new BlockParseCache();
      let text = Array.from({ length: 20 }, (_, i) => `## Part ${i}\n\nThe part ${i} must hold.\n`).join('\n');
      lintText({ text, cache });
      const settled = cache.size;
      for (let i = 0; i < 30; i++) {
        text = text.replace(`part ${i % 20} must`, `part ${i % 20}x must`);
        lintText({ text, cache });
      }
      assert.ok(cache.size <= settled * 2, `${cache.size} entries`);
    });
  });

  describe('property tests', () => {
    const fragments = [
      '', '', '# Title', '## Risks', '## Notes', 'Setext', '---', '===', '***', '- item', '  - nested', '1. first', '  continued', '    indented',
      '> quote', '```', '  ```', '~~~', 'code must', '<!--', '-->', '<div>', '</div>', '<pre>', '</pre>', '[ref]', '[ref]: http://x', '[^1]',
      '[^1]: note', 'Text [ref] here', 'It must work.', 'REQ-1 shall hold', 'TBD', '`must`', '``a ` b``', '| a | b |', '| - | - |',
      '&amp;', 'x\\_y', '[x\\_y]', '[x\\_y]: #', 'www.example.com', 'plain prose', 'Some *emphasis* here',
    ];
    const documents = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join('\n'));

    it('block by block, the tree equals the whole-document parse', () => {
      fc.assert(fc.property(documents, assertSameTree), { numRuns: 300, seed: 11 });
    });

    it('lazily, the findings and sections equal those of a full parse', () => {
      fc.assert(fc.property(documents, (text) => assertLazyMatchesFull(text)), { numRuns: 300, seed: 12 });
    });

    it('after each of a series of edits, the cached check equals a check from scratch', () => {
      const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'x', '`', '#', '\n', '[', '-', ' ')), { minLength: 1, maxLength: 8 });
      fc.assert(
        fc.property(documents, edits, (start, steps) => {
          const cache = new BlockParseCache();
          let text = start;
          lintText({ text, template: techSpec, cache });
          for (const [position, insert] of steps) {
            const at = text.length === 0 ? 0 : position % text.length;
            text = insert ? text.slice(0, at) + insert + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
            const cached = lintText({ text, template: techSpec, cache });
            assert.deepEqual(cached.findings, lintText({ text, template: techSpec, fullParse: true }).findings, JSON.stringify(text));
          }
        }),
        { numRuns: 150, seed: 13 },
      );
    });
  });
});
