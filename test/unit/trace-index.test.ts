import assert from 'node:assert/strict';
import { idsBetween } from '../../src/trace/extract/id-citations.js';
import { markdownFacts } from '../../src/trace/extract/markdown.js';
import { codeFacts } from '../../src/trace/extract/code.js';
import { kiroLists } from '../../src/trace/extract/kiro-lists.js';
import { indexOf, ROOT, summary } from './trace-helpers.js';

const SPEC_KIT_SPEC = `# Feature Specification: Export

## User Scenarios & Testing

### User Story 1 - Export a report (Priority: P1)

As an analyst I want a PDF.

**Acceptance Scenarios**:

1. **Given** a report, **When** I export, **Then** a PDF downloads.
2. **Given** no data, **When** I export, **Then** I see why.

### User Story 2 - Schedule exports (Priority: P2)

As an analyst I want weekly exports.

**Acceptance Scenarios**:

1. **Given** a schedule, **When** Monday comes, **Then** the export is emailed.

## Requirements

### Functional Requirements

- **FR-001**: System MUST export a report as PDF.
- **FR-002**: System MUST explain an empty export.
- **FR-003**: System MUST email scheduled exports.
- **FR-004**: System MUST keep exports for 30 days.
- **FR-005**: System MUST log every export.

## Success Criteria

- **SC-001**: 95% of exports finish within 10 s.
`;

const SPEC_KIT_TASKS = `# Tasks: Export

## Phase 1: Setup

- [ ] T001 Create the export module

## Phase 2: User Story 1 - Export a report (Priority: P1)

- [ ] T002 [US1] Render the PDF [FR-001]
- [ ] T003 [US1] Explain empty exports [FR-002]
- [ ] T004 [US1] Keep exports for 30 days [FR-004]
- [ ] T005 [US1] Log exports [FR-005, FR-009]

## Phase 3: Reporting dashboard

- [ ] T006 Build a dashboard of exports
- [ ] T007 Chart export volume

## Phase 4: Polish & Cross-Cutting Concerns

- [ ] T008 Update the user guide
`;

const KIRO_REQUIREMENTS = `# Requirements Document

## Introduction

Sign-in for the portal.

## Requirements

### Requirement 1: Sign in

**User Story:** As a user, I want to sign in, so that I see my data.

#### Acceptance Criteria

1. WHEN the user submits valid credentials THEN the system SHALL open the dashboard
2. WHEN the credentials are wrong THEN the system SHALL say so

### Requirement 2: Sign out

**User Story:** As a user, I want to sign out, so that nobody else uses my session.

#### Acceptance Criteria

1. WHEN the user signs out THEN the system SHALL end the session
`;

const KIRO_TASKS = `# Implementation Plan

- [ ] 1. Build the sign-in form
  - Validate the fields
  - _Requirements: 1.1, 1.2_

- [ ] 2. Handle wrong passwords
  - _Requirements: 1.9_

- [ ] 3. Add a theme switcher

- [ ] 4. Checkpoint - Ensure all tests pass
`;

