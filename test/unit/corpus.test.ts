import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintText } from '../../src/api.js';
import { main } from '../../src/cli/main.js';
import { BlockParseCache } from '../../src/core/block-parse.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { CORPUS_DIR, corpusFiles, fakeIo } from './helpers.js';

interface JsonOutput {
  files: { path: string; findings: { ruleId: string; data: { section?: string } }[] }[];
}

describe('real corpus: 639 Rust RFCs', function () {
  this.timeout(600_000);

  it('checks every RFC with the rfc template without internal errors', async function () {
    const files = corpusFiles();
    if (files.length === 0) this.skip();
    const io = fakeIo(CORPUS_DIR);
    const code = await main(['check', '--template', 'rfc', '--format', 'json', '*.md'], io.io);
    assert.equal(code, 0, io.stderr());
    const output = JSON.parse(io.stdout()) as JsonOutput;
    assert.equal(output.files.length, files.length);
    const internal = output.files.flatMap((file) => file.findings.filter((finding) => finding.ruleId === 'internal-error').map(() => file.path));
    assert.deepEqual(internal, []);
    // Most RFCs follow the template: the core sections are rarely missing.
    const missing = (section: string) =>
      output.files.filter((file) => file.findings.some((finding) => finding.ruleId === 'missing-section' && finding.data.section === section)).length;
    assert.ok(missing('summary') < files.length * 0.02, `summary missing in ${missing('summary')}`);
    assert.ok(missing('motivation') < files.length * 0.02, `motivation missing in ${missing('motivation')}`);
  });

  it('parses every RFC block by block into the whole-document tree; lazy and incremental checks find exactly what a full check finds', function () {
    const files = corpusFiles();
    if (files.length === 0) this.skip();
    const template = builtInTemplates.get('rfc')!;
    let seed = 17;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let unparsed = 0;
    let total = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const full = lintText({ text, template, fullParse: true });
      assert.deepEqual(full.doc.tree, parseMarkdown(text), file);
      const cache = new BlockParseCache();
      const lazy = lintText({ text, template, cache });
      assert.deepEqual(lazy.findings, full.findings, file);
      unparsed += lazy.doc.unparsed.reduce((sum, region) => sum + region.end - region.start, 0);
      total += text.length;
      // One random single-character edit, re-checked with the cache.
      const at = Math.floor(random() * text.length);
      const edited = text.slice(0, at) + '`x#\n*['[Math.floor(random() * 6)] + text.slice(at);
      assert.deepEqual(lintText({ text: edited, template, cache }).findings, lintText({ text: edited, template, fullParse: true }).findings, `${file} after an edit at ${at}`);
    }
    // Most of an RFC is prose and code no rule reads.
    assert.ok(unparsed > total * 0.5, `${((unparsed / total) * 100).toFixed(0)}% left unparsed`);
  });
});
