import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, lintText } from '../../src/api.js';
import type { RuleSetting } from '../../src/core/runner.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { PROJECT_ROOT } from './helpers.js';

function run(text: string, ruleId: string, options: { template?: string; settings?: Record<string, RuleSetting>; uri?: string } = {}) {
  const template = builtInTemplates.get(options.template ?? 'tech-spec');
  return lintText({ text, template, settings: options.settings, uri: options.uri }).findings.filter((finding) => finding.ruleId === ruleId);
}

const terms = (text: string, ruleId = 'vague-term', options = {}) => run(text, ruleId, options).map((finding) => text.slice(finding.range.start, finding.range.end));

function keepsAllText(before: string, after: string): boolean {
  let at = 0;
  for (const char of before.replace(/\s+/g, '')) {
    at = after.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

describe('language rules', () => {
  it('read only normative text: not code, quotes, headings, link targets or prose sections', () => {
    const text = [
      '---',
      'summary: a fast export',
      '---',
      '## Summary',
      '',
      'Customers want a fast, user-friendly export.',
      '',
      '## Requirements',
      '',
      '### Fast exports',
      '',
      '- **REQ-1**: The export shall use `fast-path` mode and the [export API](https://example.com/fast-quick).',
      '- **REQ-2**: The label shall read "Fast export".',
      '- **REQ-3**: The export shall be fast.',
      '',
      '```text',
      'The system shall be fast.',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(terms(text), ['fast']);
    assert.equal(run(text, 'vague-term')[0].start.line, 14);
  });

  it('reads "shall" sentences outside requirement sections, in the modal clause only; "must" there is description', () => {
    const text = '## Design\n\nSome parts shall be phased in. The cache shall be fast. It shall work, and many teams use it. Many CPUs exist. The old cache must be quick to rebuild.\n';
    assert.deepEqual(terms(text), ['fast']);
  });

  it('keeps positions exact in wrapped list items and after escapes', () => {
    const text = '## Requirements\n\n- **REQ-1**: The system shall export \\*all\\* reports and\n  remain robust under load.\n';
    const [finding] = run(text, 'vague-term');
    assert.equal(text.slice(finding.range.start, finding.range.end), 'robust');
    assert.deepEqual([finding.start.line, finding.start.column], [4, 10]);
  });

  it('counts quantifiers only when they count things', () => {
    const text = '## Requirements\n\n- The system shall support several file formats.\n- The system shall accept some type T.\n- The system shall retry at some point.\n- The system shall show how many users are online.\n';
    assert.deepEqual(terms(text), ['several']);
  });

  it('vague-term leaves words the statement itself settles: purposes, consequences, sub-items, enumerations, splits, struck-out requirements', () => {
    const text = [
      '## Requirements',
      '',
      '- **REQ-1**: The guide shall use consistent headings to enable easy scanning.',
      '- **REQ-2**: The tracker shall drop stale partials, making it more responsive to new ones.',
      '- **REQ-3**: The library shall provide a fast approximation of the curve.',
      '  - It must run at least 3x faster than the exact curve.',
      '- **REQ-4**: The system shall provide a comprehensive user guide explaining concepts, commands, and workflows.',
      '- **REQ-5**: The tool shall list tests that fail in some runs but pass in others.',
      '- **REQ-6**: ~~The library must provide a fast exponent~~ REMOVED: the standard one is faster.',
      '- **REQ-7**: The voice with the lowest instantaneous amp-envelope level shall be stolen first.',
      '- **REQ-8**: The system shall be able to support many formats.',
      '- **REQ-9**: The export shall be fast.',
      '  1. Also for large files.',
      '  - **REQ-10**: The import shall be fast.',
      '  - **REQ-11**: Reports shall be comprehensive, covering every scenario.',
      '- **REQ-12**: The repository shall hold a comprehensive README.md with an overview, features, and a quick start.',
      '- **REQ-13**: The page will be server-rendered to ensure fast initial load.',
      '- **REQ-14**: The system shall show user-friendly error messages when a sync fails, with guidance on corrective action.',
      '- **REQ-15**: The agent shall not present several tasks in one reply.',
      '- **REQ-16**: The data layer shall tell failure types apart so callers can handle each appropriately.',
      '- **REQ-17**: The factory shall inject appropriate credentials for each gateway type.',
      '- **REQ-19**: When data is incomplete, the system shall clearly indicate data limitations.',
      '- **REQ-18**: The header shall sit below the status bar with sufficient spacing so that no part of it overlaps the notch.',
      '- **REQ-20**: When the user has sufficient credits, the system shall deduct the cost and start the job.',
      '- **REQ-21**: The package shall contain a minimal application stub that answers `--help`.',
      '- **REQ-22**: If the index is lost, the system shall gracefully degrade to discovery mode.',
      '- **REQ-23**: Detection shall degrade gracefully when a channel is missing (no exceptions, no spurious faults).',
      '- **REQ-24**: The system shall handle network failures gracefully.',
      '- **REQ-25**: Limiters shall pass transients with minimal coloration.',
      '- **REQ-26**: Each reply shall include sufficient context for the reviewer.',
      '- **REQ-27**: The system shall provide comprehensive documentation for package management workflows: creation, building, publishing, and installation.',
      '- **REQ-28**: Startup shall fail fast with a clear error when the token is missing.',
      '- **REQ-29**: Answer types shall be chosen in the quick settings panel.',
      '- **REQ-30**: The chapter shall state what readers will not learn yet to set appropriate expectations.',
      '- **REQ-31**: If WebGL fails, the renderer shall provide graceful degradation to CSS-based visuals.',
      '- **REQ-32**: The player shall emit timing signals sufficient to compute seek latency.',
      '- **REQ-33**: Layouts shall use the responsive grid system of the component library.',
      '- **REQ-34**: The app shall show a user-friendly error message if startup fails, rather than a crash trace.',
      '- **REQ-35**: The dashboard shall show a responsive grid of thumbnails.',
      '- **REQ-36**: The workflow shall run each call with the appropriate protocol handler.',
      '- **REQ-37**: The form shall show an appropriate error message.',
      '',
    ].join('\n');
    assert.deepEqual(terms(text), ['many', 'fast', 'fast', 'comprehensive', 'gracefully', 'minimal', 'sufficient', 'responsive', 'appropriate']);
  });

  it('vague-term leaves a word the document binds to a value elsewhere ("immediately (within 500ms)")', () => {
    const text = '## Requirements\n\n- **FR-001**: The form MUST validate the amount immediately.\n- **FR-002**: The page MUST load fast.\n\n## Success Criteria\n\n- **SC-001**: Users see validation errors immediately (within 500ms).\n';
    assert.deepEqual(terms(text, 'vague-term', { template: 'spec-kit' }), ['fast']);
    const animations = '## Requirements\n\n- THE Typing_Indicator SHALL use smooth pulse animations.\n- THE search SHALL be quick.\n- THE System SHALL maintain smooth 60fps animations.\n- THE list SHALL load quick 3 times in a row.\n';
    assert.deepEqual(terms(animations), ['quick'], 'a number with its unit right after the word binds it; a count does not');
  });

  it('vague-term leaves a word followed by the oracle that decides it, or that is part of a name the document defines', () => {
    const text = [
      '## Glossary',
      '',
      '- **Quick_Questions**: Pre-defined question buttons for common queries',
      '',
      '## Requirements',
      '',
      '- **FR-001**: The system MUST handle NaN and infinity correctly according to IEEE standards.',
      '- **FR-002**: The system MUST preserve the quick questions feature.',
      '- **FR-003**: The system MUST handle rounding correctly.',
      '- **FR-004**: The system MUST answer quick replies and quick lookups.',
      '',
    ].join('\n');
    assert.deepEqual(terms(text), ['correctly', 'quick']);
  });

  it('vague-term leaves a word the next AND step or a stated transition spells out', () => {
    const text = [
      '### Requirement: Setup',
      '',
      '#### Scenario: JSON without flags',
      '- **THEN** the tool SHALL fail clearly',
      '- **AND** it SHALL explain that `--json` requires `--no-interactive`',
      '',
      '#### Scenario: Import',
      '- **THEN** the tool SHALL fail clearly',
      '',
      '## Success Criteria',
      '',
      '- **SC-001**: isComplete() correctly transitions from false to true when the position reaches the end.',
      '- **SC-002**: The player works correctly after a restart.',
      '',
    ].join('\n');
    assert.deepEqual(terms(text), ['clearly', 'correctly']);
  });

  it('vague-term leaves level names and contents listed with "with"; open-ended-clause leaves /etc paths', () => {
    const text = [
      '## Requirements',
      '',
      '- **REQ-1**: The system SHALL store a difficulty enum (easy/medium/hard/competition).',
      '- **REQ-2**: Users SHALL see a comprehensive README with an overview, features, and a quick start guide.',
      '- **REQ-3**: The wizard SHALL create /etc/hosts and /etc/hostname.',
      '- **REQ-4**: The setup SHALL be easy.',
      '- **REQ-5**: Converge mode MUST pick from the edges inward: lowest, highest, second-lowest, second-highest, and so on.',
      '- **REQ-6**: With a 500 ms delay, the first repeat MUST appear in the left channel at 500 ms, the second repeat in the right channel at 1000 ms, and so on alternating.',
      '- **REQ-7**: The export MUST support PDF, CSV, and so on.',
      '',
    ].join('\n');
    assert.deepEqual(terms(text), ['easy']);
    assert.deepEqual(terms(text, 'open-ended-clause'), ['and so on']);
  });

  it('vague-term asks a responsive layout for the widths it must fit', () => {
    const [finding] = run('## Requirements\n\n- **REQ-1**: The dashboard shall be responsive.\n', 'vague-term');
    assert.match(finding.message, /latency .* or for a layout the screen widths it must fit/);
  });

  it('ids in a heading that opens with them are defined, even when the heading names a tracing word ("SC-003: Security Compliance")', () => {
    const text = '## Success Criteria\n\n### SC-001: Registration\n\n95% of sign-ups succeed.\n\n### SC-003: Security Compliance\n\nNo known vulnerability remains.\n\n## Notes\n\nSee SC-003.\n';
    assert.deepEqual(run(text, 'undefined-requirement-reference', { template: 'spec-kit' }), []);
  });

  it('takes extraTerms and ignoreTerms as literal phrases', () => {
    const text = '## Requirements\n\n- The page shall be blazing fast, really.* and robust.\n';
    const settings = { 'vague-term': { severity: 'warning' as const, options: { extraTerms: ['blazing fast', 'really.*'], ignoreTerms: ['robust'] } } };
    assert.deepEqual(terms(text, 'vague-term', { settings }), ['blazing fast', 'really.*']);
  });

  it('skips escape clauses that name their condition', () => {
    const text = '## Requirements\n\n- Data shall be deleted as required by the GDPR.\n- Data shall be deleted as required.\n';
    assert.deepEqual(terms(text, 'escape-clause'), ['as required']);
    assert.equal(run(text, 'escape-clause')[0].start.line, 4);
  });

  it('skips escape clauses followed by what happens otherwise', () => {
    const text = '## Requirements\n\n- The tool shall infer the change from context if possible, or select the only active change.\n- The tool shall infer the change from context if possible.\n- Output shall be bit-exact where possible, otherwise within -120 dB.\n';
    assert.deepEqual(run(text, 'escape-clause').map((finding) => finding.start.line), [4]);
  });

  it('stops flagging once the clarification marker follows, and the fix adds exactly that', () => {
    const text = '## Requirements\n\n- The export shall be fast, etc.\n';
    const fixes = [...run(text, 'vague-term'), ...run(text, 'open-ended-clause')].flatMap((finding) => finding.fixes);
    const fixed = applyFixes(text, fixes).text;
    assert.equal(fixed, '## Requirements\n\n- The export shall be fast [NEEDS CLARIFICATION: quantify "fast"], etc. [NEEDS CLARIFICATION: complete the list]\n');
    assert.deepEqual([...run(fixed, 'vague-term'), ...run(fixed, 'open-ended-clause')], []);
    assert.equal(run(fixed, 'unresolved-placeholder').length, 2);
  });
});

describe('structured TPM rules', () => {
  it('unmeasurable-success-criterion reads tables by row and paragraphs only without lists', () => {
    const text = '## Success Criteria\n\nWe measure:\n\n| ID | Criterion | Target |\n| --- | --- | --- |\n| SC-1 | Export latency | p95 under 10 s |\n| SC-2 | Admin satisfaction | high |\n';
    const findings = run(text, 'unmeasurable-success-criterion');
    assert.deepEqual(findings.map((finding) => finding.start.line), [8]);
    const fixed = applyFixes(text, [findings[0].fixes[0]]).text;
    assert.match(fixed, /\| high \[NEEDS CLARIFICATION: measurable target/);
    assert.deepEqual(run('## Success Criteria\n\nAdmins are happy.\n', 'unmeasurable-success-criterion').length, 1);
  });

  it('risk-without-mitigation takes a handling clause after the risk as its mitigation', () => {
    const text = '## Risks\n\n- Marker misuse can break parsing; enforce placement rules in tests.\n- Paths may exceed 260 characters; add path checks.\n- Tool formats may change, requiring updates.\n';
    assert.deepEqual(run(text, 'risk-without-mitigation').map((finding) => finding.start.line), [5]);
  });

  it('risk-without-mitigation asks for a Mitigation column when a table has none', () => {
    const text = '## Risks\n\n| Risk | Owner |\n| --- | --- |\n| Renderer times out | Ana |\n| Quota runs out; fallback: second relay | Omar |\n';
    const findings = run(text, 'risk-without-mitigation');
    assert.deepEqual(findings.map((finding) => finding.start.line), [5]);
    assert.match(findings[0].message, /table has no Mitigation column/);
  });

  it('adds sub-items at the item indentation, for ordered lists too', () => {
    const text = '## Risks\n\n1. Renderer times out.\n2. Quota runs out.\n   - Seen in March.\n';
    const fixed = applyFixes(text, run(text, 'risk-without-mitigation').flatMap((finding) => finding.fixes)).text;
    assert.equal(fixed, '## Risks\n\n1. Renderer times out.\n   - Mitigation: TBD\n2. Quota runs out.\n   - Seen in March.\n   - Mitigation: TBD\n');
  });

  it('unmeasurable-success-criterion takes a yes/no state (present, unavailable, hidden) or a quoted UI label as observable', () => {
    const text = '## Success Criteria\n\n- **SC-004**: Link sharing unavailable to guest users, with a clear prompt to register.\n- **SC-008**: `README.md` is present and contains meaningful project context.\n- **SC-009**: Users find the page clear and useful.\n- **SC-010**: Unsaved changes are clearly indicated with "Modified" state.\n- **SC-011**: Lo-Fi mode sounds deliberately "broken" in a musically useful way.\n';
    assert.deepEqual(run(text, 'unmeasurable-success-criterion').map((finding) => finding.start.line), [5, 7]);
  });

  it('unmeasurable-success-criterion reads "Quick access" and "Quick Actions" as names', () => {
    const text = '## Success Criteria\n\n- Quick access to start a visit from the appointment item.\n- Quick Actions panel: buttons for Add Patient and New Visit.\n- Users find the page quick.\n';
    assert.deepEqual(run(text, 'unmeasurable-success-criterion').map((finding) => finding.start.line), [5]);
  });

  it('unmeasurable-success-criterion takes conventions set by something named and existing as the check, not "best practices" or a look', () => {
    const text = '## Success Criteria\n\n- **SC-008**: Agent definitions follow consistent structure and conventions established by existing StreamHub agent files.\n- **SC-009**: Agent definitions are consistent with industry best practices.\n- **SC-010**: The panel is visually consistent with existing effect panels (Phaser, Delay) in layout and spacing.\n';
    assert.deepEqual(run(text, 'unmeasurable-success-criterion').map((finding) => finding.start.line), [4, 5]);
  });

  it('unmeasurable-success-criterion rewrites as Given/When/Then after the id label', () => {
    const text = '## Success Criteria\n\n- **SC-3**: Admins are happy.\n';
    const [finding] = run(text, 'unmeasurable-success-criterion');
    const rewrite = finding.fixes.find((fix) => fix.title.includes('Given/When/Then'));
    assert.ok(rewrite);
    assert.equal(applyFixes(text, [rewrite]).text, '## Success Criteria\n\n- **SC-3**: Given TBD, when TBD, then Admins are happy.\n');
  });

  it('unresolved-placeholder: TBD and clarification markers are info to fill in; TODO stays a warning', () => {
    const text = '## Plan\n\n- Stage 1: TBD\n- Stage 2: TODO\n- Auth: [NEEDS CLARIFICATION: SSO or password?]\n';
    const findings = run(text, 'unresolved-placeholder');
    assert.deepEqual(findings.map((finding) => [text.slice(finding.range.start, finding.range.end), finding.severity, finding.data?.toFillIn === true]), [
      ['TBD', 'info', true],
      ['TODO', 'warning', false],
      ['[NEEDS CLARIFICATION: SSO or password?]', 'info', true],
    ]);
    const strict = { 'unresolved-placeholder': { severity: 'warning' as const, options: { toFillIn: 'warning' } } };
    assert.deepEqual(run(text, 'unresolved-placeholder', { settings: strict }).map((finding) => finding.severity), ['warning', 'warning', 'warning']);
  });

  it('missing-section inserts criteria citing the requirements the spec defines', () => {
    const text = '# Export\n\n## Requirements\n\n- **FR-001**: The system shall export PDF.\n- **FR-002**: The system shall email it.\n';
    const finding = run(text, 'missing-section').find((candidate) => candidate.data?.section === 'success-criteria')!;
    const fixed = applyFixes(text, finding.fixes).text;
    assert.match(fixed, /## Success Criteria\n\n- Given TBD, when TBD, then TBD \(verifies FR-001\)\.\n- Given TBD, when TBD, then TBD \(verifies FR-002\)\.\n/);
    assert.deepEqual(run(fixed, 'requirement-without-acceptance'), []);
    assert.deepEqual(run(fixed, 'undefined-requirement-reference'), []);
  });

  it('missing-section places a section beside the sections in template order, not beside one out of place', () => {
    const text = '# Import\n\n## Test Plan\n\nManual.\n\n## Requirements\n\n- The system shall import CSV.\n\n## Success Criteria\n\n- 95% of imports finish in 10 s.\n';
    const timeline = run(text, 'missing-section').find((candidate) => candidate.data?.section === 'timeline')!;
    const fixed = applyFixes(text, timeline.fixes).text;
    assert.deepEqual(fixed.match(/^## .*/gm), ['## Test Plan', '## Requirements', '## Success Criteria', '## Timeline']);
    assert.equal(run(fixed, 'section-order').length, run(text, 'section-order').length);
  });

  it('missing-section puts a top-level section beside the section a nested anchor sits in, so the fix is found again', () => {
    const text = '# Feature Specification: Import\n\n## User Scenarios & Testing\n\n### User Story 1 - Import (Priority: P1)\n\n**Acceptance Scenarios**:\n\n1. **Given** a file, **When** I import it, **Then** rows appear.\n\n## Requirements\n\n- **FR-001**: System MUST import CSV.\n\n### Key Entities\n\n- **Row**: one record.\n\n## Review Checklist\n\n- [ ] Done\n';
    const criteria = run(text, 'missing-section', { template: 'spec-kit' }).find((candidate) => candidate.data?.section === 'success-criteria')!;
    const fixed = applyFixes(text, criteria.fixes).text;
    assert.deepEqual(fixed.match(/^#{2,3} .*/gm), ['## User Scenarios & Testing', '### User Story 1 - Import (Priority: P1)', '## Requirements', '### Key Entities', '## Success Criteria', '### Measurable Outcomes', '## Review Checklist']);
    assert.deepEqual(run(fixed, 'missing-section', { template: 'spec-kit' }).filter((finding) => finding.data?.section === 'success-criteria'), []);
  });

  it('requirement-without-acceptance creates one criteria section for several requirements', () => {
    const text = '# Export\n\n## Requirements\n\n- **REQ-1**: The system shall export PDF.\n- The system must email it.\n\n## Risks\n\n- None known; we monitor load.\n';
    const findings = run(text, 'requirement-without-acceptance');
    assert.equal(findings.length, 2);
    const fixed = applyFixes(text, findings.flatMap((finding) => finding.fixes));
    assert.deepEqual(fixed.skipped, []);
    assert.equal((fixed.text.match(/## Success Criteria/g) ?? []).length, 1);
    assert.match(fixed.text, /- \*\*REQ-2\*\*: The system must email it\./);
    assert.match(fixed.text, /## Success Criteria\n\n- Given TBD, when TBD, then TBD \(verifies REQ-1\)\.\n- Given TBD, when TBD, then TBD \(verifies REQ-2\)\.\n\n## Risks/);
    assert.deepEqual(run(fixed.text, 'requirement-without-acceptance'), []);
  });

  it('requirement-without-acceptance accepts Kiro-style acceptance criteria under each requirement', () => {
    const text = readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/templates/kiro.md'), 'utf8');
    const second = `${text}\n### Requirement 2\n\n**User Story:** As a technician, I want to sync, so that the office sees my work.\n\n#### Acceptance Criteria\n\n1. WHEN the device reconnects THEN the app SHALL upload pending work orders within 60 s.\n`;
    assert.deepEqual(run(second, 'requirement-without-acceptance', { template: 'ears' }), []);
    assert.deepEqual(run(second, 'unmeasurable-success-criterion', { template: 'ears' }), []);
  });

  it('requirement-without-acceptance is silent for templates without success criteria', () => {
    assert.deepEqual(run('## Motivation\n\n- The compiler must reject this.\n', 'requirement-without-acceptance', { template: 'rfc' }), []);
  });

  it('ids: definitions open an item, references elsewhere, ids in code and PR numbers ignored', () => {
    const text = '## Requirements\n\n- **FR-001**: System MUST import CSV.\n- R1.2 The importer shall skip blank rows.\n\n## Success Criteria\n\n- **SC-001**: 5,000 rows import in under 2 minutes (FR-001, R1.2, FR-009).\n- See `REQ-77` and PR-123.\n';
    assert.deepEqual(run(text, 'undefined-requirement-reference').map((finding) => text.slice(finding.range.start, finding.range.end)), ['FR-009']);
    assert.deepEqual(run(text, 'duplicate-requirement-id'), []);
  });

  it('ids with an area (FR-LOG-02) form their own family; a story\'s "ID:" defines the ids nothing else defines', () => {
    const text = [
      '## User Scenarios & Testing',
      '',
      '### User Story 1 - Sign in (Priority: P1)',
      '',
      '**ID**: US-ADMIN-01',
      '',
      '### User Story 2 - Invite (Priority: P1)',
      '',
      '**IDs**: US-ADMIN-02, US-ADMIN-03',
      '',
      '### User Story 3 - Log book (Priority: P2)',
      '',
      '**ID**: FR-LOG-02',
      '',
      '## Requirements',
      '',
      '- **FR-LOG-02**: Owners MUST be able to write log entries (see US-ADMIN-03 and FR-LOG-09).',
      '- **FR-001**: The system MUST keep the roadmap\'s FR-MORPH-001 in mind.',
      '',
    ].join('\n');
    assert.deepEqual(run(text, 'duplicate-requirement-id', { template: 'spec-kit' }), []);
    // FR-LOG-09 is of a family the spec defines (FR-LOG); FR-MORPH-001 is not.
    assert.deepEqual(terms(text, 'undefined-requirement-reference', { template: 'spec-kit' }), ['FR-LOG-09']);
  });

  it('duplicate-requirement-id points at the first definition', () => {
    const text = '## Requirements\n\n- REQ-1: A shall B.\n\n### More\n\n- REQ-1: C shall D.\n';
    const [finding] = run(text, 'duplicate-requirement-id');
    assert.equal(finding.start.line, 7);
    assert.equal(finding.related?.[0].start.line, 3);
    assert.equal(finding.severity, 'error');
  });

  it('duplicate-requirement-id leaves a summary that restates a criterion word for word, not one that says something else', () => {
    const text = '## Success Criteria\n\n- **SC-001**: 95% of exports finish in 10 s.\n- **SC-002**: Users find the export button at a glance.\n\n### Summary\n\n- SC-001: 95% of exports finish in 10 s.\n- **SC-002**: Users find the export and import buttons at a glance.\n';
    assert.deepEqual(run(text, 'duplicate-requirement-id', { template: 'spec-kit' }).map((finding) => [finding.start.line, finding.data?.id]), [[9, 'SC-002']]);
  });

  it('dependency-without-owner reads no dependency in an entry saying there is none, nor in a domain noun that names a contract', () => {
    const text = '## Dependencies\n\n- **D-003**: Frontend form with contract date and value inputs\n- **D-005**: No external API or third-party dependencies required\n- **D-006**: Signed contract with the payment vendor\n';
    assert.deepEqual(run(text, 'dependency-without-owner').map((finding) => finding.start.line), [5]);
  });

  it('requirement-without-acceptance takes numbered criteria written as lines of a paragraph as a Kiro requirement\'s criteria', () => {
    const text = '## 需求 1：API 与 Worker 进程分离\n\n1.1 WHEN 启动 API 进程 THEN 系统 SHALL 仅启动 HTTP Server。  \n1.2 WHEN 启动 Worker 进程 THEN 系统 SHALL 仅消费任务。\n\n## 需求 2：并发参数可配置\n\n并发应当可以配置。\n';
    assert.deepEqual(run(text, 'requirement-without-acceptance', { template: 'kiro' }).map((finding) => finding.start.line), [6]);
  });

  it('risk-without-mitigation takes a "Mitigated:" item as the answer to the risk listed right before it', () => {
    const text = '## Risks\n\n- Temporary: learning curve for new contributors\n- Mitigated: clear documentation and consistent patterns\n- Paths may break after the refactor\n';
    assert.deepEqual(run(text, 'risk-without-mitigation').map((finding) => finding.start.line), [5]);
    const shared = '## Risk Assessment\n\n- **Medium Risk**: FFmpeg integration and LGPL compliance\n- **Medium Risk**: audio capture differs per platform\n- **Mitigation**: platform testing, hardware fallbacks, quality presets\n- **Medium Risk**: storage fills up during long recordings\n';
    assert.deepEqual(run(shared, 'risk-without-mitigation').map((finding) => finding.start.line), [6], 'a mitigation item answers every risk listed since the previous one');
  });

  it('risk-without-mitigation takes a check the risk sentence plans, in Chinese, as its handling', () => {
    const text = '## 风险\n\n- 动画兼容性与性能需在低端机型测试\n- 第三方接口可能不稳定\n';
    assert.deepEqual(run(text, 'risk-without-mitigation').map((finding) => finding.start.line), [4]);
  });

  it('risk-without-mitigation takes a check the risk says must be run as its handling, not a question left to clarify', () => {
    const text = [
      '## Risks',
      '',
      '- Calculations relying on `rate_8h` will break. (Need to verify if any exist).',
      '- Financial totals may change; we need to clarify the rounding rule.',
      '- Необходимость тестирования доступности с новой палитрой',
      '- Требуется обновление маркетинговых материалов',
      '',
    ].join('\n');
    assert.deepEqual(run(text, 'risk-without-mitigation').map((finding) => finding.start.line), [4, 6]);
  });

  it('risk-without-mitigation leaves an entry that says there is no risk, or argues it away, but not one that names a hazard', () => {
    const text = [
      '## Risks',
      '',
      '- Frontend components might break if they assume only 2 states',
      '- Existing data is compatible (todo/done are still valid)',
      '- Intentional design choice: mobile hides the key. However, `HandButton` already supports showing "H" on desktop.',
      '- Old exports remain valid only if the schema version is kept',
      '- Users may rely on the old label, but support will answer questions',
      '',
    ].join('\n');
    assert.deepEqual(run(text, 'risk-without-mitigation').map((finding) => finding.start.line), [3, 6, 7]);
  });

  it('risk-without-mitigation reads a risk table\'s columns in the templates\' languages ("Mitigación", "Responsable")', () => {
    const text = '## Riesgos\n\n| Riesgo | Mitigación |\n|---|---|\n| Fuga de datos entre clientes | Tests negativos; queries siempre por `client_id` |\n| Imágenes demo pesadas | |\n\n## Risiken\n\n| Risiko | Wahrscheinlichkeit | Maßnahme | Verantwortlich |\n|---|---|---|---|\n| Ausfall des Anbieters | mittel | Zweiter Anbieter | |\n';
    assert.deepEqual(run(text, 'risk-without-mitigation').map((finding) => [finding.start.line, finding.data?.field]), [[6, 'mitigation'], [12, 'owner']]);
  });

  it('ids that open each line of a criteria paragraph define those criteria; an id inside a line still cites', () => {
    const text = '## Acceptance Criteria\n\n### 1. Visual issues\n**AC-1.1:** The background must be purple in all modes\n**AC-1.2:** Decorations must be visible during play\nAC-1.3: Grass must render green, as AC-1.9 says\n';
    assert.deepEqual(terms(text, 'undefined-requirement-reference', { template: 'kiro' }), ['AC-1.9']);
  });

  it('risk-without-mitigation reads a list after a "**Mitigation**:" line closing a field paragraph, and a dash clause that ensures or configures', () => {
    const text = [
      '## Risks and Mitigations',
      '',
      '### Risk 1: The free tier runs out of storage',
      '',
      '**Probability**: Low',
      '**Impact**: High',
      '**Mitigation**:',
      '- Monitoring script for usage',
      '- Alert at 90%',
      '',
      '## Risks',
      '',
      '- **Security** – ensure JWT secrets come from `.env`; store the admin password hashed.',
      '- **Rate limit** – configurable in `app-config.ts`.',
      '- **Vendor lock-in** – the API is proprietary.',
      '',
    ].join('\n');
    assert.deepEqual(run(text, 'risk-without-mitigation').map((finding) => finding.start.line), [15]);
  });

  it('requirement-without-acceptance takes a story\'s Chinese acceptance scenarios ("**验收场景**:", 给定/当/那么) as its acceptance', () => {
    const text = [
      '## User Scenarios & Testing *(mandatory)*',
      '',
      '### User Story 1 - 面包屑导航 (Priority: P1)',
      '',
      '**验收场景**:',
      '',
      '1. **给定** 用户在任意页面，**当** 页面加载完成，**那么** 顶部应该显示完整的面包屑路径',
      '',
      '### User Story 2 - 左侧导航菜单 (Priority: P1)',
      '',
      '1. **给定** 用户点击任意菜单项，**当** 点击完成，**那么** 页面应该导航到对应的功能模块',
      '',
      '### User Story 3 - 响应式布局 (Priority: P2)',
      '',
      '用户可以在小屏幕上使用系统。',
      '',
    ].join('\n');
    assert.deepEqual(run(text, 'requirement-without-acceptance', { template: 'spec-kit' }).map((finding) => finding.start.line), [13]);
  });

  it('vague-term leaves "quick" naming an affordance, a purpose to maintain, a word of the capability\'s name, and a delta requirement its scenario spells out', () => {
    const text = [
      '## Requirements',
      '',
      '- IF the credits are lengthy THEN the system SHALL provide a table of contents or quick navigation.',
      '- THE system SHALL enable quick approval/rejection actions.',
      '- THE system SHALL refresh tokens before expiration to maintain seamless user experience.',
      '- THE page SHALL load quick enough for users.',
      '',
    ].join('\n');
    assert.deepEqual(terms(text), ['quick']);
    const delta = [
      '## Requirements',
      '',
      '### Requirement: Splash commands',
      'The command SHALL generate splash command files with comprehensive integration.',
      '',
      '#### Scenario: Generating splash commands',
      '- **WHEN** the user selects RooCode',
      '- **THEN** create `.roo/commands/openspec-proposal.md`',
      '',
      '## ADDED Requirements',
      '',
      '### Requirement: Seeding',
      'The system SHALL seed the database.',
      '',
      '#### Scenario: Seed',
      '- **WHEN** the database is empty',
      '- **THEN** the comprehensive tenant seeder SHALL run',
      '',
    ].join('\n');
    assert.deepEqual(terms(delta, 'vague-term', { template: 'openspec-delta', uri: 'file:///repo/openspec/changes/x/specs/comprehensive-tenant-seeding/spec.md' }), []);
    assert.deepEqual(terms(delta, 'vague-term', { template: 'openspec-delta', uri: 'file:///repo/openspec/changes/x/specs/seeding/spec.md' }), ['comprehensive']);
  });

  it('unmeasurable-success-criterion takes "X alone is sufficient to <verb>" as a claim that holds or not', () => {
    const text = '## Success Criteria\n\n- **SC-303**: Updating the config file alone is sufficient to change the links in header and footer.\n- **SC-304**: Documentation is sufficient.\n';
    assert.deepEqual(run(text, 'unmeasurable-success-criterion').map((finding) => finding.start.line), [4]);
  });

  it('unmeasurable-success-criterion takes a replacement as a yes/no outcome', () => {
    const criteria = '## Success Criteria\n\n- Custom confirmation dialog replaces browser `confirm()` with better UX\n- Dialogs offer a better UX\n';
    assert.deepEqual(run(criteria, 'unmeasurable-success-criterion').map((finding) => finding.start.line), [4]);
  });

  it('requirement-without-acceptance takes Kiro criteria written as WHEN/THEN paragraphs under "#### Acceptance Criteria" as the requirement\'s criteria', () => {
    const text = [
      '## Requirements',
      '',
      '### Requirement 1: User Registration',
      '',
      '**User Story:** As a new customer, I want an account, so that I can buy.',
      '',
      '#### Acceptance Criteria',
      '',
      '**WHEN** a user submits valid registration information  ',
      '**THEN** the system **SHALL** create a new user account',
      '',
      '**WHEN** a user registers with an existing email  ',
      '**THEN** the system **SHALL** display "Email already registered"',
      '',
      '### Requirement 2: Email Verification',
      '',
      '**User Story:** As a user, I want to verify my email, so that I can shop.',
      '',
      '#### Acceptance Criteria',
      '',
      'Verification works as in the old shop.',
      '',
    ].join('\n');
    assert.deepEqual(run(text, 'requirement-without-acceptance', { template: 'kiro' }).map((finding) => finding.start.line), [15]);
  });

  it('vague-term leaves a verdict the system reports and a message whose content the statement gives', () => {
    const text = [
      '## Requirements',
      '',
      '- WHEN a user enters a password meeting all rules, THE Password_Validator SHALL indicate the password is acceptable.',
      '- WHEN no orders exist, THE Order_Management SHALL display an appropriate message encouraging the user to make their first purchase.',
      '- THE response time SHALL be acceptable.',
      '- WHEN the search fails, THE system SHALL display an appropriate message.',
      '',
    ].join('\n');
    assert.deepEqual(terms(text), ['acceptable', 'appropriate']);
  });

  it('duplicate-requirement-id and references skip a list introduced as an example', () => {
    const text = '## Requirements\n\n- **FR-006**: Tests MUST NOT delete `.env`.\n\n*Example of marking unclear requirements:*\n\n- **FR-006**: System MUST authenticate users via [NEEDS CLARIFICATION: auth method]\n- **FR-099**: System MUST retain data.\n';
    assert.deepEqual(run(text, 'duplicate-requirement-id', { template: 'spec-kit' }), []);
    assert.deepEqual(run(text, 'undefined-requirement-reference', { template: 'spec-kit' }), []);
  });

  it('reads a feature named in the title ("Feature Specification: Multi-Stage Review Workflow") as a name, not as a review section', () => {
    const text = [
      '# Feature Specification: Multi-Stage Review Workflow',
      '',
      '## Functional Requirements',
      '',
      '- **FR-001**: The system MUST record each stage decision.',
      '- **FR-002**: After a terminal decision, visibility rules MAY reveal evaluator comments.',
      '',
      '## Success Criteria _(mandatory, testable)_',
      '',
      '### Testable Outcomes',
      '',
      '- **SC-001**: All automated tests pass after the upgrade.',
      '- **SC-002**: Reviewers can find every decision with guidance that is easy to follow.',
      '',
    ].join('\n');
    assert.deepEqual(run(text, 'undefined-requirement-reference', { template: 'spec-kit' }), []);
    assert.deepEqual(terms(text, 'vague-term', { template: 'spec-kit' }), ['easy']);
  });

  it('undefined-requirement-reference leaves an id the spec says it withdrew or lacks ("see FR-003 removal below", "has no FR-099")', () => {
    const text = [
      '## Requirements',
      '',
      '- **FR-001**: The service MUST store objects.',
      '- **FR-002**: The service MUST reject invalid bucket names (see FR-003 removal below).',
      '',
      '> **Removed 2026-07-19**: FR-003 (automatic default buckets) was dropped; buckets are left to the developer.',
      '',
      '## Success Criteria',
      '',
      '- **SC-001**: FR-004 holds for 99% of uploads.',
      '- **SC-002**: Given tasks cite FR-098 but the spec has no FR-099, the validator warns.',
      '',
    ].join('\n');
    assert.deepEqual(terms(text, 'undefined-requirement-reference', { template: 'spec-kit' }), ['FR-004', 'FR-098']);
  });

  it('requirement-without-acceptance takes an inline "Acceptance:" list, or an Independent Test that states its check, as a story\'s acceptance', () => {
    const story = (title: string, body: string) => `### ${title} (Priority: P1)\n\nA user lists the records.\n\n${body}\n\n`;
    const text = `## User Scenarios & Testing\n\n${story('User Story 1 - List', '**Independent Test**: open the list.\n**Acceptance**: (1) the table shows both statuses; (2) search filters by name.')}${story('User Story 2 - Edit', '**Independent Test**: open the form.')}${story('User Story 3 - Look up', '**Independent Test**: Can be fully tested by looking up an account by IBAN and verifying its premium status.')}`;
    assert.deepEqual(run(text, 'requirement-without-acceptance', { template: 'spec-kit' }).map((finding) => finding.data?.block), ['User Story 2 - Edit (Priority: P1)']);
  });

  it('risk-without-mitigation takes a sentence saying what the team will do, or that the risk is acceptable, as its handling', () => {
    const text = '## Risks\n\n- Existing data might need migration if we drop columns. For now, we might just hide them.\n- Revenue may be computed differently. We need to clarify it.\n- Data in these fields will be lost. (Acceptable as per user request).\n';
    assert.deepEqual(run(text, 'risk-without-mitigation').map((finding) => finding.start.line), [4]);
  });

  it('dependency-without-owner reads no assumptions under a combined "Dependencies and Assumptions" heading', () => {
    const text = '## 5. Dependencies and Assumptions\n\n### 5.1 Dependencies\n\n- Sign-off from legal\n\n### 5.2 Assumptions\n\n- The partner API stays available\n';
    assert.deepEqual(run(text, 'dependency-without-owner').map((finding) => finding.start.line), [5]);
  });

  it('unresolved-placeholder leaves a template comment over a section its sub-sections fill in', () => {
    const comment = '<!--\n  ACTION REQUIRED: Define measurable success criteria.\n-->';
    const filled = `## Success Criteria\n\n${comment}\n\n### Measurable Outcomes\n\n- **SC-001**: 95% of imports finish in 2 s.\n`;
    assert.deepEqual(run(filled, 'unresolved-placeholder', { template: 'spec-kit' }), []);
    const questioned = filled.replace('in 2 s.', 'in 2 s [NEEDS CLARIFICATION: which imports?].');
    assert.deepEqual(run(questioned, 'unresolved-placeholder', { template: 'spec-kit' }).map((finding) => finding.data?.placeholder), ['[NEEDS CLARIFICATION: which imports?]']);
    const stillTemplate = `## Success Criteria\n\n${comment}\n\n### Measurable Outcomes\n\n- **SC-001**: [Measurable metric, e.g., "Users can complete account creation in under 2 minutes"]\n`;
    assert.deepEqual(terms(stillTemplate, 'unresolved-placeholder', { template: 'spec-kit' }).slice(1), ['[Measurable metric, e.g., "Users can complete account creation in under 2 minutes"]']);
    const chips = '## Requirements\n\n- **FR-001**: Filter chips are shown: [FILING] [COURT] [SPREAD_MOVE] [NEWS]\n- **FR-002**: The header reads [PROJECT NAME] [DATE]\n- Use [NEEDS CLARIFICATION: specific question] for any assumption you would make\n- **FR-003**: Sign-in MUST use [NEEDS CLARIFICATION: which provider?]\n';
    assert.deepEqual(terms(chips, 'unresolved-placeholder', { template: 'spec-kit' }), ['[PROJECT NAME]', '[DATE]', '[NEEDS CLARIFICATION: which provider?]']);
    const entities = '## Key Entities\n\n- **[Entity 1]**: [What it represents, key attributes without implementation]\n';
    assert.deepEqual(terms(entities, 'unresolved-placeholder', { template: 'spec-kit' }), ['[Entity 1]', '[What it represents, key attributes without implementation]']);
    assert.equal(run(stillTemplate, 'unresolved-placeholder', { template: 'spec-kit' }).filter((finding) => finding.data?.placeholder === 'comment').length, 1);
  });

  it('unresolved-placeholder ignores code, mentions and HTML tags, and honours its options', () => {
    const text = '## Plan\n\nStage 1: TBD. The "TBD" label means open. Use <br> and `TODO`, Vec<item> and <owner name>.\n\n<!-- Describe the plan. -->\n<!-- specwise-disable-next-line vague-term -->\n\n```\nTODO\n```\n';
    assert.deepEqual(terms(text, 'unresolved-placeholder'), ['TBD', '<owner name>', '<!-- Describe the plan. -->']);
    const settings = { 'unresolved-placeholder': { severity: 'warning' as const, options: { ignoreTerms: ['tbd'], comments: false } } };
    assert.deepEqual(terms(text, 'unresolved-placeholder', { settings }), ['<owner name>']);
  });
});

describe('fix safety on the examples', () => {
  for (const file of ['examples/report-export.spec.md', 'examples/checkout-redesign.spec.md']) {
    it(`${file}: every fix alone and all together keep the text and parse`, () => {
      const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
      const { findings } = lintText({ text });
      const fixes = findings.flatMap((finding) => finding.fixes);
      for (const fix of fixes) {
        const result = applyFixes(text, [fix]);
        assert.ok(keepsAllText(text, result.text), fix.title);
        assert.doesNotThrow(() => lintText({ text: result.text }));
      }
      const all = applyFixes(text, fixes);
      assert.ok(keepsAllText(text, all.text));
      assert.ok(lintText({ text: all.text }).findings.every((finding) => finding.ruleId !== 'internal-error'));
    });
  }

  it('the complete example has no findings at all', () => {
    const text = readFileSync(path.join(PROJECT_ROOT, 'examples/checkout-redesign.spec.md'), 'utf8');
    assert.deepEqual(lintText({ text }).findings.map((finding) => `${finding.start.line} ${finding.ruleId}: ${finding.message}`), []);
  });
});