describe('traceability index', () => {
  it('reads spec-kit stories, FR ids and tasks, and links tasks by tag, phase and citation', async () => {
    const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC, 'specs/001-export/tasks.md': SPEC_KIT_TASKS });
    const feature = index.feature(`${ROOT}/specs/001-export`)!;
    assert.deepEqual([...feature.requirements.keys()], ['US1', 'US2', 'FR-001', 'FR-002', 'FR-003', 'FR-004', 'FR-005', 'SC-001']);
    const story = feature.requirements.get('US1')!;
    assert.equal(story.definition.criteria?.length, 2);
    const tasksOf = (id: string) => [...new Set(feature.requirements.get(id)!.citedBy.flatMap((cited) => (cited.citation.tasks ?? []).map((task) => cited.file.tasks[task].id)))];
    assert.deepEqual(tasksOf('US1'), ['T002', 'T003', 'T004', 'T005']);
    assert.deepEqual(tasksOf('FR-001'), ['T002']);
    assert.deepEqual(summary(index), [
      // US2 has no task; FR-003 none either, where the tasks cite four of five FRs.
      'specs/001-export/spec.md:14 requirement-without-task US2',
      'specs/001-export/spec.md:28 requirement-without-task FR-003',
      // FR-009 is not defined; the dashboard phase is linked to nothing (one finding for both tasks).
      'specs/001-export/tasks.md:12 unknown-requirement-reference FR-009',
      'specs/001-export/tasks.md:16 orphan-task',
    ]);
    const orphan = index.findings().find((finding) => finding.ruleId === 'orphan-task')!;
    assert.match(orphan.message, /^Tasks T006 and T007 \(under 'Phase 3: Reporting dashboard'\) are linked to no requirement/);
  });

  it('stays silent on FR ids when the tasks do not trace them', async () => {
    const tasks = SPEC_KIT_TASKS.replace(/ \[FR-[^\]]+\]/g, '').replace('## Phase 3: Reporting dashboard\n\n- [ ] T006 Build a dashboard of exports\n- [ ] T007 Chart export volume\n\n', '');
    const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC, 'specs/001-export/tasks.md': tasks });
    assert.deepEqual(summary(index), ['specs/001-export/spec.md:14 requirement-without-task US2']);
  });

  it('needs a tasks file before it asks for tasks', async () => {
    const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC });
    assert.deepEqual(summary(index), []);
  });

  it("reads Kiro's numbered requirements and criteria, and the tasks' requirement lists", async () => {
    const { index } = await indexOf({ '.kiro/specs/login/requirements.md': KIRO_REQUIREMENTS, '.kiro/specs/login/tasks.md': KIRO_TASKS });
    const feature = index.feature(`${ROOT}/.kiro/specs/login`)!;
    assert.deepEqual([...feature.requirements.keys()], ['Requirement 1', 'Requirement 2']);
    assert.deepEqual(feature.requirements.get('Requirement 1')!.definition.criteria?.map((criterion) => criterion.id), ['1.1', '1.2']);
    assert.deepEqual(summary(index), [
      '.kiro/specs/login/requirements.md:18 requirement-without-task Requirement 2',
      '.kiro/specs/login/tasks.md:10 orphan-task',
      '.kiro/specs/login/tasks.md:8 unknown-requirement-reference 1.9',
    ]);
    // A requirement its own title puts off for later needs no task yet.
    const later = await indexOf({ '.kiro/specs/login/requirements.md': KIRO_REQUIREMENTS.replace('### Requirement 2: Sign out', '### Requirement 2: Sign out (Future)'), '.kiro/specs/login/tasks.md': KIRO_TASKS });
    assert.ok(!summary(later.index).some((entry) => entry.includes('requirement-without-task')), summary(later.index).join('\n'));
  });

  it('reads Kiro lists in their written forms', () => {
    const ids = (text: string) => kiroLists(text).flatMap((list) => list.items.map((item) => item.id));
    assert.deepEqual(ids('Requirements: 1.2, 3.1'), ['1.2', '3.1']);
    assert.deepEqual(ids('Validates: Requirements 2.1-2.3'), ['2.1', '2.2', '2.3']);
    assert.deepEqual(ids('验证: Requirement 1, 2'), ['Requirement 1', 'Requirement 2']);
    assert.deepEqual(ids('Requirements: Requirement 4 (Mode A), 5.2'), ['Requirement 4', '5.2']);
    assert.deepEqual(kiroLists('Requirements: All')[0].words, 'All');
    // "6.x" stands for the whole requirement, and so do the ends of "1.x–3.x".
    assert.deepEqual(ids('_Requirements: 2.3, 5.x, 6.x_'), ['2.3', 'Requirement 5', 'Requirement 6']);
    assert.deepEqual(ids('_Requirements: 1.x–3.x, 9.6_'), ['Requirement 1', 'Requirement 2', 'Requirement 3', '9.6']);
  });

  it("checks OpenSpec deltas against the capability's spec, and skips archived changes", async () => {
    const base = '# cli Specification\n\n## Purpose\n\nThe CLI.\n\n## Requirements\n\n### Requirement: List changes\nThe CLI SHALL list changes.\n\n#### Scenario: List\n- **WHEN** I run list\n- **THEN** changes show\n';
    const delta = [
      '## ADDED Requirements\n\n### Requirement: List changes\nThe CLI SHALL list changes as JSON.\n\n#### Scenario: JSON\n- **WHEN** I pass --json\n- **THEN** JSON shows\n',
      '## MODIFIED Requirements\n\n### Requirement: Show change\nThe CLI SHALL show a change.\n\n#### Scenario: Show\n- **WHEN** I run show\n- **THEN** the change shows\n',
      '## RENAMED Requirements\n\n- FROM: `### Requirement: List changes`\n- TO: `### Requirement: List all changes`\n',
    ].join('\n');
    const { index } = await indexOf({
      'openspec/specs/cli/spec.md': base,
      'openspec/changes/add-json/proposal.md': '## Why\n\nScripts.\n\n## What Changes\n\n- JSON output\n',
      'openspec/changes/add-json/specs/cli/spec.md': delta,
      'openspec/changes/archive/2024-01-01-old/specs/cli/spec.md': delta,
    });
    assert.deepEqual(summary(index), ['openspec/changes/add-json/specs/cli/spec.md:12 openspec-delta-mismatch', 'openspec/changes/add-json/specs/cli/spec.md:3 openspec-delta-mismatch']);
    const messages = index.findings().map((finding) => finding.message);
    assert.match(messages[0], /^ADDED requirement 'List changes' already exists in openspec\/specs\/cli\/spec\.md/);
    assert.match(messages[1], /^MODIFIED requirement 'Show change', but openspec\/specs\/cli\/spec\.md has no requirement 'Show change'/);
  });

  it('links tests to requirements by title, tag and label, and asks for a test of each requirement when tests are configured', async () => {
    const config = JSON.stringify({ trace: { tests: ['tests/**/*.ts'] } });
    const spec = '# Checkout\n\n## Requirements\n\n- **REQ-1**: The system shall accept cards.\n- **REQ-2**: The system shall accept vouchers.\n- **REQ-3**: The system shall email receipts.\n';
    const test = "it('REQ-1 accepts a card', () => {});\n// @req REQ-2\ntest('vouchers', () => {});\n// Verifies: REQ-7\n";
    const { index } = await indexOf({ '.specwise.json': config, 'specs/checkout.md': spec, 'tests/checkout.test.ts': test, 'src/app.ts': '// REQ-3' });
    assert.deepEqual(summary(index), ['specs/checkout.md:7 requirement-without-test REQ-3', 'tests/checkout.test.ts:4 unknown-requirement-reference REQ-7']);
    const feature = index.feature(`${ROOT}/specs/checkout.md`)!;
    const tests = index.workspaceLinks().byRequirement.get(feature.requirements.get('REQ-1')!.key)!;
    assert.deepEqual(tests.map((cited) => `${cited.file.path.slice(ROOT.length + 1)}:${cited.citation.start.line}`), ['tests/checkout.test.ts:1']);
  });

  it('asks tests to name the feature of an id several features define', async () => {
    const config = JSON.stringify({ trace: { tests: ['tests/**'] } });
    const spec = (name: string) => `# ${name}\n\n## Requirements\n\n- **REQ-1**: The system shall ${name}.\n`;
    const { index } = await indexOf({ '.specwise.json': config, 'specs/cards.md': spec('cards'), 'specs/vouchers.md': spec('vouchers'), 'tests/pay.test.ts': "it('REQ-1 pays', () => {});\nit('cards/REQ-1 pays by card', () => {});\n" });
    assert.deepEqual(summary(index), ['specs/vouchers.md:5 requirement-without-test REQ-1', 'tests/pay.test.ts:1 unknown-requirement-reference REQ-1']);
    assert.match(index.findings().find((finding) => finding.ruleId === 'unknown-requirement-reference')!.message, /defined in 2 features \(cards, vouchers\): name the feature, as in 'cards\/REQ-1'/);
  });

  it('reports an id defined by two spec files of one feature', async () => {
    const extra = '---\ntemplate: tech-spec\n---\n# Export API\n\n## Requirements\n\n- **FR-001**: The API SHALL return the PDF.\n';
    const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC, 'specs/001-export/api.md': extra });
    assert.deepEqual(summary(index), ['specs/001-export/spec.md:26 duplicate-requirement-id FR-001']);
  });

  it("leaves a requirement name two capabilities of one OpenSpec change share, delta or not: each capability names its own", async () => {
    const capability = (name: string) => `# ${name} Specification\n\n## Requirements\n\n### Requirement: Test Isolation\nThe ${name} tests SHALL run without a network.\n\n#### Scenario: Offline\n- **WHEN** the network is down\n- **THEN** the tests pass\n`;
    const { index } = await indexOf({
      'openspec/changes/add-search/proposal.md': '## Why\n\nSearch.\n\n## What Changes\n\n- Search\n',
      'openspec/changes/add-search/specs/vector-sync/spec.md': capability('vector-sync'),
      'openspec/changes/add-search/specs/hybrid-search/spec.md': capability('hybrid-search'),
    });
    assert.deepEqual(summary(index).filter((entry) => entry.includes('duplicate-requirement-id')), []);
  });

  it('updates incrementally: unchanged text is not read again, and an edit re-resolves its feature', async () => {
    const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC, 'specs/001-export/tasks.md': SPEC_KIT_TASKS });
    const path = `${ROOT}/specs/001-export/tasks.md`;
    const same = markdownFacts({ path, text: SPEC_KIT_TASKS, role: 'tasks', layout: 'spec-kit', feature: `${ROOT}/specs/001-export` });
    assert.equal(index.update(same), false);
    const fixed = SPEC_KIT_TASKS.replace('- [ ] T004 [US1] Keep exports for 30 days [FR-004]', '- [ ] T004 [US1] Keep exports for 30 days [FR-004]\n- [ ] T009 [US2] Email scheduled exports [FR-003]');
    assert.equal(index.update(markdownFacts({ path, text: fixed, role: 'tasks', layout: 'spec-kit', feature: `${ROOT}/specs/001-export` })), true);
    assert.deepEqual(summary(index), ['specs/001-export/tasks.md:13 unknown-requirement-reference FR-009', 'specs/001-export/tasks.md:17 orphan-task']);
    index.remove(path);
    assert.deepEqual(summary(index), []);
  });

  it('reads citations from code with the configured patterns', () => {
    const facts = codeFacts('/ws/t.py', 'def test_export():\n    """@requirement FR-001, 003-export/FR-002"""\n', 'test', { builtIn: ['tag'], custom: [/covers\((?<ids>[^)]*)\)/gmu] });
    assert.deepEqual(facts.citations.map((citation) => `${citation.qualifier ?? ''}/${citation.id}@${citation.start.line}:${citation.start.column}`), ['/FR-001@2:21', '003-export/FR-002@2:40']);
    const custom = codeFacts('/ws/t.py', '@covers(REQ-4, REQ-5)\n', 'test', { builtIn: [], custom: [/covers\((?<ids>[^)]*)\)/gmu] });
    assert.deepEqual(custom.citations.map((citation) => citation.id), ['REQ-4', 'REQ-5']);
  });

  it('reads ranges, mapping tables, deferrals and parts the way a plan writes them', async () => {
    const spec = `# Feature Specification: Filter

## User Scenarios & Testing

### User Story 1 - Filter audio (Priority: P1)

**Acceptance Scenarios**:

1. **Given** a signal, **When** I filter it, **Then** highs fall.

### User Story 2 - Automate (Priority: P3)

**Acceptance Scenarios**:

1. **Given** automation, **When** it plays, **Then** the cutoff follows.

## Requirements

- **FR-001**: System MUST provide a lowpass mode.
- **FR-002**: System MUST provide a highpass mode.
- **FR-003**: System MUST provide a bandpass mode.
- **FR-004**: System MUST clamp the cutoff.
- **FR-005**: System MUST keep the API header-only.
- **FR-006**: System MUST not allocate while processing: (a) no new, (b) no vectors.
`;
    const tasks = `# Tasks: Filter

## Phase 3: User Story 1 - Filter audio (Priority: P1)

**Requirements Covered**: FR-001 to FR-003, from Phase 2's scaffolding

- [ ] T010 [US1] Implement the modes
- [ ] T011 [US1] Clamp the cutoff (FR-004), and test FR-006b

## Phase 9: Completion Verification

- [ ] T090 Review FR-001 through FR-006 against the code

| Requirement | Tasks |
| --- | --- |
| FR-006 | T090 |

## Notes

- US2 is excluded from this task list: a future enhancement.
`;
    const { index } = await indexOf({ 'specs/002-filter/spec.md': spec, 'specs/002-filter/tasks.md': tasks });
    // FR-002 comes from the range; FR-005 only from the review, which builds nothing; FR-006 from the mapping table; US2 is deferred.
    assert.deepEqual(summary(index), ['specs/002-filter/spec.md:23 requirement-without-task FR-005']);
    assert.match(index.findings()[0].message, /only a range in verification or documentation tasks cites it \(T090\)/);
  });

  it('counts the lettered parts a range spans, and a range that ends on a part', async () => {
    const spec = `# Feature Specification: Sweep

## Requirements

- **FR-001**: System MUST sweep the cutoff.
- **FR-002**: System MUST sweep the resonance.
- **FR-002b**: System MUST default the sweep to 20 ms.
- **FR-003**: System MUST sync the sweep to the tempo.
- **FR-004a**: System MUST show the sweep.
- **FR-004b**: System MUST label the sweep.
- **FR-005**: System MUST store the sweep.
`;
    const tasks = `# Tasks: Sweep

## Phase 1: Sweep

- [ ] T001 Implement the sweep engine (FR-001 through FR-003)
- [ ] T002 Draw the sweep (FR-003 to FR-004b)
- [ ] T003 Save the sweep (FR-005)
`;
    const { index } = await indexOf({ 'specs/007-sweep/spec.md': spec, 'specs/007-sweep/tasks.md': tasks });
    assert.deepEqual(summary(index), []);
  });

  it('reads no citation in the stories a format legend gives as examples', async () => {
    const legend = '## Format: `[ID] [P?] [Story] Description`\n\n- **[Story]**: Which user story this task belongs to (e.g., US1, US2, US3)\n\n';
    const tasks = SPEC_KIT_TASKS.replace('## Phase 1: Setup', `${legend}## Phase 1: Setup`);
    const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC, 'specs/001-export/tasks.md': tasks });
    assert.deepEqual(summary(index).filter((entry) => entry.includes('US')), ['specs/001-export/spec.md:14 requirement-without-task US2']);
  });

  it('takes a Kiro task numbered 2.1 as a sub-task of task 2 at the same indent, and reads "_需求 1.1_"', async () => {
    const tasks = '# Implementation Plan\n\n- [x] 1. Build the sign-in form\n- [x] 1.1 Create the form\n  - _Requirements: 1.1_\n\n- [x] 2. Sign out\n- [x] 2.1 End the session\n  - _需求 2.1_\n\n- [ ] 3. Add a theme switcher\n';
    const { index } = await indexOf({ '.kiro/specs/login/requirements.md': KIRO_REQUIREMENTS, '.kiro/specs/login/tasks.md': tasks });
    assert.deepEqual(summary(index), ['.kiro/specs/login/tasks.md:11 orphan-task']);
  });

  it('skips process work, packaging, build runs, added dependencies and a Done When checklist in files without phases', async () => {
    const tasks = KIRO_TASKS.replace('- [ ] 3. Add a theme switcher\n', '- [ ] 3. Prepare patch release\n\n- [ ] 10. 创建测试数据生成器\n  - [ ] 10.1 创建 `src/test/generators.ts`\n\n- [ ] 11. Create property test generators\n\n- [ ] 9. Testing and validation\n  - Test the sign-in flow by hand\n\n- [ ] 5. Documentation\n  - Write the guide\n\n- [ ] 6. Create index file and exports\n\n- [ ] 7. Run `npm run build` and `npm run lint` in both packages\n\n- [ ] 8. Add the APScheduler dependency to pyproject.toml\n\n## Done When\n\n- [ ] The sign-in page passes a visual check\n');
    const { index } = await indexOf({ '.kiro/specs/login/requirements.md': KIRO_REQUIREMENTS, '.kiro/specs/login/tasks.md': tasks });
    assert.deepEqual(summary(index).filter((entry) => entry.includes('orphan-task')), []);
  });

  it('reads ids after slashes, and quantities and criteria phases as what they are', async () => {
    const tasks = `# Tasks: Export

## Phase 2: User Story 1 - Export a report (Priority: P1)

- [ ] T002 [US1] Render the PDF and explain empty exports (FR-001/FR-002)
- [ ] T003 [US1] Keep exports for 30 days (FR-004)

## Phase 3: Edge Cases and Success Criteria Verification

- [ ] T004 Test a 512-sample export buffer (FR-005)
- [ ] T005 Schedule exports by email (FR-003)
- [ ] T006 Build and verify all tests
- [ ] T007 Fix any compiler warnings
`;
    const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC, 'specs/001-export/tasks.md': tasks });
    assert.deepEqual(summary(index), ['specs/001-export/spec.md:14 requirement-without-task US2']);
  });

  it('links tasks to a story by the ids its "ID:" label names, with an area or defined elsewhere, and reads ranges of them', async () => {
    for (const label of ['US-ADMIN-01', 'FR-001']) {
      const spec = SPEC_KIT_SPEC.replace(/(### User Story 1[^\n]*\n)/, `$1\n**ID**: ${label}\n`);
      const tasks = `# Tasks: Export\n\n## Phase 1: Export\n\n- [ ] T001 [${label}] Render the PDF\n- [ ] T002 Explain empty exports\n- [ ] T003 [US2] Email the exports\n`;
      const { index } = await indexOf({ 'specs/001-export/spec.md': spec, 'specs/001-export/tasks.md': tasks });
      assert.deepEqual(summary(index).filter((entry) => /orphan-task|US\d/.test(entry)), ['specs/001-export/tasks.md:6 orphan-task'], label);
    }
    assert.deepEqual(idsBetween('FR-LOG-01', 'FR-LOG-04', ' to '), ['FR-LOG-02', 'FR-LOG-03']);
    assert.deepEqual(idsBetween('FR-LOG-01', 'FR-AUTH-04', ' to '), []);
  });

  it("links tasks carrying a work item the spec lists ('[GAP-001]'), but not one it does not", async () => {
    const spec = `${SPEC_KIT_SPEC}\n## Known Gaps\n\n| ID | Gap |\n| --- | --- |\n| GAP-001 | Opt-out |\n`;
    const tasks = SPEC_KIT_TASKS.replace('## Phase 3: Reporting dashboard\n\n- [ ] T006 Build a dashboard of exports\n- [ ] T007 Chart export volume\n', '## Backlog\n\n- [ ] T006 [GAP-001] Store consent per recipient\n\n## Other\n\n- [ ] T007 [GAP-002] Chart export volume\n');
    const { index } = await indexOf({ 'specs/001-export/spec.md': spec, 'specs/001-export/tasks.md': tasks });
    assert.deepEqual(summary(index).filter((entry) => entry.includes('orphan-task')), ['specs/001-export/tasks.md:20 orphan-task']);
  });

  it('excuses a group whose sub-task serves the whole feature, and reads a task written twice as one', async () => {
    const tasks = '# Implementation Plan\n\n- [x] 1. Build the sign-in form\n- [x] 1.1 Create the form\n  - _Requirements: 1.1_\n\n- [x] 2. Add accessibility features\n- [x] 2.1 ARIA labels everywhere\n  - _Requirements: All_\n\n- [x] 3. Sign out\n\n- [ ] 3. Sign out\n  - [ ] 3.1 End the session\n    - _Requirements: 2.1_\n\n- [ ] 4. Fetch the dashboard data\n  - [ ] 4.1 Create the data service\n    - _Requirements: All data fetching requirements_\n  - [ ] 4.2 Test the service\n\n- [ ] 7. Reset the password\n  - [ ] 7.1 Send the reset link\n    - _Requirements: 2.1_\n\n- [ ] 5. Sign-in flows end to end\n  - [ ] 5.1 Cover the sign-in flows\n    - _Requirements: All requirements - E2E validation_\n\n- [ ] 6. 登入流程\n  - [ ] 6.1 後端流程\n    - _需求: 所有後端相關需求_\n  - [ ] 6.2 前後端串接\n    - _需求: 所有需求的整合測試_\n';
    const { index } = await indexOf({ '.kiro/specs/login/requirements.md': KIRO_REQUIREMENTS, '.kiro/specs/login/tasks.md': tasks });
    assert.deepEqual(summary(index).filter((entry) => entry.includes('orphan-task')), ['.kiro/specs/login/tasks.md:17 orphan-task']);
  });

  it("reads Kiro's optional and in-progress tasks (\"- [ ]* 3.1\", \"- [-] 6.\"), and a group whose sub-tasks each say what they serve is their heading", async () => {
    const tasks = [
      '# Implementation Plan',
      '',
      '- [ ] 1. Build the sign-in form',
      '  - _Requirements: 1.1_',
      '',
      '- [ ] 2. Session handling (Optional)',
      '- [ ]* 2.1 End the session on sign-out',
      '  - _Requirements: 2.1_',
      '',
      '- [ ] 3. Hardening',
      '  - [ ] 3.1 Rate-limit sign-in',
      '    - _Requirements: NFR-3.1.1_',
      '  - [ ]* 3.2 Lock out after five failures',
      '    - _Requirements: NFR-3.1.2_',
      '',
      '- [ ]* 4. Write the test suite',
      '  - [ ]* 4.1 Unit tests for the form',
      '  - [ ]* 4.2 End-to-end tests of sign-in',
      '  - _Requirements: All requirements for validation_',
      '',
      '- [ ]* 5. Remember the device',
      '',
      '- [-] 6. Prepare for distribution',
      '  - [x] 6.1 Create the .vscodeignore file',
      '',
      '- [-] 7. Sign out everywhere',
      '  - _Requirements: 2.1_',
      '',
    ].join('\n');
    const { index } = await indexOf({ '.kiro/specs/login/requirements.md': KIRO_REQUIREMENTS, '.kiro/specs/login/tasks.md': tasks });
    assert.deepEqual(summary(index).filter((entry) => entry.includes('orphan-task')), ['.kiro/specs/login/tasks.md:21 orphan-task']);
  });

  it("reads a citation beside a path in the feature's own folder (\"specs/001-export/checklists/log.md [REQ: FR-003]\") as the feature's", async () => {
    const tasks = '# Tasks\n\n- [ ] T009 Record the evidence in specs/001-export/checklists/log.md [REQ: FR-003, SC-001]\n- [ ] T010 Port the exporter of specs/002-import [FR-003]\n';
    const facts = markdownFacts({ path: `${ROOT}/specs/001-export/tasks.md`, text: tasks, role: 'tasks', layout: 'spec-kit', feature: `${ROOT}/specs/001-export` });
    assert.deepEqual(facts.citations.map((citation) => `${citation.id} ${citation.context}`), ['FR-003 trace', 'SC-001 trace', 'FR-003 external']);
  });

  it("skips wiring a piece into the app's entry point", async () => {
    const tasks = SPEC_KIT_TASKS.replace('- [ ] T007 Chart export volume', '- [ ] T007 Register the exports router in `api/app/main.py`\n- [ ] T009 Export the Export model in `api/app/models/__init__.py`');
    const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC, 'specs/001-export/tasks.md': tasks });
    assert.deepEqual(summary(index).filter((entry) => entry.includes('orphan-task')), ['specs/001-export/tasks.md:16 orphan-task']);
  });

  it('reads a phase titled in Chinese as quality or deployment work', async () => {
    for (const phase of ['Phase 0: Structural Boundary Enforcement', 'Phase 8: Data Seeding', '测试和质量保证', '阶段 8: 监控与可观测性', '阶段 9: 安全与合规', '阶段 10: 集成测试与优化']) {
      const tasks = SPEC_KIT_TASKS.replace('## Phase 3: Reporting dashboard', `## ${phase}`);
      const { index } = await indexOf({ 'specs/001-export/spec.md': SPEC_KIT_SPEC, 'specs/001-export/tasks.md': tasks });
      assert.deepEqual(summary(index).filter((entry) => entry.includes('orphan-task')), [], phase);
    }
  });
});

