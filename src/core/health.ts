import type { Finding } from './rule.js';
import { CRITERION_PREFIXES, idPrefix, requirementIndexOf } from './requirements.js';
import type { AnalysisContext } from './rule.js';
import type { Presence, Template } from './template.js';

export type SectionStatus = 'present' | 'empty' | 'missing';

export interface SectionHealth {
  id: string;
  title: string;
  presence: Presence;
  status: SectionStatus;
  /** 1-based line of the heading, when present. */
  line?: number;
}

export interface RequirementCoverage {
  id: string;
  line: number;
  /** Criteria and tests that reference it: "SC-1", or "line 42" for criteria without an id. */
  coveredBy: string[];
}

export interface SpecHealth {
  template: string;
  sections: SectionHealth[];
  requirements: RequirementCoverage[];
  counts: {
    errors: number;
    warnings: number;
    infos: number;
    missingRequired: number;
    /** Placeholders a template left for the author (TBD), whatever their severity; not in the other counts. */
    toFillIn: number;
  };
}

/** What a reviewer wants at a glance: which template sections are there, and which requirements are verified. */
export function specHealth(context: AnalysisContext, template: Template, findings: readonly Finding[]): SpecHealth {
  const { doc, match } = context;
  const sections = match.template.sections.map((entry): SectionHealth => {
    const found = match.byId.get(entry.id);
    if (!found) return { id: entry.id, title: entry.title, presence: entry.presence, status: 'missing' };
    return {
      id: entry.id,
      title: entry.title,
      presence: entry.presence,
      status: found.section.hasContent ? 'present' : 'empty',
      line: doc.lines.position(found.section.headingRange.start).line,
    };
  });
  const index = requirementIndexOf(context);
  const requirements: RequirementCoverage[] = [];
  for (const [id, [definition]] of index.definitions) {
    if (CRITERION_PREFIXES.has(idPrefix(id)) || definition.unit.kind !== 'requirements') continue;
    const coveredBy = index.references
      .filter((reference) => reference.id === id && (reference.unit.kind === 'success-criteria' || reference.unit.kind === 'test-plan'))
      .map((reference) => {
        const owner = [...index.definitions].find(([, [first]]) => first.unit === reference.unit)?.[0];
        return owner ?? `line ${doc.lines.position(reference.range.start).line}`;
      });
    requirements.push({ id, line: doc.lines.position(definition.range.start).line, coveredBy: [...new Set(coveredBy)] });
  }
  const counts = { errors: 0, warnings: 0, infos: 0, toFillIn: 0, missingRequired: sections.filter((entry) => entry.status === 'missing' && entry.presence === 'required').length };
  for (const finding of findings) {
    if (finding.data?.toFillIn === true) counts.toFillIn++;
    else if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return { template: template.name, sections, requirements, counts };
}
