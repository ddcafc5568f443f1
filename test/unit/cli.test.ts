import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { fakeIo, PROJECT_ROOT } from './helpers.js';
import { sarifErrors } from './sarif-schema.js';

const COMPLETE = path.join(PROJECT_ROOT, 'examples/checkout-redesign.spec.md');
const DRAFT = path.join(PROJECT_ROOT, 'examples/report-export.spec.md');

async function cli(args: string[], cwd = PROJECT_ROOT) {
  const io = fakeIo(cwd);
  const code = await main(args, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('specwise check (in process)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'specwise-cli-'));
    mkdirSync(path.join(dir, 'specs/deep'), { recursive: true });
    mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'specs/a.md'), '# A\n\n## Summary\n\nText.\n');
    writeFileSync(path.join(dir, 'specs/deep/b.markdown'), '# B\n');
    writeFileSync(path.join(dir, 'specs/notes.txt'), 'not markdown');
    writeFileSync(path.join(dir, 'node_modules/pkg/README.md'), '# Skipped\n');
    writeFileSync(path.join(dir, 'with space ü.md'), '# Unicode path\n');
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints path:line:col severity rule message lines and a summary', async () => {
    const { code, stdout } = await cli(['check', 'examples/report-export.spec.md']);
    assert.equal(code, 0, 'warnings alone pass');
    assert.match(stdout, /^examples\/report-export\.spec\.md:18:34 info vague-term 'fast' is not testable: state a bound/m);
    assert.match(stdout, /^18 problems \(0 errors, 9 warnings, 9 info; 1 to fill in\) in 1 file\.$/m);
  });

  it('reports no problems on the complete example', async () => {
    const { code, stdout } = await cli(['check', COMPLETE]);
    assert.equal(code, 0);
    assert.equal(stdout, 'No problems in 1 file.\n');
  });

  it('expands directories to Markdown files, skipping node_modules and .git', async () => {
    const { stdout } = await cli(['check', '--format', 'json', 'specs'], dir);
    const paths = JSON.parse(stdout).files.map((file: { path: string }) => file.path);
    assert.deepEqual(paths, ['specs/a.md', 'specs/deep/b.markdown']);
  });

  it('expands quoted globs and checks explicit files of any name', async () => {
    const globbed = await cli(['check', '--format', 'json', 'specs/**/*.md'], dir);
    assert.deepEqual(JSON.parse(globbed.stdout).files.map((file: { path: string }) => file.path), ['specs/a.md']);
    const explicit = await cli(['check', '--format', 'json', 'specs/notes.txt', 'with space ü.md'], dir);
    assert.deepEqual(JSON.parse(explicit.stdout).files.map((file: { path: string }) => file.path), ['specs/notes.txt', 'with space ü.md']);
  });

  it('writes the documented JSON shape', async () => {
    const { stdout } = await cli(['check', '--format', 'json', DRAFT]);
    const output = JSON.parse(stdout);
    assert.equal(output.version, 1);
    const [file] = output.files;
    assert.equal(file.template, 'tech-spec');
    const finding = file.findings.find((entry: { ruleId: string }) => entry.ruleId === 'risk-without-mitigation');
    assert.deepEqual(Object.keys(finding), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'data', 'fixes']);
    const line = readFileSync(DRAFT, 'utf8').split('\n')[30];
    assert.deepEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [31, 1, 31, line.length + 1]);
    assert.equal(finding.data.field, 'mitigation');
    assert.equal(finding.fixes[0].safe, true);
    assert.equal(finding.fixes[0].edits[0].length, 0);
  });

  it('writes SARIF 2.1.0 that validates against the official schema', async () => {
    const { stdout } = await cli(['check', '--format', 'sarif', 'examples/']);
    const log = JSON.parse(stdout);
    assert.deepEqual(sarifErrors(log), []);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'specwise');
    assert.ok(run.tool.driver.rules.every((rule: { helpUri: string }) => rule.helpUri.includes('/docs/rules/')));
    const result = run.results.find((entry: { ruleId: string }) => entry.ruleId === 'missing-section');
    assert.equal(result.level, 'warning');
    assert.equal(result.properties.section, 'problem');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'examples/report-export.spec.md');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 9);
    assert.ok(run.results.some((entry: { level: string }) => entry.level === 'note'));
    assert.ok(sarifErrors({ version: '2.1.0', runs: [{ results: [] }] }).length > 0, 'the validator rejects a broken log');
  });

  it('exits 1 over --max-warnings and filters with --quiet', async () => {
    const over = await cli(['check', '--max-warnings', '3', DRAFT]);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /9 warnings, more than --max-warnings 3/);
    assert.equal((await cli(['check', '--max-warnings=11', DRAFT])).code, 0);
    const quiet = await cli(['check', '--quiet', DRAFT]);
    assert.equal(quiet.stdout, 'No problems in 1 file.\n');
  });

  it('checks every file against --template', async () => {
    const { stdout } = await cli(['check', '--template', 'rfc', '--format', 'json', 'specs/a.md'], dir);
    const [file] = JSON.parse(stdout).files;
    assert.equal(file.template, 'rfc');
    assert.equal(file.templateSource, 'cli');
    assert.ok(file.findings.some((finding: { data: { section: string } }) => finding.data.section === 'guide-level-explanation'));
  });

  it('skips binary files with a message instead of parsing them', async () => {
    const { code, stdout } = await cli(['check', 'binary.md'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /binary\.md: skipped: binary file/);
  });

  it('notes a directory without spec files', async () => {
    const { code, stderr } = await cli(['check', 'empty'], dir);
    assert.equal(code, 0);
    assert.match(stderr, /no spec files under 'empty'/);
  });

  for (const [args, message] of [
    [['check', 'missing.md'], /No such file or directory: 'missing\.md'/],
    [['check', 'nothing/**/*.md'], /No files match the pattern/],
    [['check', '--format', 'xml'], /Unknown format 'xml'/],
    [['check', '--max-warnings', '-1'], /needs a value|non-negative whole number/],
    [['check', '--max-warnings', 'ten'], /non-negative whole number/],
    [['check', '--template', 'nope', 'specs'], /Unknown template 'nope'; available templates: tech-spec, prd, rfc, spec-kit, kiro \(also ears\), openspec-proposal, openspec-spec, openspec-delta\./],
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [['check', '--jobs', '0'], /--jobs needs a whole number from 1 to 999/],
    [['check', '--config'], /--config needs a value/],
    [['lint'], /Unknown command 'lint'/],
  ] as const) {
    it(`exits 2 with a message for ${args.join(' ')}`, async () => {
      const { code, stderr, stdout } = await cli([...args], dir);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.equal(stdout, '');
    });
  }

  it('exits 2 for a broken symlink named explicitly', async () => {
    symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'dangling.md'));
    const { code, stderr } = await cli(['check', 'dangling.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /dangling\.md/);
  });

  it('--fix applies safe fixes, keeps every word and the BOM, and reports what changed', async () => {
    const original = readFileSync(DRAFT, 'utf8');
    writeFileSync(path.join(dir, 'draft.md'), `\uFEFF${original}`);
    const { code, stdout } = await cli(['check', '--fix', '--format', 'json', 'draft.md'], dir);
    assert.equal(code, 0);
    const [file] = JSON.parse(stdout).files;
    assert.equal(file.fixed, 16);
    const fixed = readFileSync(path.join(dir, 'draft.md'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFF# Monthly') === false && fixed.startsWith('\uFEFF---'), 'BOM kept');
    let at = 0;
    for (const char of original.replace(/\s+/g, '')) {
      at = fixed.indexOf(char, at) + 1;
      assert.ok(at > 0, 'every original character survives in order');
    }
    assert.deepEqual([...new Set(file.findings.map((finding: { ruleId: string }) => finding.ruleId))].sort(), ['undefined-requirement-reference', 'unresolved-placeholder']);
    const again = await cli(['check', '--fix', '--format', 'json', 'draft.md'], dir);
    assert.equal(JSON.parse(again.stdout).files[0].fixed, 0, 'a second run changes nothing');
    assert.equal(readFileSync(path.join(dir, 'draft.md'), 'utf8'), fixed);
  });

  it('--fix never rewrites a file that is not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('# Spec\n\n## Risks\n\n- Caf'), Buffer.from([0xe9]), Buffer.from(' may close.\n')]);
    writeFileSync(path.join(dir, 'latin1.md'), bytes);
    const { stderr } = await cli(['check', '--fix', 'latin1.md'], dir);
    assert.match(stderr, /not fixing 'latin1\.md': it is not valid UTF-8/);
    assert.deepEqual(readFileSync(path.join(dir, 'latin1.md')), bytes);
  });

  it('prints help and version', async () => {
    assert.match((await cli(['--help'])).stdout, /Usage: specwise <command>/);
    assert.match((await cli(['--version'])).stdout, /^\d+\.\d+\.\d+/);
  });
});

