// The extraction written as spec parts: requirement and criterion lines in the spec's own
// style, table rows, problem statement, goals and questions.
import type { Template, TemplateSection } from '../core/template.js';
import { scenario, scenarioText } from './criteria.js';
import { definite } from './discourse.js';
import { earsStatement, join, oneActor, outcomeClause, response } from './ears.js';
import { capitalize, listOf, type English } from './english.js';
import type { Capability, Extraction } from './model.js';
import { ask, nonFunctional } from './nfr.js';

/** How a spec writes its acceptance criteria. */
export type CriterionStyle = 'given-when-then' | 'ears' | 'spec-kit';

export interface Numbering {
  /** Prefix of functional requirement ids: REQ, FR, ... */
  requirement: string;
  /** Prefix of criterion ids: AC or SC. */
  criterion: string;
  /** Digits ids are padded to (FR-001: 3), and per prefix where a spec pads some and not others. */
  width: number;
  widths?: Record<string, number>;
  /** The next number of each prefix. */
  next: Record<string, number>;
}

export interface Row {
  /** Cells by meaning: name, why, owner, status, date, likelihood, impact, mitigation. */
  [column: string]: string;
}

export interface Parts {
  requirements: string[];
  nonFunctional: string[];
  criteria: string[];
  userStories: string[];
  dependencies: Row[];
  risks: Row[];
  milestones: Row[];
  questions: string[];
  testPlan: string[];
  edgeCases: string[];
  actors: string[];
  goals: string[];
  problem: string;
  /** The ids written, in order, for messages. */
  ids: string[];
}

export function nextId(numbering: Numbering, prefix: string): string {
  const number = numbering.next[prefix] ?? 1;
  numbering.next[prefix] = number + 1;
  return `${prefix}-${String(number).padStart(numbering.widths?.[prefix] ?? numbering.width, '0')}`;
}

function criterionText(capability: Capability, style: CriterionStyle, english: English): string {
  const steps = scenario(capability, english);
  if (style !== 'ears') return `${scenarioText(steps)}.`;
  const state = capability.conditions.filter((condition) => condition.kind === 'state' || condition.kind === 'optional').map((condition) => condition.text);
  const unwanted = capability.conditions.some((condition) => condition.kind === 'unwanted');
  const lead = state.length > 0 ? `WHILE ${state.join(' AND ')} ` : '';
  return `${lead}${unwanted ? 'IF' : 'WHEN'} ${steps.when} THEN ${capability.subject} SHALL ${response(capability, english)}.`;
}

/** The spec's words for one capability, as a goal a reader understands. */
function goal(capability: Capability, english: English): string {
  switch (capability.form) {
    case 'allow':
      return `${capitalize(capability.actor ?? 'users')} can ${join(capability.verb, capability.object, capability.rest)}.`;
    case 'provide':
      return `${capitalize(capability.actor ?? 'users')} have ${join(capability.object, capability.rest)}.`;
    case 'ensure':
      return `${capitalize(outcomeClause(capability, english))}.`;
    case 'act': {
      const [head, ...tail] = capability.verb.split(' ');
      return `${capitalize(capability.subject)} ${capability.negated ? `does not ${head}` : english.thirdPerson(head)} ${join(...tail, capability.object, capability.rest)}.`.replace(/\s+\./, '.');
    }
  }
}

const RISK_MARKERS = { likelihood: ask('likelihood'), impact: ask('impact'), mitigation: ask('mitigation'), owner: ask('owner') };

