import assert from 'node:assert/strict';
import { referencesOf, symbolAt } from '../../src/trace/navigate.js';
import { planRename } from '../../src/trace/rename.js';
import { indexOf, ROOT } from './trace-helpers.js';

const SPEC = `# Feature Specification: Export

## Requirements

- **FR-001**: System MUST export a report as PDF.
- **FR-002**: System MUST explain an empty export.

## Success Criteria

- **SC-001**: 95% of exports finish within 10 s (verifies FR-001).
`;

const TASKS = `# Tasks: Export

## Phase 3: User Story 1 - Export a report

- [ ] T010 Render the PDF [FR-001]
- [ ] T011 Render the PDF header (FR-001a) and explain empty exports (FR-002)
`;

const KIRO = `# Requirements Document

## Requirements

### Requirement 1: Sign in

**User Story:** As a user, I want to sign in, so that I see my data.

#### Acceptance Criteria

1. WHEN the user submits valid credentials THEN the system SHALL open the dashboard
`;

async function workspace() {
  return indexOf({
    '.specwise.json': JSON.stringify({ trace: { tests: ['tests/**'] } }),
    'specs/004-export/spec.md': SPEC,
    'specs/004-export/tasks.md': TASKS,
    '.kiro/specs/login/requirements.md': KIRO,
    '.kiro/specs/login/tasks.md': '- [ ] 1. Sign-in form\n  - _Requirements: 1.1_\n',
    'tests/export.test.ts': "it('004-export/FR-001 writes a PDF', () => {});\n",
  });
}

const at = (text: string, needle: string, nth = 0) => {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  return index + 1;
};

describe('traceability navigation and rename', () => {
  it('finds the requirement at a citation, and every place that names it', async () => {
    const { index } = await workspace();
    const symbol = symbolAt(index, `${ROOT}/specs/004-export/tasks.md`, at(TASKS, 'FR-001'))!;
    assert.equal(symbol.requirement.id, 'FR-001');
    const places = referencesOf(index, symbol.requirement).map((location) => `${location.path.slice(ROOT.length + 1)}:${location.start.line}:${location.kind}`);
    assert.deepEqual(places, ['specs/004-export/spec.md:5:definition', 'specs/004-export/spec.md:10:citation', 'specs/004-export/tasks.md:5:citation', 'specs/004-export/tasks.md:6:citation', 'tests/export.test.ts:1:citation']);
    const fromTest = symbolAt(index, `${ROOT}/tests/export.test.ts`, 16)!;
    assert.equal(fromTest.requirement.file.path, `${ROOT}/specs/004-export/spec.md`);
    const kiro = symbolAt(index, `${ROOT}/.kiro/specs/login/tasks.md`, '- [ ] 1. Sign-in form\n  - _Requirements: '.length + 1)!;
    assert.equal(kiro.requirement.id, 'Requirement 1');
    assert.equal(kiro.id, '1.1');
  });

  it('plans a rename in every file that writes the id, parts included, and refuses what it cannot rename', async () => {
    const { index } = await workspace();
    const plan = planRename(index, `${ROOT}/specs/004-export/spec.md`, at(SPEC, 'FR-001'), 'FR-010');
    assert.ok('edits' in plan, JSON.stringify(plan));
    const edits = Object.fromEntries([...plan.edits].map(([path, list]) => [path.slice(ROOT.length + 1), list.map((edit) => `${edit.start.line}:${edit.start.column}-${edit.end.column}`)]));
    assert.deepEqual(edits, {
      'specs/004-export/spec.md': ['5:5-11', '10:59-65'],
      'specs/004-export/tasks.md': ['5:28-34', '6:35-41'],
      'tests/export.test.ts': ['1:16-22'],
    });
    assert.deepEqual(planRename(index, `${ROOT}/specs/004-export/spec.md`, at(SPEC, 'FR-001'), 'FR-002'), { error: "'FR-002' is already defined in 004-export: pick a free id." });
    assert.match((planRename(index, `${ROOT}/specs/004-export/spec.md`, at(SPEC, 'FR-001'), 'export one') as { error: string }).error, /is not a requirement id/);
    assert.match((planRename(index, `${ROOT}/.kiro/specs/login/requirements.md`, at(KIRO, 'Requirement 1'), 'REQ-1') as { error: string }).error, /numbered by its heading/);
  });
});
