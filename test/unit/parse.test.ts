import assert from 'node:assert/strict';
import { parseSpec } from '../../src/core/parse.js';

function titles(text: string) {
  return parseSpec(text).sections.map((section) => `${section.level}:${section.title}`);
}

describe('parseSpec', () => {
  it('builds a section tree with ranges from ATX and setext headings', () => {
    const text = '# Title\n\nIntro\n\nSetext\n------\n\nBody\n\n### Deep\n\nMore\n\n## Next\n';
    const doc = parseSpec(text);
    assert.deepEqual(titles(text), ['1:Title', '2:Setext', '3:Deep', '2:Next']);
    const [title, setext, deep, next] = doc.sections;
    assert.equal(setext.parent, title);
    assert.equal(deep.parent, setext);
    assert.equal(next.parent, title);
    assert.deepEqual(title.children, [setext, next]);
    assert.equal(text.slice(setext.range.start, setext.range.end), 'Setext\n------\n\nBody\n\n### Deep\n\nMore\n\n');
    assert.equal(text.slice(setext.bodyRange.start, setext.bodyRange.end), '\n\nBody\n\n');
    assert.equal(next.range.end, text.length);
    assert.deepEqual(doc.rootSections, [title]);
  });

  it('ignores headings inside code fences, HTML blocks, lists and quotes', () => {
    const text = [
      '# Real',
      '',
      '```md',
      '# Not a heading',
      '```',
      '',
      '~~~~',
      '## Nor this',
      '~~~~',
      '',
      '<div>',
      '# Inside HTML',
      '</div>',
      '',
      '> # Quoted',
      '',
      '- # In a list',
      '',
      '## Also real',
      '',
    ].join('\n');
    assert.deepEqual(titles(text), ['1:Real', '2:Also real']);
  });

  it('normalizes titles: case, punctuation, numbering, &, (Optional)', () => {
    const doc = parseSpec('## 3. Risks & Mitigations\n\n## A. Test Plan (Optional)\n\n## 2.1 **Open** questions?\n');
    assert.deepEqual(
      doc.sections.map((section) => section.normalizedTitle),
      ['risks and mitigations', 'test plan', 'open questions'],
    );
  });

  it('treats comments, link definitions, blank lines and placeholders as no content', () => {
    const text = [
      '## Empty',
      '',
      '<!-- Describe the risks here. -->',
      '',
      '[empty]: #empty',
      '',
      'TBD',
      '',
      '- TODO',
      '- [NEEDS CLARIFICATION: which teams?]',
      '',
      '| Risk | Owner |',
      '| --- | --- |',
      '',
      '## Filled',
      '',
      'Real words.',
      '',
      '## Parent',
      '',
      '### Child',
      '',
      '- An item.',
      '',
    ].join('\n');
    const [empty, filled, parent, child] = parseSpec(text).sections;
    assert.equal(empty.hasContent, false);
    assert.equal(filled.hasContent, true);
    assert.equal(parent.hasOwnContent, false);
    assert.equal(parent.hasContent, true, 'a child with content fills its parent');
    assert.equal(child.hasContent, true);
  });

  it('reads YAML front matter and reports invalid YAML without throwing', () => {
    const good = parseSpec('---\ntitle: Export\ntemplate: prd\n---\n# Export\n');
    assert.deepEqual(good.frontMatter?.data, { title: 'Export', template: 'prd' });
    assert.deepEqual(good.sections.map((section) => section.title), ['Export']);
    const bad = parseSpec('---\ntitle: [unclosed\n---\n# X\n');
    assert.match(bad.frontMatter?.error ?? '', /not valid YAML/);
    assert.equal(parseSpec('# No front matter\n').frontMatter, undefined);
  });

  it('collects nested lists with depth and task state', () => {
    const doc = parseSpec('## Deps\n\n- Billing API\n  - [x] owner agreed\n  - [ ] date\n- Auth\n\n1. one\n');
    assert.deepEqual(
      doc.lists.map((list) => [list.depth, list.ordered, list.items.length, list.section?.title]),
      [
        [0, false, 2, 'Deps'],
        [1, false, 2, 'Deps'],
        [0, true, 1, 'Deps'],
      ],
    );
    assert.deepEqual(doc.lists[1].items.map((item) => item.checked), [true, false]);
    assert.equal(doc.lists[0].items[0].text, 'Billing API\nowner agreed\ndate');
  });

  it('collects GFM tables with header cells and row cells, empty cells included', () => {
    const text = '## Risks\n\n| Risk | Owner |\n| --- | --- |\n| Outage | Ana |\n| Churn |  |\n';
    const doc = parseSpec(text);
    const [table] = doc.tables;
    assert.deepEqual(table.header.map((cell) => cell.text), ['Risk', 'Owner']);
    assert.deepEqual(table.rows.map((row) => row.cells.map((cell) => cell.text)), [['Outage', 'Ana'], ['Churn', '']]);
    const slice = (range: { start: number; end: number }) => text.slice(range.start, range.end);
    assert.equal(slice(table.rows[0].cells[0].contentRange), 'Outage');
    assert.equal(slice(table.rows[0].cells[1].contentRange), 'Ana');
    const empty = table.rows[1].cells[1].contentRange;
    assert.equal(empty.start, empty.end);
    assert.equal(text.slice(empty.start - 2, empty.start), '| ');
    assert.equal(table.section?.title, 'Risks');
  });

  it('keeps offsets exact with CRLF and a BOM', () => {
    const text = '\uFEFF# Title\r\n\r\n## Risks\r\n\r\nText\r\n';
    const doc = parseSpec(text);
    const risks = doc.sections[1];
    assert.equal(text.slice(risks.headingRange.start, risks.headingRange.end), '## Risks');
    assert.deepEqual(doc.lines.position(risks.headingRange.start), { line: 3, column: 1 });
    assert.equal(doc.lines.eol, '\r\n');
  });

  it('counts columns in UTF-16 code units, as VS Code does', () => {
    const text = '# 😀 Emoji\n\n<!-- TODO -->\n\n| 😀 | x |\n| --- | --- |\n| a | b |\n';
    const doc = parseSpec(text);
    const secondHeader = doc.tables[0].header[1];
    const position = doc.lines.position(secondHeader.range.start);
    assert.equal(position.line, 5);
    assert.equal(position.column, text.split('\n')[4].indexOf('| x') + 1);
    assert.equal(doc.comments[0].body, 'TODO');
    assert.deepEqual(doc.lines.position(doc.comments[0].range.start), { line: 3, column: 1 });
  });

  it('never throws on malformed Markdown', () => {
    for (const text of ['', '\u0000\u0001', '```\nunclosed fence\n# x', '<!-- unclosed', '|a|\n|-|\n|b|c|d|', '#'.repeat(10), '---\n---\n', '\r\r\r']) {
      const doc = parseSpec(text);
      assert.equal(doc.text, text);
    }
  });
});
