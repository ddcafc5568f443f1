import type { Finding, RuleInfo } from '../../core/rule.js';
import { INTERNAL_RULE_ID } from '../../core/runner.js';
import { ruleDocsUrl } from '../../core/rule.js';
import type { FileResult } from '../result.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;

function region({ start, end }: Pick<Finding, 'start' | 'end'>) {
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** SARIF 2.1.0 for code scanning: one run, every rule described, one location per result. */
export function formatSarif(results: readonly FileResult[], rules: readonly RuleInfo[], version: string): string {
  const descriptors = [
    ...rules.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.description },
      helpUri: rule.docs,
      defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    })),
    {
      id: INTERNAL_RULE_ID,
      shortDescription: { text: 'Specwise could not run a rule on this file.' },
      helpUri: ruleDocsUrl(INTERNAL_RULE_ID),
      defaultConfiguration: { level: 'error' },
    },
  ];
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const sarifResults = results.flatMap((result) =>
    result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(result.path), uriBaseId: '%SRCROOT%' },
            region: region(finding),
          },
        },
      ],
      ...(finding.related?.length
        ? {
            relatedLocations: finding.related.map((related, id) => ({
              id,
              message: { text: related.message },
              physicalLocation: {
                artifactLocation: { uri: encodeURI(related.path ?? result.path), uriBaseId: '%SRCROOT%' },
                region: region(related),
              },
            })),
          }
        : {}),
      properties: { ...(finding.data ?? {}) },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'specwise',
            version,
            informationUri: 'https://github.com/specwise/specwise',
            rules: descriptors,
          },
        },
        columnKind: 'utf16CodeUnits',
        // Which template each file was checked with, and why.
        artifacts: results.map((result) => ({
          location: { uri: encodeURI(result.path), uriBaseId: '%SRCROOT%' },
          properties: { template: result.template, ...(result.templateSource ? { templateSource: result.templateSource, reason: result.reason } : {}) },
        })),
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
