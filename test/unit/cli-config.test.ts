import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { lintText } from '../../src/api.js';
import { main } from '../../src/cli/main.js';
import { configSchema } from '../../src/config.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { fakeIo } from './helpers.js';

let dir: string;

async function cli(args: string[], cwd = dir) {
  const io = fakeIo(cwd);
  const code = await main(args, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('CLI with configuration', () => {
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'specwise-cli-config-'));
    mkdirSync(path.join(dir, '.git'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('init', () => {
    it('writes a commented .specwise.jsonc that is a valid config, and refuses to overwrite it', async () => {
      const first = await cli(['init', '--template', 'prd']);
      assert.equal(first.code, 0);
      const text = readFileSync(path.join(dir, '.specwise.jsonc'), 'utf8');
      assert.match(text, /"\$schema": "https:\/\/.*specwise\.schema\.json"/);
      assert.match(text, /\/\/ /, 'has comments');
      const parsed = parseJsonc(text);
      assert.equal(parsed.template, 'prd');
      assert.ok(configSchema.safeParse(parsed).success);
      const second = await cli(['init']);
      assert.equal(second.code, 2);
      assert.match(second.stderr, /already exists; not overwriting it/);
      assert.equal(readFileSync(path.join(dir, '.specwise.jsonc'), 'utf8'), text);
    });

    it('rejects an unknown template', async () => {
      const result = await cli(['init', '--template', 'nope']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /Unknown template 'nope'/);
    });
  });

  describe('new', () => {
    for (const name of builtInTemplates.keys()) {
      it(`writes a ${name} spec that has every section of its template`, async () => {
        const result = await cli(['new', '--template', name, `specs/${name}-feature.md`]);
        assert.equal(result.code, 0, result.stderr);
        const text = readFileSync(path.join(dir, `specs/${name}-feature.md`), 'utf8');
        const canonical = builtInTemplates.get(name)!.name;
        assert.match(text, new RegExp(`^---\\ntitle: ".*"\\ntemplate: ${canonical}\\n`));
        const check = await cli(['check', '--format', 'json', `specs/${name}-feature.md`]);
        const [file] = JSON.parse(check.stdout).files;
        assert.equal(file.template, canonical, 'front matter picks the template');
        const sectionFindings = file.findings.filter((finding: { ruleId: string }) => ['missing-section', 'empty-section', 'section-order'].includes(finding.ruleId));
        assert.deepEqual(sectionFindings, []);
      });
    }

    it('uses a configured team template and refuses to overwrite', async () => {
      writeFileSync(path.join(dir, '.specwise.json'), JSON.stringify({ templates: { kep: { extends: 'rfc', sections: [{ id: 'graduation', title: 'Graduation Criteria', kind: 'success-criteria' }] } } }));
      assert.equal((await cli(['new', '--template', 'kep', 'keps/1-x.md'])).code, 0);
      const text = readFileSync(path.join(dir, 'keps/1-x.md'), 'utf8');
      assert.match(text, /## Graduation Criteria/);
      assert.match(text, /^# 1 x$/m);
      const again = await cli(['new', '--template', 'kep', 'keps/1-x.md']);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /already exists/);
      assert.equal(readFileSync(path.join(dir, 'keps/1-x.md'), 'utf8'), text);
    });

    it('needs exactly one file', async () => {
      assert.equal((await cli(['new'])).code, 2);
      assert.equal((await cli(['new', 'a.md', 'b.md'])).code, 2);
    });
  });

  describe('templates', () => {
    it('lists built-in and configured templates with their sections', async () => {
      writeFileSync(path.join(dir, '.specwise.jsonc'), '{ "template": "kep", "templates": { "kep": { "title": "KEP", "extends": "tech-spec" } } }');
      const { code, stdout } = await cli(['templates']);
      assert.equal(code, 0);
      assert.match(stdout, /^tech-spec: Technical specification$/m);
      assert.match(stdout, /^kep \(default\): KEP$/m);
      assert.match(stdout, /^ {2}required {4}risks +Risks \[risks\] {2}aliases: Risks and Mitigations/m);
    });
  });

  describe('check', () => {
    it('reports an invalid config at its location, checks with defaults and exits 2', async () => {
      writeFileSync(path.join(dir, '.specwise.jsonc'), '{\n  "rules": {\n    "vauge-term": "warning"\n  }\n}\n');
      mkdirSync(path.join(dir, 'specs'));
      writeFileSync(path.join(dir, 'specs/a.md'), '# A\n');
      const { code, stdout, stderr } = await cli(['check', 'specs']);
      assert.equal(code, 2);
      assert.match(stderr, /^\.specwise\.jsonc:3:5 error config Unknown property 'vauge-term' in 'rules'/m);
      assert.match(stderr, /checked with the default settings/);
      assert.match(stdout, /specs\/a\.md:1:1 warning missing-section/);
    });

    it('checks only spec files in directories, per the config, and explicit files always', async () => {
      writeFileSync(path.join(dir, '.specwise.json'), JSON.stringify({ files: ['design/**/*.md'], rules: { 'missing-section': 'off' } }));
      mkdirSync(path.join(dir, 'design'));
      writeFileSync(path.join(dir, 'design/a.md'), '# A\n');
      writeFileSync(path.join(dir, 'README.md'), '# Readme\n');
      const folder = JSON.parse((await cli(['check', '--format', 'json', '.'])).stdout);
      assert.deepEqual(folder.files.map((file: { path: string }) => file.path), ['design/a.md']);
      const named = JSON.parse((await cli(['check', '--format', 'json', 'README.md'])).stdout);
      assert.deepEqual(named.files.map((file: { path: string }) => file.path), ['README.md']);
      assert.deepEqual(named.files[0].findings, [], 'rules from the config apply');
    });

    it('skips files over maxFileSize with a message, without parsing them', async () => {
      writeFileSync(path.join(dir, '.specwise.json'), JSON.stringify({ maxFileSize: 2048 }));
      mkdirSync(path.join(dir, 'specs'));
      writeFileSync(path.join(dir, 'specs/big.md'), `# Big\n\n${'TBD '.repeat(1000)}\n`);
      writeFileSync(path.join(dir, 'specs/small.md'), '# Small\n');
      const { code, stdout } = await cli(['check', 'specs']);
      assert.equal(code, 0);
      assert.match(stdout, /^specs\/big\.md: skipped: file is 4008 bytes, over the 2048-byte limit \(maxFileSize\)$/m);
      assert.doesNotMatch(stdout, /big\.md:\d+:\d+/);
      assert.match(stdout, /specs\/small\.md:1:1/);
    });

    it('exits 2 when --config names a missing file', async () => {
      const result = await cli(['check', '--config', 'nope.json', '.']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /Config file not found: 'nope\.json'/);
    });
  });
});

describe('translate command', () => {
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'specwise-translate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const request = 'Admins should be able to export reports quickly.';

  it('translates a file and standard input into a spec in the chosen template', async () => {
    writeFileSync(path.join(dir, 'request.txt'), request);
    const fromFile = await cli(['translate', 'request.txt', '--template', 'prd', '--id-prefix', 'FR']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.match(fromFile.stdout, /^---\ntitle: "Export reports"\ntemplate: prd\n/);
    assert.match(fromFile.stdout, /- \*\*FR-1\*\*: The system shall allow admins to export reports\./);
    const io = fakeIo(dir);
    const code = await main(['translate', '-'], { ...io.io, readStdin: async () => request });
    assert.equal(code, 0);
    assert.match(io.stdout(), /template: tech-spec/);
  });

  for (const [args, message] of [
    [['translate'], /needs exactly one FILE/],
    [['translate', 'missing.txt'], /Cannot read 'missing\.txt'/],
    [['translate', 'request.txt', '--id-prefix', 'req'], /--id-prefix needs upper-case letters/],
    [['translate', 'request.txt', '--template', 'nope'], /Unknown template 'nope'/],
  ] as const) {
    it(`exits 2 for ${args.join(' ')}`, async () => {
      writeFileSync(path.join(dir, 'request.txt'), request);
      const result = await cli([...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
    });
  }

  it('exits 2 on empty input', async () => {
    writeFileSync(path.join(dir, 'empty.txt'), '  \n');
    assert.match((await cli(['translate', 'empty.txt'])).stderr, /Nothing to translate/);
  });
  it('exits 1 with a message on stderr and nothing on stdout when the text holds no requirement', async () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'Thanks for the update, see you at Thursday\'s demo!\n');
    const result = await cli(['translate', 'notes.txt']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^specwise: No requirement found, nothing translated: .+\.\n$/);
  });
});

describe('section-order', () => {
  const rfc = builtInTemplates.get('rfc')!;
  const order = (titles: string[]) =>
    lintText({ text: titles.map((title) => `## ${title}\n\nText.\n`).join('\n'), template: rfc })
      .findings.filter((finding) => finding.ruleId === 'section-order')
      .map((finding) => finding.data?.section);

  it('flags only the sections outside the longest ordered run', () => {
    assert.deepEqual(order(['Future possibilities', 'Summary', 'Motivation', 'Drawbacks']), ['future-possibilities']);
    assert.deepEqual(order(['Summary', 'Drawbacks', 'Motivation', 'Prior art', 'Unresolved questions']), ['motivation']);
  });

  it('says where the section belongs', () => {
    const text = '## Summary\n\nS.\n\n## Drawbacks\n\nD.\n\n## Motivation\n\nM.\n\n## Prior art\n\nP.\n';
    const [finding] = lintText({ text, template: rfc }).findings.filter((entry) => entry.ruleId === 'section-order');
    assert.equal(finding.message, "Section 'Motivation' is out of order: template 'rfc' puts it after 'Summary' and before 'Drawbacks'.");
  });

  it('accepts a combined heading that names two sections', () => {
    assert.deepEqual(order(['Summary', 'Motivation', 'Drawbacks and alternatives', 'Prior art']), []);
  });

  it('gives a section to the heading with its own title before an earlier heading that only matches an alias', () => {
    const proposal = builtInTemplates.get('openspec-proposal')!;
    const text = ['Scope', 'Why', 'What Changes', 'Impact'].map((title) => `## ${title}\n\nText.\n`).join('\n');
    const findings = lintText({ text, template: proposal }).findings.filter((finding) => ['section-order', 'missing-section'].includes(finding.ruleId));
    assert.deepEqual(findings, []);
  });
});