describe('specwise bin (real process)', () => {
  before(function () {
    this.timeout(60_000);
    execFileSync('node', ['scripts/build.mjs'], { cwd: PROJECT_ROOT });
  });

  it('runs the bundled CLI with exit codes and SARIF on stdout', () => {
    const ok = spawnSync('node', ['bin/specwise.cjs', 'check', 'examples/', '--format', 'sarif'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(sarifErrors(JSON.parse(ok.stdout)), []);
    const parallel = ['test/fixtures/templates/*.md', 'examples/', 'test/e2e/fixture/specs/*.md'];
    const one = spawnSync('node', ['bin/specwise.cjs', 'check', '--format', 'json', '--jobs', '1', ...parallel], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const two = spawnSync('node', ['bin/specwise.cjs', 'check', '--format', 'json', '--jobs', '2', ...parallel], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    assert.equal(JSON.parse(one.stdout).files.length, 13);
    assert.equal(two.stdout, one.stdout, 'worker threads give the same output, in the same order');
    assert.equal(two.status, one.status);
    const bad = spawnSync('node', ['bin/specwise.cjs', 'check', '--format'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format needs a value/);
  });
  it('stops quietly when the reader closes the pipe early', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), "specwise-pipe-"));
    const lines = Array.from({ length: 4000 }, (_, i) => `- **REQ-${i + 1}**: The page shall load fast and be user-friendly.`);
    writeFileSync(path.join(dir, 'spec.md'), `# Big\n\n## Requirements\n\n${lines.join('\n')}\n`);
    writeFileSync(path.join(dir, '.specwise.json'), '{ "rules": { "vague-term": "error" } }');
    const bin = path.join(PROJECT_ROOT, 'bin/specwise.cjs');
    const piped = spawnSync('bash', ['-c', `node '${bin}' check spec.md | head -n 3 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    const whole = spawnSync('node', [bin, 'check', 'spec.md'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.ok(whole.stdout.length > 1_000_000, 'the output is larger than any pipe buffer');
    assert.equal(whole.status, 1);
    assert.equal(piped.stderr, '', 'no EPIPE stack trace');
    assert.match(piped.stdout, new RegExp(`exit=${whole.status}`), 'the exit code is the one of a full run');
  });
});
