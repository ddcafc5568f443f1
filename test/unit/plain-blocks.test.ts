import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { BlockParseCache, BlockParser } from '../../src/core/block-parse.js';
import { parseFragment, parseMarkdown } from '../../src/core/markdown.js';
import { parsePlainBlock } from '../../src/core/plain-blocks.js';
import { availableCorpora } from '../precision/corpora.js';
import { canonicalTree } from './helpers.js';

/** Built without the parser, and equal to the parser's tree. */
function assertBuiltAsParsed(source: string): void {
  const built = parsePlainBlock(source, true);
  assert.ok(built, `not plain: ${JSON.stringify(source)}`);
  assert.deepEqual(canonicalTree(built), canonicalTree(parseFragment(source).children), JSON.stringify(source));
}

/** Either left to the parser or equal to its tree. */
function assertRefusedOrParsed(source: string, brackets = true): boolean {
  const built = parsePlainBlock(source, brackets);
  if (built) assert.deepEqual(canonicalTree(built), canonicalTree(parseFragment(source).children), JSON.stringify(source));
  return built !== undefined;
}

describe('plain blocks, built without the parser', () => {
  it('builds headings, paragraphs, code spans and emphasis as the parser does', () => {
    assertBuiltAsParsed('## Requirement 1: Export  \n\n**User Story:** As a *TPM*, I want `export --all`, so that __reports__ are `` `quoted` ``.\n');
    assertBuiltAsParsed('Text with snake_case, 2*3*4, ** spaced **, ***both***, **nested *inner* end**.\nSecond line *ends*\n*starts* here\n');
    assertBuiltAsParsed('中文**强调**：需求，`代码`和_下划线_。\n');
  });

  it('builds lists: nested, loose and tight, ordered with their start, task items', () => {
    assertBuiltAsParsed('- [ ] 1. Set up\n  - Create `src/`\n  - _Requirements: 1.1, 1.2_\n\n- [x] 2. Build\n  lazy text\ncontinued lazily\n\n  Second paragraph\n');
    assertBuiltAsParsed('3. Third\n4. Fourth\n   1) nested\n   2) more\n\n5. Fifth\n');
    assertBuiltAsParsed('- [ ] `code first`\n- [x] **bold first**\n- [ ] plain [P] [US1] tags\n- [ ]  two spaces\n- [ ]* 1.2 optional (not a task)\n');
    assertBuiltAsParsed('- a\n  - b\n\n  c\n- d\n\n* other list\n+ third list\n');
  });

  it('builds fences, rules and blank lines with spaces', () => {
    assertBuiltAsParsed('```ts title="x"\nconst a = 1;\t// tab\n\n  indented  \n```\n   \n---\n\n***\n~~~\n~~~\n');
  });

  it('places built blocks where the parser would in a whole document, after a BOM and front matter too', () => {
    for (const text of ['\uFEFF# Title\n\n- a **b**\n- c\n\nText `x`.\n', '---\ntitle: T\n---\n\n# Title\n\n1. one\n2. two\n']) {
      const body = text.replace(/^\uFEFF/, '');
      const built = new BlockParser(body, undefined, false, text.length - body.length).result().children;
      assert.deepEqual(canonicalTree(built), canonicalTree(parseMarkdown(text).children), JSON.stringify(text));
    }
  });

  it('leaves the rest to the parser', () => {
    const refused = [
      '| a | b |\n| - | - |\n| 1 | 2 |\n', // table
      'Title\n=====\n', // setext heading
      'Text\n---\n', // setext heading
      '> quote\n', // quote
      'A [link](https://example.com).\n', // link
      'Hard  \nbreak\n', // hard break
      'Escaped \\*star\\*\n', // escape
      'HTML <b>x</b>\n', // HTML
      'Para\n2. not a list\n', // ordered list interrupting a paragraph
      '- a\n    ```\n    code\n    ```\n', // fence inside an item
      '```\nnever closed\n', // open fence
      '    indented code\n', // indented code
      '- \n', // empty item
      '~~struck~~\n', // strikethrough
      '  # indented heading\n',
      'Tab\tinside\n',
    ];
    for (const source of refused) assert.equal(parsePlainBlock(source, true), undefined, JSON.stringify(source));
    assert.equal(parsePlainBlock('See [P].\n', false), undefined, 'brackets when the document has definitions');
  });

  it('equals the parser (or leaves it the block) on corner cases: leading zeros, Unicode spaces, tabs after fences, NUL, a BOM, a checkbox split over lines', () => {
    const cases = [
      'Para\n01. item\n', '- a\n  01. b\n', '1. a\n   01. b\n', 'Para\n1. item\n',
      '- \u00a0foo\n', '- \u3000foo\n', '1. \u3000foo\n', '- [ ] \u00a0foo\n', '- [x] \u3000foo\n',
      '```ts\u00a0x\nx\n```\n', '```\u00a0ts\nx\n```\n', '```\na\n```\t\nb\n```\n', '~~~\na\n~~~ \t \nb\n~~~\n',
      '` \u00a0 `\n', 'x ` \u3000 ` y\n', '# \u3000Title\n', 'a\u0000b\n', '\uFEFFa\n',
      '- [\n] a\n', '- [\n  ] a\n', '1. [\n] a\n', '- [\n] *a*\n', '- [\n  *b*\n', '- [\n  `b`\n', '- a\n  - [\n    *b*\n', '- [ \n] a\n', '- [x\n] a\n',
    ];
    for (const source of cases) assertRefusedOrParsed(source);
    assertBuiltAsParsed('Para\n1. item\n');
  });

  it('equals the parser on generated blocks of list markers, indentation, emphasis and code', () => {
    const piece = fc.constantFrom('word', 'two words', '*', '**', '_', '__', '***', '`', '``', 'a_b', '[P]', ' ', ',', ':', '.', '(', ')', '需求', '：', 'x*y', '`code`', '**bold**', '_em_', '#', '1.');
    const prefix = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '      ', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '- [ ] ', '- [x] ', '  - ', '    - ', '   1. ', '## ', '# ', '```', '```ts ', '~~~', '---', '***', '> ', '\t');
    const line = fc.oneof(
      fc.tuple(prefix, fc.array(piece, { maxLength: 6 }), fc.constantFrom('', '', '', ' ', '  ')).map(([start, parts, end]) => start + parts.join('') + end),
      fc.constantFrom('```', '~~~', '   ', '  \t'),
    );
    const block = fc.array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join('\n')}\n`);
    let built = 0;
    fc.assert(
      fc.property(block, (source) => {
        if (assertRefusedOrParsed(source)) built++;
      }),
      { numRuns: 3000, seed: 13 },
    );
    assert.ok(built > 500, `built ${built} of 3000`);
  });

  it('leaves the tree of every corpus document as the whole-document parse gives it', function () {
    this.timeout(300_000);
    const corpora = availableCorpora();
    if (corpora.length === 0) this.skip();
    let files = 0;
    for (const corpus of corpora) {
      const markdown = readdirSync(corpus.dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort();
      // Every fifth document of each corpus keeps the run short; the sweep over all is in scripts.
      for (const name of markdown.filter((_, i) => i % 5 === 0)) {
        const text = readFileSync(path.join(corpus.dir, name), 'utf8');
        const body = text.replace(/^\uFEFF/, '');
        const offsetBase = text.length - body.length;
        const whole = canonicalTree(parseMarkdown(text).children);
        // In one batch, as a check parses; block by block with a cache, as the editor does.
        assert.deepEqual(canonicalTree(new BlockParser(body, undefined, false, offsetBase).result().children), whole, `${corpus.name}/${name}`);
        if (files % 2 === 0) assert.deepEqual(canonicalTree(new BlockParser(body, new BlockParseCache(), false, offsetBase).result().children), whole, `${corpus.name}/${name}, cached`);
        files++;
      }
    }
    assert.ok(files > 100, `${files} documents`);
  });
});
