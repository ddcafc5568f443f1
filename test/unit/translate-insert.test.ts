import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../../src/api.js';
import { applyFixes } from '../../src/core/fix.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { translateInto } from '../../src/translate/index.js';
import { PROJECT_ROOT } from './helpers.js';

const techSpec = builtInTemplates.get('tech-spec')!;
const COMPLETE = readFileSync(path.join(PROJECT_ROOT, 'test/e2e/fixture/specs/complete.spec.md'), 'utf8');
const REQUEST = 'Store managers should be able to see low-stock alerts on their phones quickly, even when the store Wi-Fi is down, and reorder from the supplier portal with one tap.';

/** The spec after the translation went in, and the plan's ids. */
async function into(spec: string, request: string, templateName = 'tech-spec') {
  const template = builtInTemplates.get(templateName)!;
  const plan = await translateInto(spec, template, request);
  assert.equal(plan.kind, 'edits', `no edits for: ${request}`);
  if (plan.kind !== 'edits') throw new Error('unreachable');
  const result = applyFixes(spec, [{ title: 'translate', edits: plan.edits }]);
  assert.deepEqual(result.skipped, []);
  return { text: result.text, ids: plan.ids };
}

function findings(text: string, templateName = 'tech-spec') {
  return lintText({ text, template: builtInTemplates.get(templateName)! })
    .findings.filter((finding) => !(finding.ruleId === 'unresolved-placeholder' && /^\[NEEDS CLARIFICATION/.test(String(finding.data?.placeholder))))
    .map((finding) => `${finding.start.line} ${finding.ruleId}: ${finding.message}`);
}

const tableRows = (text: string, heading: string) => {
  const section = text.split(/^## /m).find((part) => part.startsWith(heading))!;
  return section.split('\n').filter((line) => /^\|/.test(line) && !/^\| ---/.test(line)).slice(1);
};

describe('translation into an existing spec', () => {
  it('continues every id family after its highest id, and the spec stays free of findings', async () => {
    assert.deepEqual(findings(COMPLETE), []);
    const { text, ids } = await into(COMPLETE, REQUEST);
    assert.deepEqual(ids, ['REQ-5', 'REQ-6', 'NFR-1', 'NFR-2', 'NFR-3']);
    assert.match(text, /- \*\*REQ-4\*\*: The checkout page shall meet WCAG 2\.2 AA\.\n- \*\*REQ-5\*\*: While the store Wi-Fi is down, the system shall show store managers low-stock alerts/);
    assert.match(text, /\| SC-5 \| Given the store Wi-Fi is down, when the store manager opens the low-stock alerts, .+ \| \[NEEDS CLARIFICATION: target\] \| REQ-5 \|/);
    assert.deepEqual(findings(text), []);
  });

  it('adds rows to the Risks, Dependencies and Timeline tables instead of second tables', async () => {
    const before = (COMPLETE.match(/^\| --- /gm) ?? []).length;
    const { text } = await into(COMPLETE, REQUEST);
    assert.equal((text.match(/^\| --- /gm) ?? []).length, before);
    assert.equal(tableRows(text, 'Risks').length, 2 + 2);
    assert.match(tableRows(text, 'Dependencies').slice(-1)[0], /^\| Supplier portal \(the requirements read from or write to it\) \| \[NEEDS CLARIFICATION: owner\] \| \[NEEDS CLARIFICATION: status\] \| \[NEEDS CLARIFICATION: needed-by date\] \|$/);
    assert.deepEqual(tableRows(text, 'Timeline').slice(-2).map((row) => row.split('|')[1].trim()), ['Design review: Show low-stock alerts', 'Launch: Show low-stock alerts']);
  });

  it('maps cells to the table\'s own columns and fills list-style sections with list items', async () => {
    const spec = '# Alerts\n\n## Requirements\n\n- **REQ-1**: The system shall log in users.\n\n## Risks\n\n- Vendors change their APIs.\n  - Mitigation: contract tests.\n\n## Dependencies\n\n| Owner | System | Notes |\n| --- | --- | --- |\n| Ops | Pager | alerts |\n';
    const { text } = await into(spec, 'Dispatchers should be alerted by SMS when a truck is more than 15 minutes late.');
    assert.match(text, /\| \[NEEDS CLARIFICATION: owner\] \| SMS \(text message\) gateway \| delivers the messages \|/);
    assert.match(text, /- Vendors change their APIs\.\n {2}- Mitigation: contract tests\.\n- Messages are delayed, filtered as spam or sent twice\n {2}- Likelihood: \[NEEDS CLARIFICATION: likelihood\]/);
  });

  it('writes criteria the way the spec does: spec-kit ids, EARS statements, numbered lists', async () => {
    const specKit = '# Feature\n\n## Requirements\n\n- **FR-001**: System MUST export reports.\n- **FR-002**: System MUST email reports.\n\n## Success Criteria\n\n- **SC-001** (verifies FR-001): Given a report, when it is exported, then a file exists.\n';
    const kit = await into(specKit, 'Admins should be able to archive reports.', 'spec-kit');
    assert.match(kit.text, /- \*\*FR-003\*\*: The system shall allow admins to archive reports\./);
    assert.match(kit.text, /- \*\*SC-002\*\* \(verifies FR-003\): Given an admin is signed in, when the admin archives reports, then the reports are archived\./);

    const ears = '# Feature\n\n## Requirements\n\n- **REQ-7**: The system shall export reports.\n\n## Acceptance Criteria\n\n1. **AC-3** (verifies REQ-7): WHEN an admin exports a report THEN the system SHALL write a CSV file.\n';
    const kiro = await into(ears, 'If an export fails, admins should be notified.', 'ears');
    assert.match(kiro.text, /\n2\. \*\*AC-4\*\* \(verifies REQ-8\): IF an export fails THEN the system SHALL notify admins\./);
  });

  it('inserts the sections the spec lacks at their template positions and leaves the author\'s summary alone', async () => {
    const spec = '# Export\n\n## Summary\n\nAdmins export reports.\n\n## Requirements\n\n- **REQ-9**: The system shall keep reports for 30 days.\n\n## Test Plan\n\n- Manual test.\n';
    const { text } = await into(spec, 'Admins should be able to email reports to their finance team.');
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    assert.deepEqual(headings, techSpec.sections.filter((section) => section.presence !== 'optional').map((section) => section.title));
    assert.match(text, /## Summary\n\nAdmins export reports\.\n\n## Problem Statement/);
    assert.match(text, /- \*\*REQ-9\*\*: The system shall keep reports for 30 days\.\n- \*\*REQ-10\*\*: The system shall allow admins to email reports to their finance team\./);
    assert.match(text, /- Manual test\.\n- Automated acceptance tests for AC-1, one per criterion/);
  });

  it('keeps the spec\'s CRLF line endings', async () => {
    const spec = '# Export\r\n\r\n## Requirements\r\n\r\n- **REQ-1**: The system shall export reports.\r\n';
    const { text } = await into(spec, 'Admins should be able to archive reports.');
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
  });

  it('plans nothing for text that holds no requirement', async () => {
    const plan = await translateInto(COMPLETE, techSpec, 'Great work on the launch, everyone.');
    assert.equal(plan.kind, 'none');
  });
});
