import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { normalizeSpec } from '../../src/model/index.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { DEFECTIVE_DRAFT, EXPORT_REQUEST, REPAIRED_DRAFT } from '../fixtures/model/replies.js';
import { PROJECT_ROOT } from './helpers.js';

const BIN = path.join(PROJECT_ROOT, 'bin/specwise.cjs');

interface ToolCall {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
}

type Finding = { ruleId: string; line: number; message: string; fixes: { title: string; safe: boolean; edits: { line: number; newText: string }[] }[] };

/** The defective draft as a spec file (without the reply's chatter). */
const DRAFT_SPEC = normalizeSpec(DEFECTIVE_DRAFT.slice(DEFECTIVE_DRAFT.indexOf('---'), DEFECTIVE_DRAFT.lastIndexOf('```')), {
  template: builtInTemplates.get('tech-spec')!,
  numbering: { requirement: 'REQ', criterion: 'AC', width: 0, next: {} },
}).markdown;

const EXPORT_FEATURE = `# Feature Specification: Export

## Requirements

- **FR-001**: System MUST export a report as PDF.
- **FR-002**: System MUST explain an empty export.
- **FR-003**: System MUST name each export after its report.
- **FR-004**: System MUST keep each export for 30 days.
- **FR-005**: System MUST email scheduled exports.
`;

const EXPORT_TASKS = `# Tasks

- [x] T001 Render the PDF [FR-001]
- [ ] T002 Explain empty exports [FR-002]
- [ ] T003 Name exports [FR-003]
- [ ] T004 Expire exports [FR-004]
- [ ] T005 Cite a requirement that is not there [FR-007]
`;

