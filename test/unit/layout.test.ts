import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { detectLayout } from '../../src/core/layout.js';
import { fakeIo } from './helpers.js';

const SPEC_KIT = '# Feature Specification: Export\n\n## User Scenarios & Testing\n\n### User Story 1 - Export (Priority: P1)\n\n**Acceptance Scenarios**:\n\n1. **Given** a report, **When** I export it, **Then** a PDF downloads.\n\n## Requirements\n\n- **FR-001**: System MUST export reports as PDF.\n\n## Success Criteria\n\n- **SC-001**: 95% of exports finish within 10 s.\n';
const KIRO = '# Requirements Document\n\n## Introduction\n\nSign-in for field staff.\n\n## Requirements\n\n### Requirement 1\n\n**User Story:** As a technician, I want to sign in, so that I see my orders.\n\n#### Acceptance Criteria\n\n1. WHEN the password is right THEN the system SHALL open the order list.\n';
const PROPOSAL = '## Why\n\nAgents copy details by hand.\n\n## What Changes\n\n- Add account linking.\n\n## Impact\n\n- `src/tickets/`\n';
const DELTA = '## ADDED Requirements\n\n### Requirement: Link\nThe view SHALL link a CRM record.\n\n#### Scenario: Link\n- **WHEN** the agent links\n- **THEN** fields fill\n';
// The capability's spec before the change: the delta adds a requirement it does not have yet.
const SPEC = '# cap Specification\n\n## Purpose\n\nLinking.\n\n## Requirements\n\n### Requirement: Open record\nThe view SHALL open a CRM record.\n\n#### Scenario: Open\n- **WHEN** the agent opens a record\n- **THEN** its fields show\n';

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

interface JsonFile {
  path: string;
  template: string;
  templateSource: string;
  reason: string;
  findings: unknown[];
}

describe('spec-driven layouts with no configuration', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'specwise-layout-'));
    write(root, 'specs/001-export/spec.md', SPEC_KIT);
    write(root, 'specs/001-export/plan.md', '# Implementation Plan\n\n## Summary\n\nText.\n');
    write(root, 'specs/001-export/tasks.md', '# Tasks\n\n- [ ] T001 Export FR-001\n');
    write(root, 'specs/001-export/checklists/requirements.md', '# Checklist\n\n- [x] No [NEEDS CLARIFICATION] markers remain\n');
    write(root, 'specs/002-import/spec.md', '# Implementation Spec: Import\n\n## Scope\n\nText.\n');
    write(root, 'specs/phase-4/1-deploy/spec.md', SPEC_KIT);
    write(root, 'specs/phase-4/1-deploy/tasks.md', '# Tasks\n\n- [ ] T001 Export FR-001\n');
    write(root, 'specs/roadmap.md', '# Roadmap\n\n## Q1\n\nText.\n');
    write(root, '.kiro/specs/login/requirements.md', KIRO);
    write(root, '.kiro/specs/login/design.md', '# Design\n\n## Overview\n\nText.\n');
    write(root, '.kiro/specs/login/tasks.md', '- [ ] 1. Sign-in form\n  - _Requirements: 1.1_\n');
    write(root, 'openspec/changes/add-link/proposal.md', PROPOSAL);
    write(root, 'openspec/changes/add-link/tasks.md', '## 1. Build\n\n- [ ] 1.1 Link\n');
    write(root, 'openspec/changes/add-link/specs/linking/spec.md', DELTA);
    write(root, 'openspec/changes/archive/2025-01-01-old/proposal.md', PROPOSAL);
    write(root, 'openspec/specs/linking/spec.md', SPEC);
    write(root, 'docs/notes.md', '# Notes\n\nNot a spec.\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  async function check(args: string[]): Promise<JsonFile[]> {
    const io = fakeIo(root);
    await main(['check', '--format', 'json', ...args], io.io);
    return JSON.parse(io.stdout()).files;
  }

  it('`check .` checks each tool\'s spec files with its template, and says why, also in feature folders grouped under specs/', async () => {
    const files = await check(['.']);
    const summary = Object.fromEntries(files.map((file) => [file.path, `${file.template} (${file.templateSource}): ${file.reason}`]));
    assert.deepEqual(summary, {
      '.kiro/specs/login/requirements.md': 'kiro (layout): Kiro spec folder .kiro/specs/login',
      'openspec/changes/add-link/proposal.md': 'openspec-proposal (layout): OpenSpec change proposal openspec/changes/add-link/proposal.md',
      'openspec/changes/add-link/specs/linking/spec.md': 'openspec-delta (layout): OpenSpec spec delta of change add-link',
      'openspec/changes/archive/2025-01-01-old/proposal.md': 'openspec-proposal (layout): OpenSpec change proposal openspec/changes/archive/2025-01-01-old/proposal.md',
      'openspec/specs/linking/spec.md': 'openspec-spec (layout): OpenSpec capability spec openspec/specs/linking',
      'specs/001-export/spec.md': 'spec-kit (layout): spec-kit feature folder specs/001-export',
      'specs/phase-4/1-deploy/spec.md': 'spec-kit (layout): spec-kit feature folder specs/phase-4/1-deploy',
    });
    for (const file of files) assert.deepEqual(file.findings, [], `${file.path} follows its template`);
  });

  it('plans, tasks, designs, checklists, notes and other kinds of spec.md are not checked as specs', async () => {
    const checked = (await check(['.'])).map((file) => file.path);
    for (const file of ['specs/001-export/plan.md', 'specs/001-export/tasks.md', 'specs/001-export/checklists/requirements.md', 'specs/002-import/spec.md', 'specs/phase-4/1-deploy/tasks.md', 'specs/roadmap.md', '.kiro/specs/login/design.md', 'openspec/changes/add-link/tasks.md', 'docs/notes.md']) {
      assert.ok(!checked.includes(file), file);
    }
  });

  it('globs enter dot-folders such as .kiro/', async () => {
    const files = await check(['**/requirements.md']);
    assert.ok(files.some((file) => file.path === '.kiro/specs/login/requirements.md' && file.template === 'kiro'));
  });

  it('recognizes a Kiro requirements.md outside .kiro by its shape or its design and tasks', async () => {
    const probe = { exists: async (file: string) => file.endsWith('/design.md') };
    const shaped = await detectLayout('/r/.sce/specs/x/requirements.md', KIRO, { exists: async () => false });
    assert.equal(shaped?.template, 'kiro');
    const byCompanions = await detectLayout('/r/.sce/specs/y/requirements.md', '# Requirements\n\n1. The system SHALL work.\n', probe);
    assert.equal(byCompanions?.template, 'kiro');
    assert.equal(await detectLayout('/r/docs/requirements.md', KIRO, probe), undefined);
  });

  it('front matter and configuration overrides win over the layout', async () => {
    write(root, 'specs/003-fm/spec.md', `---\ntemplate: prd\n---\n${SPEC_KIT}`);
    const [file] = await check(['specs/003-fm/spec.md']);
    assert.deepEqual([file.template, file.templateSource], ['prd', 'front-matter']);
    rmSync(path.join(root, 'specs/003-fm'), { recursive: true });
  });
});
