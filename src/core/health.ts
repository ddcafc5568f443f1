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

export interface RuleHealth {
  ruleId: string;
  errors: number;
  warnings: number;
  infos: number;
  /** 1-based line of the rule's first finding. */
  firstLine: number;
}

export interface SpecHealth {
  template: string;
  sections: SectionHealth[];
  requirements: RequirementCoverage[];
  /** Findings per rule, most severe rules first. */
  rules: RuleHealth[];
  counts: {
    errors: number;
    warnings: number;
    infos: number;
    missingRequired: number;
    /** Placeholders a template left for the author (TBD), whatever their severity; not in the other counts. */
    toFillIn: number;
  };
}

export interface Coverer {
  /** The criterion's or test's id ("SC-1"), or "line 42" when it has none. */
  name: string;
  /** 1-based line of the reference. */
  line: number;
}

/** For each requirement id, the criteria and tests that cite it (each once), in document order. */
export function requirementCoverage(context: AnalysisContext): Map<string, Coverer[]> {
  return context.shared('requirement-coverage', () => {
    const index = requirementIndexOf(context);
    const owners = new Map<unknown, string>();
    for (const [id, [first]] of index.definitions) if (!owners.has(first.unit)) owners.set(first.unit, id);
    const coverage = new Map<string, Coverer[]>();
    for (const reference of index.references) {
      if (reference.unit.kind !== 'success-criteria' && reference.unit.kind !== 'test-plan') continue;
      const line = context.doc.lines.position(reference.range.start).line;
      const name = owners.get(reference.unit) ?? `line ${line}`;
      const list = coverage.get(reference.id) ?? [];
      if (!list.some((entry) => entry.name === name)) list.push({ name, line });
      coverage.set(reference.id, list);
    }
    return coverage;
  });
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
  const coverage = requirementCoverage(context);
  const requirements: RequirementCoverage[] = [];
  for (const [id, [definition]] of requirementIndexOf(context).definitions) {
    if (CRITERION_PREFIXES.has(idPrefix(id)) || definition.unit.kind !== 'requirements') continue;
    requirements.push({ id, line: doc.lines.position(definition.range.start).line, coveredBy: coverage.get(id)?.map((entry) => entry.name) ?? [] });
  }
  const counts = { errors: 0, warnings: 0, infos: 0, toFillIn: 0, missingRequired: sections.filter((entry) => entry.status === 'missing' && entry.presence === 'required').length };
  for (const finding of findings) {
    if (finding.data?.toFillIn === true) counts.toFillIn++;
    else if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  const byRule = new Map<string, RuleHealth>();
  for (const finding of findings) {
    let rule = byRule.get(finding.ruleId);
    if (!rule) byRule.set(finding.ruleId, (rule = { ruleId: finding.ruleId, errors: 0, warnings: 0, infos: 0, firstLine: finding.start.line }));
    if (finding.severity === 'error') rule.errors++;
    else if (finding.severity === 'warning') rule.warnings++;
    else rule.infos++;
    rule.firstLine = Math.min(rule.firstLine, finding.start.line);
  }
  const rules = [...byRule.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.infos - a.infos || a.ruleId.localeCompare(b.ruleId));
  return { template: template.name, sections, requirements, rules, counts };
}
