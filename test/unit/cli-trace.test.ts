import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { fakeIo } from './helpers.js';

const SPEC = `# Feature Specification: Export

## User Scenarios & Testing

### User Story 1 - Export a report (Priority: P1)

**Acceptance Scenarios**:

1. **Given** a report, **When** I export, **Then** a PDF downloads.

### User Story 2 - Schedule exports (Priority: P2)

**Acceptance Scenarios**:

1. **Given** a schedule, **When** Monday comes, **Then** the export is emailed.

## Requirements

- **FR-001**: System MUST export a report as PDF.
- **FR-002**: System MUST email scheduled exports.
`;

const TASKS = `# Tasks

## Phase 1: User Story 1 - Export a report

- [x] T001 [US1] Render the PDF [FR-001]
- [ ] T002 [US1] Cite a requirement that is not there [FR-007]
`;

const CHECKOUT = '# Checkout\n\n## Requirements\n\n- **REQ-1**: The system shall accept cards.\n- **REQ-2**: The system shall email receipts, with a "quote, and comma".\n';

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

async function run(root: string, argv: string[]) {
  const io = fakeIo(root);
  const code = await main(argv, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('specwise trace and the cross-file rules in check', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'specwise-trace-'));
    write(root, '.specwise.jsonc', '{ "trace": { "tests": ["tests/**/*.test.ts"] } }\n');
    write(root, 'specs/001-export/spec.md', SPEC);
    write(root, 'specs/001-export/tasks.md', TASKS);
    write(root, 'docs/checkout.spec.md', CHECKOUT);
    write(root, 'tests/checkout.test.ts', "it('REQ-1 takes a card', () => {});\nit('001-export/FR-001 exports', () => {});\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('prints the matrix as text, gaps first, and --fail-on-gaps exits 1', async () => {
    const plain = await run(root, ['trace']);
    assert.equal(plain.code, 0, plain.stderr);
    const lines = plain.stdout.split('\n');
    assert.match(lines[0], /^docs\/checkout\.spec\.md: 2 requirements, 1 with gaps$/);
    assert.match(lines[1], /^ {2}✗ REQ-2 {2}docs\/checkout\.spec\.md:6 .*\[no test\]$/);
    assert.match(lines[2], /^ {2}✓ REQ-1 .* tests 1 \(tests\/checkout\.test\.ts:1\)/);
    assert.match(plain.stdout, /✗ US2 .*\[no task\]/);
    assert.match(plain.stdout, /! specs\/001-export\/tasks\.md:6 warning unknown-requirement-reference 'FR-007' is not defined by this feature/);
    assert.match(plain.stdout, /gaps\.\n$/);
    const failing = await run(root, ['trace', '--fail-on-gaps']);
    assert.equal(failing.code, 1);
    assert.match(failing.stderr, /traceability gaps \(--fail-on-gaps\)/);
  });

  it('gives each requirement its criteria, tasks, tests and design with file and line in JSON', async () => {
    const { code, stdout } = await run(root, ['trace', '--format', 'json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.version, 1);
    const feature = report.features.find((entry: { name: string }) => entry.name === '001-export');
    const fr1 = feature.requirements.find((entry: { id: string }) => entry.id === 'FR-001');
    assert.deepEqual(
      { id: fr1.id, file: fr1.file, line: fr1.line, tasks: fr1.tasks, tests: fr1.tests, design: fr1.design, criteria: fr1.criteria, gaps: fr1.gaps },
      {
        id: 'FR-001',
        file: 'specs/001-export/spec.md',
        line: 19,
        tasks: [{ id: 'T001', file: 'specs/001-export/tasks.md', line: 5, label: 'T001 [US1] Render the PDF [FR-001]', done: true }],
        tests: [{ id: 'FR-001', file: 'tests/checkout.test.ts', line: 2 }],
        design: [],
        criteria: [],
        gaps: [],
      },
    );
    const us1 = feature.requirements.find((entry: { id: string }) => entry.id === 'US1');
    assert.deepEqual(us1.criteria.map((entry: { line: number }) => entry.line), [9]);
  });

  it('writes Markdown, CSV and HTML', async () => {
    const markdown = (await run(root, ['trace', '--format', 'md'])).stdout;
    assert.match(markdown, /\| \[REQ-2\]\(docs\/checkout\.spec\.md#L6\) \| 0 \| — \| — \| — \| no test \|/);
    const csv = (await run(root, ['trace', '--format', 'csv'])).stdout;
    const rows = csv.split('\r\n');
    assert.equal(rows[0], 'feature,id,kind,file,line,title,criteria,tasks,tests,design,gaps');
    assert.ok(rows.includes('checkout,REQ-2,requirement,docs/checkout.spec.md,6,"REQ-2: The system shall email receipts, with a ""quote, and comma"".",,,,,no test'), csv);
    const html = (await run(root, ['trace', '--format', 'html'])).stdout;
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<tr class="gap"><td title="[^"]*">REQ-2<br>/);
    assert.doesNotMatch(html, /<script/);
  });

  it('check runs the cross-file rules on folders, in the files where they belong, and not on single files', async () => {
    const folder = JSON.parse((await run(root, ['check', '.', '--format', 'json'])).stdout);
    const tasks = folder.files.find((file: { path: string }) => file.path === 'specs/001-export/tasks.md');
    assert.deepEqual(tasks.findings.map((finding: { ruleId: string; line: number }) => `${finding.ruleId}:${finding.line}`), ['unknown-requirement-reference:6']);
    assert.match(tasks.reason, /tasks file of specs\/001-export/);
    const spec = folder.files.find((file: { path: string }) => file.path === 'specs/001-export/spec.md');
    assert.ok(spec.findings.some((finding: { ruleId: string; data: { id: string } }) => finding.ruleId === 'requirement-without-task' && finding.data.id === 'US2'));
    const single = JSON.parse((await run(root, ['check', 'specs/001-export/spec.md', '--format', 'json'])).stdout);
    assert.ok(single.files[0].findings.every((finding: { ruleId: string }) => finding.ruleId !== 'requirement-without-task'));
  });

  it('respects rule settings and disable comments for cross-file findings', async () => {
    write(root, '.specwise.jsonc', '{ "trace": { "tests": ["tests/**/*.test.ts"] }, "rules": { "requirement-without-test": "off" } }\n');
    write(root, 'specs/001-export/tasks.md', TASKS.replace('[FR-007]', '[FR-007] <!-- specwise-disable-line unknown-requirement-reference -->'));
    const report = JSON.parse((await run(root, ['trace', '--format', 'json'])).stdout);
    const rules = [...report.features.flatMap((feature: { findings: { ruleId: string }[] }) => feature.findings), ...report.findings].map((finding: { ruleId: string }) => finding.ruleId);
    assert.deepEqual(rules, ['requirement-without-task']);
  });

  it('reads the files the rules and the matrix need: not a feature\'s research notes or checklists', async () => {
    write(root, 'specs/001-export/research.md', '# Research\n\n- FR-001 needs a PDF library; FR-009 was dropped.\n');
    write(root, 'specs/001-export/checklists/requirements.md', '# Checklist\n\n- [x] FR-001 is testable\n');
    await run(root, ['check', '.', '--cache', '--format', 'json']);
    const { entries } = JSON.parse(readFileSync(path.join(root, '.specwisecache'), 'utf8')) as { entries: Record<string, { outcome: { facts?: unknown } }> };
    const factsOf = (file: string) => Object.entries(entries).find(([key]) => key.endsWith(file))?.[1].outcome.facts;
    assert.ok(factsOf('specs/001-export/tasks.md'), 'the tasks are read');
    assert.equal(factsOf('specs/001-export/research.md'), undefined);
    assert.equal(factsOf('specs/001-export/checklists/requirements.md'), undefined);
    const report = JSON.parse((await run(root, ['trace', '--format', 'json'])).stdout);
    assert.ok(!JSON.stringify(report).includes('research.md'));
  });

  it('reuses the cache for unchanged files and reads changed ones again, and a config change starts it over', async () => {
    const first = await run(root, ['check', '.', '--cache', '--format', 'json']);
    const cacheFile = path.join(root, '.specwisecache');
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    assert.ok(Object.keys(cached.entries).some((file) => file.endsWith('specs/001-export/tasks.md')));
    assert.equal((await run(root, ['check', '.', '--cache', '--format', 'json'])).stdout, first.stdout);
    write(root, 'specs/001-export/tasks.md', TASKS.replace('[FR-007]', '[FR-002]'));
    const edited = JSON.parse((await run(root, ['check', '.', '--cache', '--format', 'json'])).stdout);
    assert.equal(edited.files.find((file: { path: string }) => file.path === 'specs/001-export/tasks.md'), undefined, 'no finding left in tasks.md');
    write(root, '.specwise.jsonc', '{ "trace": { "tests": ["tests/**/*.test.ts"] }, "rules": { "requirement-without-task": "off" } }\n');
    const reconfigured = JSON.parse((await run(root, ['check', '.', '--cache', '--format', 'json'])).stdout);
    const findings = reconfigured.files.flatMap((file: { findings: { ruleId: string }[] }) => file.findings.map((finding) => finding.ruleId));
    assert.ok(!findings.includes('requirement-without-task'));
    writeFileSync(cacheFile, '{ not json');
    assert.equal((await run(root, ['check', '.', '--cache', '--format', 'json'])).stdout, JSON.stringify(reconfigured, null, 2) + '\n');
    const elsewhere = await run(root, ['trace', '--cache', '--cache-location', 'build/cache/']);
    assert.equal(elsewhere.code, 0, elsewhere.stderr);
    assert.ok(readFileSync(path.join(root, 'build/cache/.specwisecache'), 'utf8').startsWith('{'));
  });

  it('reports an invalid citation pattern with its place in the configuration, and traces with the defaults', async () => {
    write(root, '.specwise.jsonc', '{\n  "trace": { "tests": ["tests/**/*.test.ts"], "patterns": ["@covers(REQ"] }\n}\n');
    const { code, stdout, stderr } = await run(root, ['trace']);
    assert.equal(code, 2);
    assert.match(stderr, /\.specwise\.jsonc:2:\d+ error config 'trace\.patterns\.0': Invalid citation pattern '@covers\(REQ': not a valid regular expression: .*Unterminated group\.\n/);
    assert.match(stdout, /specs\/001-export \(spec-kit\)/);
  });

  it('rejects bad arguments with exit code 2', async () => {
    for (const argv of [['trace', '--format', 'pdf'], ['trace', '--cache-location', 'x'], ['trace', '--fail-on-gaps=yes'], ['trace', 'missing-folder'], ['check', '--cache-location', 'x'], ['trace', '--template', 'prd']]) {
      const { code, stderr } = await run(root, argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /^specwise: /);
    }
  });
});
