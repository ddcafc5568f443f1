import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { applyFixes, lintText } from '../../src/api.js';
import { fixText, problemCount, safeFixes } from '../../src/core/fix-all.js';
import { tameForParser } from '../../src/core/tame.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { SpecwiseProject } from '../../src/config.js';
import { nodeHost } from '../../src/cli/node-host.js';
import { toPosix } from '../../src/core/paths.js';
import type { Template } from '../../src/core/template.js';
import { availableCorpora } from '../precision/corpora.js';
import { corpusFiles } from './helpers.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

const rfc = builtInTemplates.get('rfc')!;
const techSpec = builtInTemplates.get('tech-spec')!;

/** Every non-whitespace character of `before` survives in `after`, in order. */
function keepsAllText(before: string, after: string): boolean {
  let at = 0;
  for (let i = 0; i < before.length; i++) {
    const char = before[i];
    if (char === ' ' || char === '\n' || char === '\t' || char === '\r') continue;
    at = after.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

function checkInvariants(text: string, template = techSpec): void {
  const first = lintText({ text, template });
  for (const finding of first.findings) {
    assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= text.length, `${finding.ruleId} range`);
    for (const fix of finding.fixes) for (const edit of fix.edits) assert.ok(edit.offset >= 0 && edit.offset + edit.length <= text.length);
    assert.notEqual(finding.ruleId, 'internal-error', finding.message);
  }
  const second = lintText({ text, template });
  assert.deepEqual(second.findings, first.findings, 'deterministic');
}

const FRAGMENTS = [
  '# Title', '## Requirements', '## Success Criteria', '## Risks', '## Dependencies', '### Sub', 'Setext\n---', '- item', '  - nested',
  '1. first', '- [ ] task', '> quote', '```\ncode\n```', '~~~\n# not a heading\n~~~', '| a | b |\n| --- | --- |\n| 1 |  |',
  '<!-- specwise-disable vague-term -->', '<!-- specwise-enable -->', '<!-- specwise-disable-next-line -->', '<!-- Describe it -->',
  '---\ntitle: x\n---', '**REQ-1**: The system shall be fast.', '- REQ-2 must work, if possible, etc.', 'SC-1 verifies REQ-9', 'TBD',
  '[NEEDS CLARIFICATION: x]', '<owner name>', '😀 emoji 😀', '\r\n', '\t', '\\*escaped\\*', '&amp; entity', '[link](http://x.y "t")',
  '[ref]: #ref', '<div>\n# html\n</div>', '***', '`code` span', '\uFEFF',
];

const markdown = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join('\n'));

