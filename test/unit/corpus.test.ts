import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { CORPUS_DIR, corpusFiles, fakeIo } from './helpers.js';

interface JsonOutput {
  files: { path: string; findings: { ruleId: string; data: { section?: string } }[] }[];
}

describe('real corpus: 639 Rust RFCs', function () {
  this.timeout(180_000);

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
});