export function renderParts(extraction: Extraction, numbering: Numbering, style: CriterionStyle, english: English, ambiguities: string[], title: string): Parts {
  const requirements: string[] = [];
  const criteria: string[] = [];
  const ids: string[] = [];
  const nfrs: { id: string; criterion: string; ears: string; kind: string }[] = [];
  const nonFunctionalLines: string[] = [];
  const addCriterion = (id: string, text: string) => {
    const criterion = nextId(numbering, numbering.criterion);
    criteria.push(`- **${criterion}** (verifies ${id}): ${text}`);
  };
  for (const capability of extraction.capabilities) {
    const id = nextId(numbering, numbering.requirement);
    ids.push(id);
    requirements.push(`- **${id}**: ${earsStatement(capability, english)}`);
    addCriterion(id, criterionText(capability, style, english));
  }
  for (const capability of extraction.capabilities) {
    for (const requirement of nonFunctional(capability, english)) {
      const id = nextId(numbering, 'NFR');
      ids.push(id);
      nonFunctionalLines.push(`- **${id}**: ${requirement.text}`);
      nfrs.push({ id, criterion: requirement.criterion, ears: requirement.ears, kind: requirement.kind });
    }
  }
  for (const nfr of nfrs) addCriterion(nfr.id, `${style === 'ears' ? nfr.ears : nfr.criterion}.`);

  const actors = [...new Set(extraction.capabilities.map((capability) => capability.actor).filter((actor): actor is string => !!actor))];
  const benefit = extraction.benefits[0]?.asWritten.replace(/[.!]+$/, '');
  const userStories = extraction.capabilities.map((capability) => {
    const who = oneActor(capability.actor ?? extraction.benefits[0]?.who ?? 'users', english).some;
    const want = capability.form === 'allow' ? `to ${join(capability.verb, capability.object, capability.rest).replace(/\btheir\b/g, 'my')}` : `${capability.subject} to ${response(capability, english)}`;
    return `- As ${who}, I want ${want}, so that ${benefit ?? ask('the benefit')}.`;
  });
  const dependencies = extraction.dependencies.map((dependency) => ({ name: `${dependency.name} (${dependency.why})`, owner: ask('owner'), status: ask('status'), date: ask('needed-by date') }));
  if (dependencies.length === 0) dependencies.push({ name: `Systems and teams this change needs ${ask('which ones?')}`, owner: ask('owner'), status: ask('status'), date: ask('needed-by date') });
  const riskTexts = [...new Set([
    ...extraction.dependencies.map((dependency) => dependency.risk),
    ...(nfrs.some((nfr) => nfr.kind === 'latency') ? ['The response time target is missed at peak load'] : []),
    ...(nfrs.some((nfr) => nfr.kind === 'volume') ? ['The largest requests exceed processing or storage limits'] : []),
    ...(nfrs.some((nfr) => nfr.kind === 'security') ? ['Data reaches people without an authorized role'] : []),
  ])];
  if (riskTexts.length === 0) riskTexts.push('Requirements change after development starts');
  const risks = riskTexts.map((risk) => ({ risk, ...RISK_MARKERS }));
  const milestones = [
    { milestone: `Design review: ${title}`, date: ask('date'), owner: ask('owner') },
    { milestone: `Launch: ${title}`, date: ask('date'), owner: ask('owner') },
  ];
  const firstCriterion = criteria[0].match(/\*\*([A-Z]+-\d+)\*\*/)![1];
  const lastCriterion = criteria[criteria.length - 1].match(/\*\*([A-Z]+-\d+)\*\*/)![1];
  const testPlan = [
    `- Automated acceptance tests for ${firstCriterion === lastCriterion ? firstCriterion : `${firstCriterion} to ${lastCriterion}`}, one per criterion, run in CI on every merge.`,
    ...(nfrs.some((nfr) => ['latency', 'capacity', 'volume'].includes(nfr.kind)) ? ['- Load tests at the target volume and peak load before launch.'] : []),
    ...(extraction.dependencies.length > 0 ? ['- Integration tests against test instances of each dependency.'] : []),
  ];
  const edgeCases = [
    ...extraction.capabilities.flatMap((capability, index) => capability.conditions.filter((condition) => condition.kind === 'unwanted').map((condition) => `- What happens if ${condition.text}? Covered by ${ids[index]}.`)),
    ...extraction.dependencies.slice(0, 3).map((dependency) => `- What happens when ${definite(dependency.name.charAt(0).toLowerCase() + dependency.name.slice(1))} is unavailable? ${ask('expected behaviour')}`),
  ];
  if (edgeCases.length === 0) edgeCases.push(`- What happens when a request fails halfway? ${ask('expected behaviour')}`);
  const goals = extraction.capabilities.map((capability) => `- Goal: ${goal(capability, english)}`);
  const questions = [...ambiguities, ...extraction.questions.map((question) => `- The request asks: "${question}" ${ask('answer, owner, date')}`)];
  return { requirements, nonFunctional: nonFunctionalLines, criteria, userStories, dependencies, risks, milestones, questions, testPlan, edgeCases, actors, goals, problem: problemStatement(extraction, actors), ids };
}

