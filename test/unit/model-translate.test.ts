import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../../src/api.js';
import { applyFixes } from '../../src/core/fix.js';
import { extractSpec, findingsToRepair, ModelFailure, normalizeSpec, proposeRewrites, translateIntoWithModel, translateWithModel, type ModelProgress } from '../../src/model/index.js';
import { RULE_GUIDANCE } from '../../src/model/guidance.js';
import { systemPrompt } from '../../src/model/prompt.js';
import { builtInRules } from '../../src/rules/index.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { DEFECTIVE_DRAFT, DRAFT_DEFECTS, EXPORT_REQUEST, REPAIRED_DRAFT } from '../fixtures/model/replies.js';
import { PROJECT_ROOT } from './helpers.js';
import { scriptedModel } from './model-fakes.js';

const techSpec = builtInTemplates.get('tech-spec')!;
const specKit = builtInTemplates.get('spec-kit')!;
const tech = { requirement: 'REQ', criterion: 'AC', width: 0, next: {} };

async function failureOf(promise: Promise<unknown>): Promise<ModelFailure> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ModelFailure, `expected a ModelFailure, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the translation to fail');
}

/** Findings other than clarification markers: what "passes the rules" means for a translation. */
function realFindings(text: string, template = techSpec) {
  return findingsToRepair(text, template).map((finding) => `${finding.start.line} ${finding.ruleId}`);
}

describe('model output: extraction', () => {
  it('takes the spec out of a fence, after chatter and a reasoning block', () => {
    const spec = extractSpec('<think>the user wants a spec</think>\nSure, here it is:\n\n```markdown\n# Export\n\n## Requirements\n\n- **REQ-1**: The system shall export.\n```\nAnything else?');
    assert.equal(spec, '# Export\n\n## Requirements\n\n- **REQ-1**: The system shall export.\n');
  });

  it('keeps code blocks inside an unfenced spec, and CRLF becomes LF', () => {
    const reply = '---\r\ntitle: x\r\n---\r\n\r\n# X\r\n\r\n```json\r\n{}\r\n```\r\n';
    assert.equal(extractSpec(reply), '---\ntitle: x\n---\n\n# X\n\n```json\n{}\n```\n');
  });

  it('says why a reply is no spec: empty, only thinking, no headings, runaway length', () => {
    for (const [reply, reason] of [
      ['', /empty/],
      ['<think>still thinking when the tokens ran out', /empty/],
      ['I cannot help with that request.', /no Markdown headings/],
      [`# Spec\n${'x'.repeat(200_001)}`, /longer than 200,000 characters/],
    ] as const) {
      assert.throws(() => extractSpec(reply), (error: unknown) => error instanceof ModelFailure && error.kind === 'malformed' && reason.test(error.message));
    }
  });
});