describe('reliability', function () {
  this.timeout(300_000);

  describe('property tests on generated Markdown', () => {
    it('never throws; ranges lie in the document; output is deterministic', () => {
      fc.assert(fc.property(markdown, (text) => checkInvariants(text)), { numRuns: 400, seed: 1 });
    });

    it('a file-level suppression of every rule silences every finding', () => {
      fc.assert(
        fc.property(markdown, (text) => {
          const suppressed = `<!-- specwise-disable-file -->\n${text}`;
          assert.deepEqual(lintText({ text: suppressed }).findings.filter((finding) => finding.ruleId !== 'internal-error'), []);
        }),
        { numRuns: 200, seed: 2 },
      );
    });

    it('fixes keep every character, in order, alone and together, and converge', () => {
      fc.assert(
        fc.property(markdown, (text) => {
          const { findings } = lintText({ text });
          const fixes = findings.flatMap((finding) => finding.fixes);
          for (const fix of fixes) assert.ok(keepsAllText(text, applyFixes(text, [fix]).text), fix.title);
          assert.ok(keepsAllText(text, applyFixes(text, fixes).text));
          const fixed = fixText(text, (candidate) => lintText({ text: candidate }).findings);
          assert.deepEqual(applyFixes(fixed.text, safeFixes(fixed.findings)).text, fixed.text, 'no further change');
        }),
        { numRuns: 150, seed: 3 },
      );
    });
  });

  describe('fuzzing mutated corpus documents', () => {
    const files = corpusFiles().filter((_, index) => index % 16 === 0);
    it(`keeps the invariants on mutations of ${files.length} RFCs`, function () {
      if (files.length === 0) this.skip();
      const texts = files.map((file) => readFileSync(file, 'utf8'));
      const mutation = fc.record({
        file: fc.nat({ max: texts.length - 1 }),
        kind: fc.constantFrom('delete', 'duplicate', 'insert', 'truncate', 'crlf'),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.nat({ max: 400 }),
        fragment: fc.constantFrom(...FRAGMENTS),
      });
      fc.assert(
        fc.property(mutation, ({ file, kind, at, length, fragment }) => {
          const text = texts[file];
          const offset = Math.floor(at * text.length);
          const mutated =
            kind === 'delete' ? text.slice(0, offset) + text.slice(offset + length)
            : kind === 'duplicate' ? text.slice(0, offset + length) + text.slice(offset, offset + length) + text.slice(offset + length)
            : kind === 'insert' ? text.slice(0, offset) + fragment + text.slice(offset)
            : kind === 'truncate' ? text.slice(0, offset)
            : text.replace(/\n/g, '\r\n');
          checkInvariants(mutated, rfc);
        }),
        { numRuns: 120, seed: 4 },
      );
    });
  });

  describe('fix safety on every corpus file', () => {
    /** Every offered fix, alone and all together, keeps the text; alone it adds no warning or error; section fixes converge. Returns the number of fixes. */
    function checkFixes(file: string, text: string, template: Template): number {
      assert.equal(tameForParser(text), text, `${file}: real documents never reach the parser guards`);
      const findings = lintText({ text, template }).findings;
      const fixes = findings.flatMap((finding) => finding.fixes);
      const problems = problemCount(findings);
      for (const fix of fixes) {
        const fixed = applyFixes(text, [fix]).text;
        assert.ok(keepsAllText(text, fixed), `${file}: ${fix.title}`);
        const added = problemCount(lintText({ text: fixed, template }).findings) - problems;
        assert.ok(added <= 0, `${file}: '${fix.title}' adds ${added} warnings or errors`);
      }
      const all = applyFixes(text, fixes);
      assert.ok(keepsAllText(text, all.text), `${file}: all fixes`);
      const after = lintText({ text: all.text, template });
      assert.ok(after.findings.every((finding) => finding.ruleId !== 'internal-error'), file);
      const second = applyFixes(all.text, safeFixes(after.findings.filter((finding) => ['missing-section', 'empty-section'].includes(finding.ruleId))));
      assert.equal(second.text, all.text, `${file}: idempotent section fixes`);
      return fixes.length;
    }

    it('on the RFCs', function () {
      const files = corpusFiles();
      if (files.length === 0) this.skip();
      let fixesChecked = 0;
      for (const file of files) fixesChecked += checkFixes(file, readFileSync(file, 'utf8'), rfc);
      assert.ok(fixesChecked > 150, `checked ${fixesChecked} fixes`);
    });

    it('on the spec files of the spec-kit, Kiro and OpenSpec corpora, with the templates their folders give', async function () {
      this.timeout(300_000);
      const corpora = availableCorpora().filter((corpus) => corpus.name !== 'rust-rfcs');
      if (corpora.length === 0) this.skip();
      let fixesChecked = 0;
      for (const corpus of corpora) {
        const project = new SpecwiseProject(nodeHost, { root: toPosix(corpus.dir) });
        for (const file of markdownFiles(corpus.dir)) {
          const text = readFileSync(file, 'utf8');
          const settings = await project.settingsFor(toPosix(file), text);
          if (settings.isSpec) fixesChecked += checkFixes(file, text, settings.template);
        }
      }
      assert.ok(fixesChecked > 150, `checked ${fixesChecked} fixes`);
    });
  });

  describe('bounded work on pathological input (time per MB against a normal spec)', () => {
    const normal = corpusFiles().find((file) => file.endsWith('2094-nll.md'));
    // Both parsed whole: the baseline is the parser's normal pace, not the lazy check's. The best
    // of three runs, so a collection pause in one run is not taken for unbounded work.
    const perMb = (text: string) => {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        const { findings } = lintText({ text, fullParse: true });
        assert.ok(findings.every((finding) => finding.ruleId !== 'internal-error'));
        best = Math.min(best, performance.now() - started);
      }
      return best / Math.max(text.length / 1e6, 0.01);
    };
    let baseline = 0;
    before(function () {
      if (!normal) this.skip();
      baseline = perMb(readFileSync(normal!, 'utf8'));
    });

    const cases: [string, () => string][] = [
      ['10,000 nested list markers', () => '- '.repeat(10_000) + 'item\n'],
      ['10,000 nested quotes', () => '> '.repeat(10_000) + 'deep\n'],
      ['10,000 nested ordered lists', () => '1. '.repeat(10_000) + 'x\n'],
      ['one 5 MB line', () => `## Requirements\n\n- The system shall ${'record the word '.repeat(330_000)}\n`],
      ['100,000 opening brackets', () => '['.repeat(100_000) + ']'.repeat(100_000)],
      ['interleaved emphasis delimiters', () => '*a_'.repeat(40_000)],
      ['200,000 unclosed comments', () => '<!--'.repeat(200_000)],
      ['a 100,000-column table', () => `${'|a'.repeat(50_000)}\n${'|-'.repeat(50_000)}\n`],
    ];
    for (const [name, make] of cases) {
      it(`${name}: under 5x the normal time per MB`, () => {
        const ratio = perMb(make()) / baseline;
        assert.ok(ratio < 5, `ratio ${ratio.toFixed(2)}`);
      });
    }
  });
});
