import assert from 'node:assert/strict';
import { applyFixes, lintText } from '../../src/api.js';
import { builtInTemplates } from '../../src/templates/index.js';

const rfc = builtInTemplates.get('rfc')!;

function findings(text: string, ruleId: string, template = rfc) {
  return lintText({ text, template }).findings.filter((finding) => finding.ruleId === ruleId);
}

function fixAll(text: string, ruleId: string, template = rfc): string {
  const result = applyFixes(text, findings(text, ruleId, template).flatMap((finding) => finding.fixes));
  assert.deepEqual(result.skipped, []);
  return result.text;
}

const FULL_RFC = [
  '# My feature',
  '',
  '## Summary',
  'One paragraph.',
  '## Motivation',
  'Why.',
  '## Guide-level explanation',
  'Guide.',
  '## Reference-level explanation',
  'Reference.',
  '## Drawbacks',
  'Drawbacks.',
  '## Rationale and alternatives',
  'Alternatives.',
  '## Prior art',
  'Prior art.',
  '## Unresolved questions',
  'None yet: the design is settled.',
  '## Future possibilities',
  'More.',
  '',
].join('\n');

function without(text: string, heading: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  lines.splice(at, 2);
  return lines.join('\n');
}

describe('missing-section', () => {
  it('accepts a complete document', () => {
    assert.deepEqual(findings(FULL_RFC, 'missing-section'), []);
  });

  it("knows a renamed section by the anchor the template put under it, and an old RFC's Proposal as its design", () => {
    const renamed = FULL_RFC.replace('## Summary\nOne paragraph.', '## Default implementation of `description()`\n[summary]: #summary\n\nOne paragraph.');
    assert.deepEqual(findings(renamed, 'missing-section'), []);
    const wrongAnchor = FULL_RFC.replace('## Summary\nOne paragraph.', '## Default implementation\n[background]: #background\n\nOne paragraph.');
    assert.deepEqual(findings(wrongAnchor, 'missing-section').map((finding) => finding.data?.section), ['summary']);
    const old2015 = ['- Start Date: 2015-08-20', '', '# Time improvements', '', '## Summary', 'S.', '## Motivation', 'M.', '## Proposal', 'P.', '## Drawbacks', 'D.', '## Alternatives', 'A.', '## Unresolved questions', 'None.', ''].join('\n');
    assert.deepEqual(findings(old2015, 'missing-section'), []);
  });

  it('flags each removed required section with its id, and recommended ones as info', () => {
    for (const templateSection of rfc.sections) {
      const text = without(FULL_RFC, `## ${templateSection.title}`);
      const [finding, ...rest] = findings(text, 'missing-section');
      assert.equal(rest.length, 0, templateSection.id);
      assert.equal(finding.data?.section, templateSection.id);
      assert.equal(finding.severity, templateSection.presence === 'required' ? 'warning' : 'info');
    }
  });

  it('inserts the section after its template predecessor, at its level', () => {
    const text = without(FULL_RFC, '## Drawbacks');
    const fixed = fixAll(text, 'missing-section');
    assert.match(fixed, /## Reference-level explanation\nReference\.\n\n## Drawbacks\n\n- TBD: why should we not do this\?\n\n## Rationale and alternatives/);
    assert.deepEqual(findings(fixed, 'missing-section'), []);
    assert.equal(fixAll(fixed, 'missing-section'), fixed, 'a second application changes nothing');
  });

  it('inserts before the first present section when no predecessor exists, keeping levels', () => {
    const text = '# Feature\n\n### Motivation\n\nWhy.\n';
    const fixed = fixAll(text, 'missing-section');
    assert.ok(fixed.startsWith('# Feature\n\n### Summary\n\nTBD: one paragraph explanation of the feature.\n\n### Motivation\n\nWhy.\n\n### Guide-level explanation'), fixed);
  });

  it('appends at level 2 below a title when nothing matches, with a blank line before', () => {
    const fixed = fixAll('# Feature\nNo newline at end', 'missing-section');
    assert.ok(fixed.startsWith('# Feature\nNo newline at end\n\n## Summary\n\n'), fixed);
    assert.ok(fixed.endsWith('## Future possibilities\n\n- TBD: natural extensions of this proposal.\n'));
    const order = [...fixed.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    assert.deepEqual(order, rfc.sections.map((templateSection) => templateSection.title));
  });

  it('keeps CRLF line endings in inserted text', () => {
    const text = without(FULL_RFC, '## Prior art').replace(/\n/g, '\r\n');
    const fixed = fixAll(text, 'missing-section');
    assert.ok(fixed.includes('\r\n## Prior art\r\n\r\n- TBD'));
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  });

  it('matches titles and aliases at any level with numbering and case differences', () => {
    const text = FULL_RFC.replace('## Drawbacks', '#### 5. DRAWBACKS').replace('## Prior art', '## Related work (optional)');
    assert.deepEqual(findings(text, 'missing-section'), []);
  });

  it('takes a section written one level too deep under its own title as present', () => {
    const text = FULL_RFC.replace('## Prior art', '### Prior art');
    assert.deepEqual(findings(text, 'missing-section'), []);
    assert.deepEqual(findings(text.replace('### Prior art', '### Earlier attempts'), 'missing-section').map((finding) => finding.data?.section), ['prior-art']);
  });

  it('lets one combined heading satisfy both sections it names', () => {
    const text = FULL_RFC.replace('## Drawbacks\nDrawbacks.\n## Rationale and alternatives\n', '## Drawbacks and alternatives\n');
    assert.deepEqual(findings(text, 'missing-section'), []);
  });

  it('reports at the heading of the nearest present neighbour', () => {
    const text = without(FULL_RFC, '## Drawbacks');
    const [finding] = findings(text, 'missing-section');
    assert.equal(text.slice(finding.range.start, finding.range.end), '## Reference-level explanation');
  });

  it('reports on the first line of a document without headings', () => {
    const [finding] = findings('---\na: 1\n---\nJust prose.\n', 'missing-section');
    assert.equal(finding.start.line, 3);
  });
});

describe('empty-section', () => {
  it('flags a section with only comments, and fixes it with the starter', () => {
    const text = FULL_RFC.replace('Drawbacks.\n', '<!-- Why not? -->\n');
    const [finding, ...rest] = findings(text, 'empty-section');
    assert.equal(rest.length, 0);
    assert.equal(finding.data?.section, 'drawbacks');
    assert.equal(finding.start.line, 11);
    const fixed = fixAll(text, 'empty-section');
    assert.ok(fixed.includes('## Drawbacks\n<!-- Why not? -->\n\n- TBD: why should we not do this?\n\n## Rationale'), fixed);
    assert.deepEqual(findings(fixed, 'empty-section'), []);
  });

  it('counts a subsection with content as content, and not a bare placeholder', () => {
    assert.deepEqual(findings(FULL_RFC.replace('Drawbacks.\n', '### Speed\nIt is slower.\n'), 'empty-section'), []);
    assert.equal(findings(FULL_RFC.replace('Drawbacks.\n', '### Speed\nTBD\n'), 'empty-section').length, 1);
  });

  it('does not check headings outside the template', () => {
    assert.deepEqual(findings(`${FULL_RFC}## Appendix\n`, 'empty-section'), []);
  });

  it('takes a same-level heading right under it, outside the template, as its content written one level too high', () => {
    assert.deepEqual(findings(FULL_RFC.replace('Drawbacks.\n', '## Speed\nIt is slower.\n'), 'empty-section'), []);
    assert.equal(findings(FULL_RFC.replace('Drawbacks.\n', '## Speed\n'), 'empty-section').length, 1, 'unless that heading is empty too');
    assert.equal(findings(FULL_RFC.replace('Drawbacks.\n', ''), 'empty-section').length, 1, 'the next template section is no content');
  });

  it('a missing section goes after that content, so inserting it leaves the section as full as it was', () => {
    const text = without(FULL_RFC, '## Future possibilities').replace('None yet: the design is settled.\n', '## Version ranges\nStill open.\n');
    const fixed = fixAll(text, 'missing-section');
    assert.ok(fixed.includes('## Unresolved questions\n## Version ranges\nStill open.\n\n## Future possibilities\n'), fixed);
    assert.deepEqual([...findings(fixed, 'empty-section'), ...findings(fixed, 'missing-section')], []);
  });
});