describe('specwise mcp (the SDK client over stdio)', () => {
  let dir: string;
  let client: Client;
  let stderr = '';

  async function call(name: string, args: Record<string, unknown>): Promise<ToolCall> {
    return (await client.callTool({ name, arguments: args })) as ToolCall;
  }

  before(async function () {
    this.timeout(60_000);
    execFileSync('node', ['scripts/build.mjs'], { cwd: PROJECT_ROOT });
    dir = mkdtempSync(path.join(os.tmpdir(), 'specwise-mcp-'));
    mkdirSync(path.join(dir, 'specs'));
    mkdirSync(path.join(dir, 'product'));
    writeFileSync(path.join(dir, 'specs/export.md'), DRAFT_SPEC);
    writeFileSync(path.join(dir, 'specs/notes.txt'), 'not a spec');
    writeFileSync(path.join(dir, 'product/.specwise.json'), JSON.stringify({ template: 'prd' }));
    writeFileSync(path.join(dir, 'product/search.md'), '# Search\n\n## Overview\n\nSearch.\n');
    mkdirSync(path.join(dir, 'specs/001-export'));
    writeFileSync(path.join(dir, 'specs/001-export/spec.md'), EXPORT_FEATURE);
    writeFileSync(path.join(dir, 'specs/001-export/tasks.md'), EXPORT_TASKS);
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: dir, stderr: 'pipe' });
    transport.stderr?.on('data', (chunk) => (stderr += chunk));
    client = new Client({ name: 'specwise-tests', version: '1.0.0' });
    await client.connect(transport);
  });

  after(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('introduces itself and lists check, trace, translate and templates with their input schemas', async () => {
    assert.equal(client.getServerVersion()?.name, 'specwise');
    assert.match(client.getInstructions() ?? '', /Call `check` on every spec you write/);
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name), ['check', 'trace', 'translate', 'templates']);
    assert.deepEqual(Object.keys(tools.find((tool) => tool.name === 'trace')!.inputSchema.properties ?? {}).sort(), ['gapsOnly', 'paths']);
    const check = tools.find((tool) => tool.name === 'check')!;
    assert.deepEqual(Object.keys(check.inputSchema.properties ?? {}).sort(), ['path', 'template', 'text']);
    assert.equal(check.annotations?.readOnlyHint, true);
    assert.deepEqual(tools.find((tool) => tool.name === 'translate')!.inputSchema.required, ['request']);
  });

  it('check: a file by path gives each finding with its rule id, line, message and fixes', async () => {
    const result = await call('check', { path: 'specs/export.md' });
    assert.notEqual(result.isError, true);
    const data = result.structuredContent as { template: string; findings: Finding[]; warnings: number };
    assert.equal(data.template, 'tech-spec');
    const rules = data.findings.map((finding) => finding.ruleId);
    for (const rule of ['unmeasurable-success-criterion', 'requirement-without-acceptance', 'missing-section']) assert.ok(rules.includes(rule), rules.join(', '));
    const criterion = data.findings.find((finding) => finding.ruleId === 'unmeasurable-success-criterion')!;
    assert.equal(DRAFT_SPEC.split('\n')[criterion.line - 1], '- **AC-2**: Users are happy with exports.');
    const risks = data.findings.find((finding) => finding.ruleId === 'missing-section' && /'Risks'/.test(finding.message))!;
    assert.equal(risks.fixes[0].title, "Insert section 'Risks'");
    assert.match(risks.fixes[0].edits[0].newText, /## Risks\n/);
    assert.match(result.content[0].text, /^\d+ findings \(0 errors, \d+ warnings, \d+ info\) in specs\/export\.md \(template tech-spec\):\n- line \d+, warning, /);
    assert.deepEqual(JSON.parse(result.content[1].text), data);
  });

  it('check: text alone, text as a file\'s unsaved content, another template, and the configuration of the folder', async () => {
    const clean = await call('check', { text: REPAIRED_DRAFT });
    const cleanData = clean.structuredContent as { findings: Finding[] };
    assert.deepEqual(cleanData.findings.filter((finding) => finding.ruleId !== 'missing-section' || !/recommended/.test(finding.message)).map((finding) => finding.ruleId), []);
    const unsaved = await call('check', { path: 'specs/export.md', text: REPAIRED_DRAFT });
    assert.equal((unsaved.structuredContent as { findings: Finding[] }).findings.some((finding) => finding.ruleId === 'unmeasurable-success-criterion'), false);
    const asRfc = await call('check', { text: REPAIRED_DRAFT, template: 'rfc' });
    assert.equal((asRfc.structuredContent as { template: string }).template, 'rfc');
    const configured = await call('check', { path: 'product/search.md' });
    assert.equal((configured.structuredContent as { template: string; templateSource: string }).template, 'prd');
    assert.equal((configured.structuredContent as { templateSource: string }).templateSource, 'config');
  });

  it('bad arguments are MCP tool errors that say what to change, and the server keeps serving', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['check', {}, /Give 'text' \(the spec's Markdown\) or 'path' \(a spec file\), or both\./],
      ['check', { text: 42 }, /MCP error -32602: Input validation error: Invalid arguments for tool check/],
      ['check', { path: '' }, /Input validation error/],
      ['check', { path: 'specs/missing.md' }, /Cannot read '.*specs\/missing\.md': ENOENT\./],
      ['check', { path: 'specs/notes.txt' }, /'specs\/notes\.txt' is not a Markdown file/],
      ['check', { text: '# X', template: 'nope' }, /Unknown template 'nope'; available templates: tech-spec, prd, rfc, spec-kit, kiro \(also ears\)/],
      ['translate', {}, /Input validation error: Invalid arguments for tool translate/],
      ['translate', { request: 'Great work on the launch, everyone.' }, /^No requirement found, nothing translated/],
      ['translate', { request: EXPORT_REQUEST, idPrefix: 'req' }, /upper-case letters and digits/],
      ['translate', { request: EXPORT_REQUEST, template: 'nope' }, /Unknown template 'nope'/],
      ['templates', { name: 'nope' }, /Unknown template 'nope'/],
      ['templates', { path: 'specs/notes.txt' }, /is not a Markdown file/],
      ['trace', { paths: ['missing-folder'] }, /missing-folder/],
      ['trace', { paths: 'specs' }, /Input validation error/],
      ['lint', {}, /Tool lint not found/],
    ];
    for (const [tool, args, message] of cases) {
      const result = await call(tool, args);
      assert.equal(result.isError, true, `${tool} ${JSON.stringify(args)}`);
      assert.match(result.content[0].text, message, `${tool} ${JSON.stringify(args)}`);
    }
    assert.equal((await client.listTools()).tools.length, 4, 'still serving');
    assert.equal(stderr, '', 'nothing on stderr');
  });

  it('translate: a request becomes a spec in the template asked for', async () => {
    const result = await call('translate', { request: EXPORT_REQUEST, template: 'spec-kit' });
    assert.notEqual(result.isError, true);
    const data = result.structuredContent as { template: string; markdown: string; ids: string[] };
    assert.equal(data.template, 'spec-kit');
    assert.match(data.markdown, /^---\ntitle: .*\ntemplate: spec-kit\n/);
    assert.equal(data.ids[0], 'FR-001');
    assert.equal(result.content[0].text, data.markdown);
  });

  it('trace: each requirement with the tasks that cite it, gaps first, and only the gaps when asked', async () => {
    type Row = { id: string; tasks: { id: string; file: string; line: number }[]; gaps: string[] };
    type Data = { gaps: number; features: { path: string; requirements: Row[]; findings: { ruleId: string; file: string; line: number }[] }[] };
    const result = await call('trace', { paths: ['specs'] });
    assert.notEqual(result.isError, true, result.content[0].text);
    const data = result.structuredContent as Data;
    const feature = data.features.find((entry) => entry.path === 'specs/001-export')!;
    assert.deepEqual(feature.requirements.map((row) => row.id).sort(), ['FR-001', 'FR-002', 'FR-003', 'FR-004', 'FR-005']);
    assert.deepEqual(feature.requirements.find((row) => row.id === 'FR-001')!.tasks, [{ id: 'T001', file: 'specs/001-export/tasks.md', line: 3, label: 'T001 Render the PDF [FR-001]', done: true }]);
    assert.deepEqual(feature.requirements.filter((row) => row.gaps.length > 0).map((row) => row.id), ['FR-005'], 'FR-005 has no task');
    assert.ok(feature.findings.some((finding) => finding.ruleId === 'unknown-requirement-reference' && finding.file === 'specs/001-export/tasks.md' && finding.line === 7));
    assert.match(result.content[0].text, /^specs\/001-export \(spec-kit\): 5 requirements, 1 with gaps/m);
    const gaps = (await call('trace', { paths: ['specs'], gapsOnly: true })).structuredContent as Data;
    assert.deepEqual(gaps.features.find((entry) => entry.path === 'specs/001-export')!.requirements.map((row) => row.id), ['FR-005']);
  });

  it('templates: every template, one with its starter text, and the one a file gets and why', async () => {
    const all = (await call('templates', {})).structuredContent as { default: string; templates: { name: string; aliases: string[] }[] };
    assert.equal(all.default, 'tech-spec');
    assert.deepEqual(all.templates.map((template) => template.name), ['tech-spec', 'prd', 'rfc', 'spec-kit', 'kiro', 'openspec-proposal', 'openspec-spec', 'openspec-delta']);
    assert.deepEqual(all.templates.find((template) => template.name === 'kiro')!.aliases, ['ears']);
    const kiro = await call('templates', { name: 'kiro' });
    assert.match(kiro.content[0].text, /^kiro: /);
    assert.match(kiro.content[0].text, /WHEN .* SHALL/);
    const forFile = await call('templates', { path: 'product/search.md' });
    assert.match(forFile.content[0].text, /^product\/search\.md is checked against prd \(set by the configuration file\)\./);
  });
});

describe('specwise mcp as a process', () => {
  before(function () {
    this.timeout(60_000);
    execFileSync('node', ['scripts/build.mjs'], { cwd: PROJECT_ROOT });
  });

  function serve(entry: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, entry, { cwd: PROJECT_ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });
  }

  it('ignores a line that is not JSON-RPC, answers the next, and ends quietly when its input closes', async () => {
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    for (const entry of [[BIN, 'mcp'], [path.join(PROJECT_ROOT, 'dist/mcp-server.cjs')]]) {
      const { code, stdout, stderr } = await serve(entry, `this is not json\n${initialize}\n`);
      assert.equal(code, 0, stderr);
      const replies = stdout.trim().split('\n').map((line) => JSON.parse(line));
      assert.equal(replies.length, 1, stdout);
      assert.equal(replies[0].id, 1);
      assert.equal(replies[0].result.serverInfo.name, 'specwise');
      assert.doesNotMatch(stderr, /at .*\.cjs:\d+/, 'no stack trace');
    }
  });
});