function problemStatement(extraction: Extraction, actors: string[]): string {
  const parts: string[] = [];
  if (extraction.context.length > 0) parts.push(['The request describes the situation today:', '', ...extraction.context.map((sentence) => `- ${sentence}`)].join('\n'));
  for (const benefit of extraction.benefits) {
    const who = capitalize(benefit.who ?? (actors.length > 0 ? listOf(actors) : 'the requesters'));
    parts.push(`${who} want this so that ${benefit.text.replace(/[.!]+$/, '')}.`);
  }
  if (parts.length === 0) parts.push(`The request comes from ${actors.length > 0 ? listOf(actors) : 'its requesters'}. ${ask('who has the problem today, how often, what it costs them, and the evidence')}`);
  return parts.join('\n\n');
}

const table = (headers: string[], keys: string[], rows: Row[]) => [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${keys.map((key) => row[key] ?? '').join(' | ')} |`)].join('\n');

export const DEPENDENCY_COLUMNS = { headers: ['Dependency', 'Owner', 'Status', 'Needed by'], keys: ['name', 'owner', 'status', 'date'] };
export const RISK_COLUMNS = { headers: ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner'], keys: ['risk', 'likelihood', 'impact', 'mitigation', 'owner'] };
export const MILESTONE_COLUMNS = { headers: ['Milestone', 'Date', 'Owner'], keys: ['milestone', 'date', 'owner'] };

/** A section body for a template section of any kind, from the rendered parts. */
export function sectionBody(section: TemplateSection, template: Template, parts: Parts, source: string): string | undefined {
  const quoted = source.trim().split(/\r?\n/).map((line) => `> ${line}`.trimEnd()).join('\n');
  const actors = parts.actors.length > 0 ? listOf(parts.actors) : 'users';
  const isFirstOfKind = template.sections.find((entry) => entry.kind === section.kind) === section;
  const hasNfrSection = template.sections.some((entry) => /non-functional/.test(entry.id));
  switch (section.kind) {
    case 'summary':
      return `This spec turns the business request below into requirements the team can build and test.\n\n${quoted}`;
    case 'problem':
      return parts.problem;
    case 'scope':
      if (/non-goals?|out-of-scope/.test(section.id)) return `- Not in this request: ${ask('what is out of scope')}`;
      return [...parts.goals, `- Non-goal: ${ask('what is out of scope')}`].join('\n');
    case 'requirements':
      if (/non-functional/.test(section.id)) return parts.nonFunctional.length > 0 ? parts.nonFunctional.join('\n') : `- Performance, availability and security targets: ${ask('targets')}`;
      if (/user-stories|stories|scenarios/.test(section.id)) return parts.userStories.join('\n') || undefined;
      if (!isFirstOfKind && !/requirements/.test(section.id)) return undefined;
      return [...parts.requirements, ...(hasNfrSection ? [] : parts.nonFunctional)].join('\n');
    case 'success-criteria':
      return parts.criteria.join('\n');
    case 'risks':
      return table(RISK_COLUMNS.headers, RISK_COLUMNS.keys, parts.risks);
    case 'dependencies':
      return table(DEPENDENCY_COLUMNS.headers, DEPENDENCY_COLUMNS.keys, parts.dependencies);
    case 'test-plan':
      if (/edge/.test(section.id)) return parts.edgeCases.join('\n');
      return parts.testPlan.join('\n');
    case 'timeline':
      return table(MILESTONE_COLUMNS.headers, MILESTONE_COLUMNS.keys, parts.milestones);
    case 'stakeholders':
      return `| Role | Name | Responsibility |\n| --- | --- | --- |\n| TPM | ${ask('name')} | Accountable for delivery |\n| Engineering | ${ask('name')} | Builds the requirements |\n| Customer voice for ${actors} | ${ask('name')} | Consulted on acceptance |`;
    case 'release':
      return `- Rollout stages: ${ask('stages and percentages')}\n- Rollback plan: ${ask('how to turn it off')}\n- Communication to sales, marketing and support: ${ask('who tells whom, when')}`;
    case 'cost':
      return `- Engineering effort: ${ask('estimate')}\n- Infrastructure cost: ${ask('estimate')}`;
    case 'open-questions':
      return parts.questions.length > 0 ? parts.questions.join('\n') : `- Which details are still open? ${ask('questions, owners, dates')}`;
    default:
      if (/users|personas|audience/.test(section.id)) return parts.actors.map((actor) => `- ${capitalize(actor)}: ${ask('segment, size and main need')}`).join('\n') || `- Users: ${ask('who they are')}`;
      return section.presence === 'optional' ? undefined : `Notes for this section: ${ask(section.title.toLowerCase())}`;
  }
}