describe('model output: normalization', () => {
  it('numbers ids in order, renames every reference, and writes what each criterion verifies', () => {
    const draft = [
      '# Export',
      '## Requirements',
      '- **FR-7**: The system shall export reports as PDF.',
      '- REQ-3 - When an export fails, the system shall email the admin the reason.',
      '- The system must keep exports for 30 days.',
      '- NFR-9: The system shall render a report within 10 s.',
      '## Success Criteria',
      '- **AC-4 (REQ-3)**: Given a failed export, when the admin opens email, then the reason is there.',
      '- AC-2: Given a report, when exported, then a PDF downloads (verifies FR-7).',
      '- Given 100 reports, when rendered, then each takes under 10 s, as NFR-9 asks.',
      '## Test Plan',
      '- Acceptance tests for AC-4, AC-2 and FR-7; REQ-99 is another team\'s.',
    ].join('\n\n');
    const { markdown, ids } = normalizeSpec(draft, { template: techSpec, numbering: { ...tech, next: {} } });
    assert.deepEqual(ids, ['REQ-1', 'REQ-2', 'REQ-3', 'NFR-1']);
    assert.match(markdown, /^---\ntitle: "Export"\ntemplate: tech-spec\nstatus: Draft\n---\n\n# Export\n/);
    assert.match(markdown, /- \*\*REQ-1\*\*: The system shall export reports as PDF\.\n\n- \*\*REQ-2\*\*: When an export fails, .*\n\n- \*\*REQ-3\*\*: The system must keep exports for 30 days\.\n\n- \*\*NFR-1\*\*: The system shall render a report within 10 s\./);
    assert.match(markdown, /- \*\*AC-1\*\* \(verifies REQ-2\): Given a failed export, when the admin opens email, then the reason is there\./);
    assert.match(markdown, /- \*\*AC-2\*\* \(verifies REQ-1\): Given a report, when exported, then a PDF downloads\.\n/);
    assert.match(markdown, /- \*\*AC-3\*\* \(verifies NFR-1\): Given 100 reports, when rendered, then each takes under 10 s, as NFR-1 asks\./);
    assert.match(markdown, /Acceptance tests for AC-1, AC-2 and REQ-1; REQ-99 is another team's\./);
  });

  it('puts sections in the template order, and a section the template does not know stays with the one before it', () => {
    const draft = '# Export\n\n## Success Criteria\n\n- **AC-1** (verifies REQ-1): Given a report, when exported, then a PDF downloads.\n\n## Glossary\n\n- PDF: a file.\n\n## Summary\n\nExports.\n\n## Requirements\n\n- **REQ-1**: The system shall export reports.\n';
    const { markdown } = normalizeSpec(draft, { template: techSpec, numbering: { ...tech, next: {} } });
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## Summary', '## Requirements', '## Success Criteria', '## Glossary']);
  });

  it('gives level-1 sections a title above them, and replaces the front matter with the template\'s', () => {
    const draft = '---\ntitle: Usage export\ntemplate: prd\nowner: someone\n---\n# Summary\n\nExports.\n\n# Requirements\n\n- **REQ-1**: The system shall export.\n';
    const { markdown } = normalizeSpec(draft, { template: techSpec, numbering: { ...tech, next: {} } });
    assert.equal(markdown, '---\ntitle: "Usage export"\ntemplate: tech-spec\nstatus: Draft\n---\n\n# Usage export\n\n## Summary\n\nExports.\n\n## Requirements\n\n- **REQ-1**: The system shall export.\n');
  });

  it('continues the numbering it is given, padded as the spec pads', () => {
    const draft = '# X\n\n## Requirements\n\n- **REQ-1**: The system shall export.\n\n## Success Criteria\n\n- **AC-1** (verifies REQ-1): Given a report, when exported, then a PDF downloads.\n';
    const { markdown, ids } = normalizeSpec(draft, { template: specKit, numbering: { requirement: 'FR', criterion: 'SC', width: 3, next: { FR: 12, SC: 4 } } });
    assert.deepEqual(ids, ['FR-012']);
    assert.match(markdown, /- \*\*SC-004\*\* \(verifies FR-012\): /);
  });

  it('refuses a reply with no requirement', () => {
    assert.throws(
      () => normalizeSpec('# Notes\n\n## Summary\n\nWe talked about exports.\n', { template: techSpec, numbering: { ...tech, next: {} } }),
      (error: unknown) => error instanceof ModelFailure && error.kind === 'malformed' && /no requirement/.test(error.message),
    );
  });
});

describe('model translation with repair rounds', () => {
  it('sends the template and the rules, then the draft\'s findings, and returns a spec that passes the rules', async () => {
    const { model, requests } = scriptedModel([DEFECTIVE_DRAFT, REPAIRED_DRAFT]);
    const events: ModelProgress[] = [];
    const result = await translateWithModel({ request: EXPORT_REQUEST, template: techSpec, model, maxRepairRounds: 2, timeoutMs: 10_000, onProgress: (event) => events.push(event) });
    assert.equal(requests.length, 2);
    const [system, user] = requests[0];
    assert.equal(system.role, 'system');
    for (const section of ['## Summary', '## Requirements', '## Success Criteria', '## Risks', '## Test Plan']) assert.ok(system.content.includes(section), section);
    assert.ok(system.content.indexOf('## Requirements') < system.content.indexOf('## Risks'), 'sections in template order');
    assert.match(user.content, new RegExp(`<request>\\n${EXPORT_REQUEST.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n</request>`));
    const repair = requests[1].at(-1)!;
    assert.equal(repair.role, 'user');
    for (const rule of DRAFT_DEFECTS) assert.match(repair.content, new RegExp(`- ${rule}, line \\d+`), rule);
    assert.match(repair.content, /unmeasurable-success-criterion, line \d+ \("- \*\*AC-2\*\*: Users are happy with exports\."\)/);
    assert.match(repair.content, /Missing required section 'Risks'/);
    assert.match(repair.content, /Requirement REQ-2 has no acceptance criterion/);
    // The model saw its draft normalized, so the lines in the findings are the lines it reads.
    const normalizedDraft = requests[1].at(-2)!.content.split('\n');
    const line = Number(/unmeasurable-success-criterion, line (\d+)/.exec(repair.content)![1]);
    assert.equal(normalizedDraft[line - 1], '- **AC-2**: Users are happy with exports.');
    assert.deepEqual(realFindings(result.markdown), []);
    assert.deepEqual(result.ids, ['REQ-1', 'REQ-2']);
    assert.equal(result.repairRounds, 1);
    assert.deepEqual(result.remaining, []);
    assert.deepEqual(events.filter((event) => event.kind === 'checked').map((event) => event.kind === 'checked' && event.findings.length), [3, 0]);
    assert.ok(events.some((event) => event.kind === 'text'), 'the reply streamed');
  });

  it('stops at the maximum rounds and keeps the draft with the fewest findings', async () => {
    const { model, requests } = scriptedModel([DEFECTIVE_DRAFT, '# Broken\n\nno requirements here', DEFECTIVE_DRAFT]);
    const result = await translateWithModel({ request: EXPORT_REQUEST, template: techSpec, model, maxRepairRounds: 2, timeoutMs: 10_000 });
    assert.equal(requests.length, 3);
    assert.match(requests[2].at(-1)!.content, /^That reply is not a spec: .*no requirement/);
    assert.deepEqual(result.remaining.map((finding) => finding.ruleId).sort(), [...DRAFT_DEFECTS].sort());
  });

  it('with no repair rounds, checks the draft and asks nothing more', async () => {
    const { model, requests } = scriptedModel([DEFECTIVE_DRAFT]);
    const result = await translateWithModel({ request: EXPORT_REQUEST, template: techSpec, model, maxRepairRounds: 0, timeoutMs: 10_000 });
    assert.equal(requests.length, 1);
    assert.equal(result.remaining.length, 3);
  });

  it('fails as malformed when no reply is a spec', async () => {
    const { model } = scriptedModel(['I am sorry, I cannot write specs.']);
    const failure = await failureOf(translateWithModel({ request: EXPORT_REQUEST, template: techSpec, model, maxRepairRounds: 1, timeoutMs: 10_000 }));
    assert.equal(failure.kind, 'malformed');
    assert.match(failure.message, /no Markdown headings/);
  });

  it('times out a model that never answers, and cancels when asked', async () => {
    const hanging = scriptedModel(['hang'], 'slow-model');
    const timeout = await failureOf(translateWithModel({ request: EXPORT_REQUEST, template: techSpec, model: hanging.model, maxRepairRounds: 0, timeoutMs: 20 }));
    assert.equal(timeout.kind, 'timeout');
    assert.match(timeout.message, /slow-model did not answer within/);
    const controller = new AbortController();
    const pending = translateWithModel({ request: EXPORT_REQUEST, template: techSpec, model: scriptedModel(['hang']).model, maxRepairRounds: 0, timeoutMs: 60_000, signal: controller.signal });
    controller.abort();
    assert.equal((await failureOf(pending)).kind, 'cancelled');
  });

  it('passes the model\'s own failures on, and names other errors', async () => {
    const limited = scriptedModel([new ModelFailure('rate-limited', 'The model is rate-limited')]);
    assert.equal((await failureOf(translateWithModel({ request: EXPORT_REQUEST, template: techSpec, model: limited.model, maxRepairRounds: 1, timeoutMs: 10_000 }))).kind, 'rate-limited');
    const broken = scriptedModel([new TypeError('socket hang up')], 'flaky');
    const failure = await failureOf(translateWithModel({ request: EXPORT_REQUEST, template: techSpec, model: broken.model, maxRepairRounds: 1, timeoutMs: 10_000 }));
    assert.equal(failure.kind, 'unavailable');
    assert.equal(failure.message, 'flaky failed: socket hang up');
  });

  it('leaves clarification markers alone: the model must not invent what the request does not say', () => {
    const text = REPAIRED_DRAFT.replace('| Platform team |\n\n## Dependencies', '| [NEEDS CLARIFICATION: owner] |\n\n## Dependencies');
    assert.ok(lintText({ text, template: techSpec }).findings.some((finding) => finding.ruleId === 'unresolved-placeholder'));
    assert.deepEqual(realFindings(text), []);
  });
});

describe('model translation into an existing spec', () => {
  it('continues the spec\'s ids, adds rows to its tables and lines to its lists, and the spec stays clean', async () => {
    const spec = readFileSync(path.join(PROJECT_ROOT, 'test/e2e/fixture/specs/complete.spec.md'), 'utf8');
    const { model, requests } = scriptedModel([REPAIRED_DRAFT]);
    const plan = await translateIntoWithModel(spec, { request: EXPORT_REQUEST, template: techSpec, model, maxRepairRounds: 1, timeoutMs: 10_000 });
    assert.match(requests[0][0].content, /- \*\*REQ-5\*\*: When <trigger>/, 'the prompt shows the ids the spec continues with');
    assert.deepEqual(plan.ids, ['REQ-5', 'REQ-6']);
    const result = applyFixes(spec, [{ title: 'translate', edits: plan.edits }]);
    assert.deepEqual(result.skipped, []);
    const text = result.text;
    assert.match(text, /- \*\*REQ-4\*\*: The checkout page shall meet WCAG 2\.2 AA\.\n- \*\*REQ-5\*\*: When a finance admin requests/);
    assert.match(text, /\| SC-4 \|[^\n]*\n\| SC-5 \| Given a month with usage, [^\n]* \| REQ-5 \|\n\| SC-6 \| [^\n]* \| REQ-6 \|/);
    assert.match(text, /\| Single page slows down on low-end Android devices \|[^\n]*\n\| The PDF service slows down at month end \| Medium \| High \| Render the reports overnight before the first of the month \| Platform team \|/);
    assert.match(text, /\| PDF rendering service \| Platform team \| In progress \| 2026-03-01 \|/);
    assert.match(text, /^## Summary\n\nReplace the four-step checkout/m, 'the author\'s summary stays');
    // The new criteria rows ask for a target, as the deterministic translation's do.
    assert.deepEqual(realFindings(text).filter((finding) => !finding.endsWith('unresolved-placeholder')), []);
  });
});

describe('model prompts', () => {
  it('carry what every rule demands', () => {
    assert.deepEqual(Object.keys(RULE_GUIDANCE).sort(), builtInRules.map((rule) => rule.id).sort());
    const prompt = systemPrompt({ template: techSpec, style: 'given-when-then', numbering: { ...tech, next: {} } });
    for (const rule of builtInRules) assert.ok(prompt.includes(`- ${rule.id}: ${RULE_GUIDANCE[rule.id]}`), rule.id);
  });

  it('show each template\'s own forms: spec-kit ids, EARS criteria, and a place for requirements in an RFC', () => {
    const kit = systemPrompt({ template: specKit, style: 'spec-kit', numbering: { requirement: 'FR', criterion: 'SC', width: 3, next: {} } });
    assert.match(kit, /- \*\*FR-001\*\*: When <trigger>/);
    assert.match(kit, /- \*\*SC-001\*\* \(verifies FR-001\): Given/);
    const kiro = systemPrompt({ template: builtInTemplates.get('kiro')!, style: 'ears', numbering: { ...tech, next: {} } });
    assert.match(kiro, /\(verifies REQ-1\): WHEN <event> THEN the system SHALL/);
    assert.match(kiro, /## Acceptance Criteria/, 'an optional criteria section is still asked for');
    const rfc = systemPrompt({ template: builtInTemplates.get('rfc')!, style: 'given-when-then', numbering: { ...tech, next: {} } });
    assert.match(rfc, /then ## Requirements and ## Acceptance Criteria, which this template has no place for/);
  });
});

describe('model translation into a spec that has only a summary', () => {
  it('adds the draft\'s sections in template order, leaves out what the draft left out, and the spec passes the rules', async () => {
    const spec = '# Usage export\n\n## Summary\n\nFinance admins asked for a PDF export of the usage report.\n';
    const { model } = scriptedModel([REPAIRED_DRAFT]);
    const plan = await translateIntoWithModel(spec, { request: EXPORT_REQUEST, template: techSpec, model, maxRepairRounds: 0, timeoutMs: 10_000 });
    const text = applyFixes(spec, [{ title: 'translate', edits: plan.edits }]).text;
    assert.deepEqual(text.split('\n').filter((line) => line.startsWith('## ')), ['## Summary', '## Problem Statement', '## Goals and Non-Goals', '## Requirements', '## Success Criteria', '## Risks', '## Dependencies', '## Test Plan']);
    assert.match(text, /## Summary\n\nFinance admins asked for a PDF export of the usage report\.\n\n## Problem Statement\n\nFinance admins copy usage figures/);
    assert.deepEqual(realFindings(text), []);
  });
});

describe('rewrites proposed by a model, verified by the rules', () => {
  const spec = [
    '# Export',
    '',
    '## Requirements',
    '',
    '- **REQ-1**: The system shall export the report as a PDF.',
    '',
    '## Success Criteria',
    '',
    '- **AC-1** (verifies REQ-1): Admins are happy with the export.',
    '- **AC-2** (verifies REQ-1): The export is fast and intuitive.',
    '',
  ].join('\n');

  it('asks about the flagged lines only, and keeps the rewrites that clear their findings', async () => {
    const findings = lintText({ text: spec, template: techSpec }).findings;
    assert.ok(findings.some((finding) => finding.ruleId === 'unmeasurable-success-criterion' && finding.start.line === 9));
    const reply = JSON.stringify([
      { line: 9, text: '- **AC-1** (verifies REQ-1): Given a month of usage, when an admin exports it, then the PDF downloads within 10 s.' },
      { line: 10, text: '- **AC-2** (verifies REQ-1): The export is quick and simple.' },
      { line: 5, text: '- **REQ-1**: rewritten although nothing was flagged' },
    ]);
    const { model, requests } = scriptedModel([`\`\`\`json\n${reply}\n\`\`\``]);
    const rewrites = await proposeRewrites(model, spec, techSpec, findings, { timeoutMs: 10_000 });
    assert.match(requests[0][0].content, /Line 9: "- \*\*AC-1\*\* \(verifies REQ-1\): Admins are happy with the export\."\n {2}- unmeasurable-success-criterion: /);
    assert.doesNotMatch(requests[0][0].content, /Line 5:/);
    assert.deepEqual(rewrites.map((rewrite) => [rewrite.line, rewrite.fixes]), [[9, ['unmeasurable-success-criterion']]]);
    assert.equal(rewrites[0].before, '- **AC-1** (verifies REQ-1): Admins are happy with the export.');
  });

  it('says so when the reply is not the JSON asked for', async () => {
    const findings = lintText({ text: spec, template: techSpec }).findings;
    const failure = await failureOf(proposeRewrites(scriptedModel(['Sure! Line 9 should mention a number.']).model, spec, techSpec, findings, { timeoutMs: 10_000 }));
    assert.equal(failure.kind, 'malformed');
  });
});
