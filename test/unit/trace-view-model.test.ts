import assert from 'node:assert/strict';
import type { MatrixFeature, MatrixRow } from '../../src/trace/matrix.js';
import { lensTitle, traceTree } from '../../src/extension/trace-view-model.js';

const row = (id: string, overrides: Partial<MatrixRow> = {}): MatrixRow => ({ id, kind: 'requirement', title: `${id}: The system shall export.`, file: '/ws/spec.md', line: 3, criteria: [], tasks: [], tests: [], design: [], code: [], gaps: [], ...overrides });

describe('the Traceability view and CodeLens titles', () => {
  it('counts what the conventions ask for, with the gaps first', () => {
    const link = { file: '/ws/tasks.md', line: 4, id: 'T001', label: 'T001 Export' };
    assert.equal(lensTitle(row('FR-001', { tasks: [link, link], tests: [link], criteria: [link, link, link] }), { tasks: true, tests: true }), '2 tasks · 1 test · 3 criteria');
    assert.equal(lensTitle(row('FR-002', { criteria: [link] }), { tasks: false, tests: false }), '1 criterion');
    assert.equal(lensTitle(row('FR-003', { gaps: ['requirement-without-task'] }), { tasks: true, tests: false }), '$(warning) no task');
    assert.equal(lensTitle(row('FR-004', { gaps: ['requirement-without-test'], tasks: [link] }), { tasks: true, tests: true }), '$(warning) no test · 1 task');
    assert.equal(lensTitle(row('FR-005', {}), { tasks: false, tests: false }), 'no links');
  });

  it("shows the feature's requirements with their links, and its other findings", () => {
    const feature: MatrixFeature = {
      name: '003-export',
      path: '/ws/specs/003-export',
      layout: 'spec-kit',
      tasksTrace: ['FR', 'story'],
      requirements: [
        row('FR-002', { gaps: ['requirement-without-task'] }),
        row('FR-001', { tasks: [{ file: '/ws/tasks.md', line: 5, id: 'T002', label: 'T002 Render the PDF', done: true }], design: [{ file: '/ws/specs/003-export/plan.md', line: 160 }] }),
      ],
      findings: [
        { path: '/ws/tasks.md', ruleId: 'orphan-task', severity: 'warning', docsUrl: '', message: 'Task T009 is linked to no requirement.', range: { start: 0, end: 1 }, start: { line: 9, column: 1 }, end: { line: 9, column: 2 }, fixes: [] },
      ],
    };
    const [root] = traceTree(feature, (path) => path.slice(4));
    assert.equal(root.description, '1 of 2 with gaps');
    assert.equal(root.tooltip, 'specs/003-export: 2 requirements, 1 with gaps, 1 other finding; tasks trace FR ids and user stories');
    assert.deepEqual(root.children.map((node) => [node.label, node.description, node.gap ?? false]), [
      ['FR-002', 'no task · The system shall export.', true],
      ['FR-001', 'The system shall export.', false],
      ['Other findings (1)', undefined, true],
    ]);
    const tasks = root.children[1].children.find((node) => node.label.startsWith('Tasks'))!;
    assert.deepEqual(tasks.children.map((node) => [node.label, node.description, node.done, node.location]), [['T002 Render the PDF', 'tasks.md:5', true, { path: '/ws/tasks.md', line: 5 }]]);
    // Only groups with links; a design note is named by its file and line, its folder after.
    assert.deepEqual(root.children[0].children, []);
    assert.deepEqual(root.children[1].children.map((node) => node.label), ['Tasks (1)', 'Design (1)']);
    const design = root.children[1].children[1].children[0];
    assert.deepEqual([design.label, design.description], ['plan.md:160', 'specs/003-export']);
    assert.equal(traceTree(undefined, (path) => path)[0].kind, 'message');
  });
});
