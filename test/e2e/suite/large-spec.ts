/**
 * A long spec as a platform team writes one, about `bytes` long: each feature area has its
 * own subsection of prose and requirements, of criteria, and of risks; some requirements are
 * vague, some criteria unmeasurable, some risks lack an owner, as in a real draft.
 */
export function largeSpec(bytes: number): string {
  const head = [
    '---',
    'title: Reporting platform',
    'template: tech-spec',
    '---',
    '',
    '# Reporting platform',
    '',
    '## Summary',
    '',
    'Finance admins export, schedule and share usage reports from one place.',
    '',
    '## Problem Statement',
    '',
    'Admins rebuild reports by hand every month, which costs each finance team two days.',
    '',
  ].join('\n');
  const requirements: string[] = ['## Requirements', ''];
  const criteria: string[] = ['## Success Criteria', ''];
  const risks: string[] = ['## Risks', ''];
  let size = head.length + 600;
  for (let area = 1, id = 1; size < bytes; area++) {
    const part: string[] = [
      `### Area ${area}: report family ${area}`,
      '',
      `Report family ${area} covers the monthly usage, cost and seat reports of one business unit. Admins open it from the`,
      `reports page, pick a month and a format, and either download the file or send it to their finance team.`,
      '',
    ];
    const criteriaPart = [`### Area ${area}`, ''];
    for (let k = 0; k < 4; k++, id++) {
      part.push(
        id % 9 === 0
          ? `- **REQ-${id}**: The export of report ${id} shall be fast and include charts, tables, etc. where possible.`
          : `- **REQ-${id}**: When an admin selects a month, the system shall generate report ${id} as a PDF within 10 s.`,
      );
      criteriaPart.push(id % 11 === 0 ? `- SC-${id}: Admins find report ${id} easy to use.` : `- SC-${id} (verifies REQ-${id}): 95% of report ${id} exports finish within 10 s.`);
    }
    part.push('');
    criteriaPart.push('');
    const risksPart = [
      `### Area ${area}`,
      '',
      '| Risk | Likelihood | Impact | Mitigation | Owner |',
      '| --- | --- | --- | --- | --- |',
      `| Renderer times out on accounts of family ${area} | Medium | High | Paginate the render | ${area % 4 === 0 ? '' : 'Dana'} |`,
      `| Email relay quota runs out for family ${area} | Low | Medium | Raise the quota before launch | Omar |`,
      '',
    ];
    requirements.push(...part);
    criteria.push(...criteriaPart);
    risks.push(...risksPart);
    size += part.join('\n').length + criteriaPart.join('\n').length + risksPart.join('\n').length + 3;
  }
  const tail = [
    '## Dependencies',
    '',
    '| Dependency | Owner | Status | Needed by |',
    '| --- | --- | --- | --- |',
    '| Reporting API v3 | Data Platform team | In progress | 2026-03-01 |',
    '',
    '## Test Plan',
    '',
    '- Integration tests for PDF generation on the three largest accounts.',
    '',
  ];
  return [head, ...requirements, ...criteria, ...risks, ...tail].join('\n');
}
