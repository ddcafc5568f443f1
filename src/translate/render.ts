import type { Template, TemplateSection } from '../core/template.js';
import { actorSingular, type Capability, type Extraction, type Quality } from './extract.js';
import { PARTICIPLES, SYSTEM_VOICE, type QualityKind } from './lexicon.js';

const ask = (question: string) => `[NEEDS CLARIFICATION: ${question}]`;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function thirdPerson(verb: string): string {
  const [head, ...rest] = verb.split(' ');
  const conjugated = /(?:s|sh|ch|x|z)$/.test(head) ? `${head}es` : /[^aeiou]y$/.test(head) ? `${head.slice(0, -1)}ies` : `${head}s`;
  return [conjugated, ...rest].join(' ');
}

function participle(verb: string): string {
  if (PARTICIPLES[verb]) return PARTICIPLES[verb];
  const [head, ...rest] = verb.split(' ');
  const done = head.endsWith('e') ? `${head}d` : /[^aeiou]y$/.test(head) ? `${head.slice(0, -1)}ied` : `${head}ed`;
  return [done, ...rest].join(' ');
}

const join = (...parts: string[]) => parts.filter((part) => part && part.trim()).join(' ');

function what(capability: Capability): string {
  return join(capability.verb, capability.object);
}

/** The system's response, in the system's voice. */
function response(capability: Capability): string {
  const details = capability.details ? `, ${capability.details}` : '';
  if (capability.actor === 'the system') return `${what(capability)}${details}`;
  if (capability.passive) return `${join(capability.verb, 'the', actorSingular(capability.actor), capability.object)}${details}`;
  const voice = SYSTEM_VOICE[capability.verb];
  if (voice) return `${voice.replace('{actor}', capability.actor).replace('{object}', capability.object || 'the result').trim()}${details}`;
  return `allow ${capability.actor} to ${what(capability)}${details}`;
}

/** EARS: unwanted behaviour (If), state-driven (While), event-driven (When), else ubiquitous. */
export function earsStatement(capability: Capability): string {
  const shall = `the system shall ${response(capability)}`;
  if (capability.condition) return `If ${capability.condition}, then ${shall}.`;
  if (capability.state && capability.trigger) return `While ${capability.state}, when ${capability.trigger}, ${shall}.`;
  if (capability.state) return `While ${capability.state}, ${shall}.`;
  if (capability.trigger) return `When ${capability.trigger}, ${shall}.`;
  return `${capitalize(shall)}.`;
}

const PREPOSITION = /^(?:with|to|for|from|on|in|at|by|via|into|using|through)\b/i;
const LOOKUP_VERBS = new Set(['search', 'find', 'look up', 'browse', 'filter', 'sort', 'list']);

function isPlural(text: string): boolean {
  const last = text.split(' ').pop() ?? '';
  return /s$/.test(last) && !/(?:ss|us)$/.test(last);
}

/** What a tester observes once the capability worked. */
function outcome(capability: Capability, actor: string): string {
  if (capability.passive) return `the ${actor} is ${participle(capability.verb)}${capability.object ? ` ${capability.object}` : ''}`;
  if (SYSTEM_VOICE[capability.verb]) return `the ${actor} ${thirdPerson(capability.verb === 'get' ? 'receive' : capability.verb)} ${capability.object || 'the result'}`;
  if (LOOKUP_VERBS.has(capability.verb)) return `the ${actor} sees only the matching results${capability.object ? ` for ${capability.object}` : ''}`;
  if (!capability.object || PREPOSITION.test(capability.object)) {
    const subject = capability.actor === 'the system' ? 'the system' : `the ${actor}`;
    return join(subject, 'has', participle(capability.verb), capability.object);
  }
  return `${capability.object} ${isPlural(capability.object) ? 'are' : 'is'} ${participle(capability.verb)}`;
}

function scenario(capability: Capability): string {
  const actor = actorSingular(capability.actor);
  const user = capability.actor === 'the system' ? undefined : actor;
  const given = capability.state ?? (user ? `a signed-in ${user}` : 'the system is running');
  let when: string;
  if (capability.condition) when = capability.condition;
  else if (capability.trigger) when = capability.passive || SYSTEM_VOICE[capability.verb] || !user ? capability.trigger : `${capability.trigger} and the ${user} ${thirdPerson(what(capability))}`;
  else if (capability.passive || SYSTEM_VOICE[capability.verb]) when = `the triggering event occurs ${ask('which event?')}`;
  else if (!user) when = `the operation runs ${ask('what starts it?')}`;
  else when = `the ${user} ${thirdPerson(capability.verb)}${capability.object ? ` ${capability.object}` : ''}`;
  const details = capability.details ? `, ${capability.details}` : '';
  return `Given ${given}, when ${when}, then ${outcome(capability, actor)}${details}`;
}

interface Nfr {
  text: string;
  criterion: string;
  kind: QualityKind;
}

const NFR_RULES: Record<QualityKind, (capability: Capability, word: string) => Omit<Nfr, 'kind'>[]> = {
  latency: (capability, word) => [{
    text: `The system shall respond to a request to ${what(capability)} within ${ask(`target latency for "${word}", e.g. p95 under 2 s`)}.`,
    criterion: `Given production-like load ${ask('load profile')}, when ${capability.actor === 'the system' ? 'the system' : `a ${actorSingular(capability.actor)}`} requests to ${what(capability)}, then the response arrives within the target latency`,
  }],
  security: (capability) => [
    { text: `The system shall allow only authorized users to ${what(capability)} ${ask('which roles may do this?')}.`, criterion: `Given a user without the required role, when they try to ${what(capability)}, then the system refuses the request`},
    { text: `The system shall record an audit log entry with user, time and action for every request to ${what(capability)}.`, criterion: `Given any request to ${what(capability)}, when it completes, then the audit log holds one entry with user, time and action` },
  ],
  availability: (capability, word) => [{
    text: `The system shall keep the ability to ${what(capability)} available for ${ask(`availability target for "${word}", e.g. 99.9% per month`)}.`,
    criterion: `Given a month of production traffic, when availability is measured, then the ability to ${what(capability)} meets the availability target`,
  }],
  volume: (capability, word) => [{
    text: `The system shall support requests to ${what(capability)} up to ${ask(`maximum volume for "${word}": number of items or size`)}.`,
    criterion: `Given data at the maximum volume, when a request to ${what(capability)} runs, then it completes without errors`,
  }],
  usability: (capability, word) => [{
    text: `The system shall let a first-time ${actorSingular(capability.actor)} ${what(capability)} without help, ${ask(`usability target for "${word}", e.g. 90% succeed within 2 minutes`)}.`,
    criterion: `Given first-time ${capability.actor} in a usability test, when they ${what(capability)} without help, then the success rate meets the usability target`,
  }],
  capacity: (capability, word) => [{
    text: `The system shall support requests to ${what(capability)} at ${ask(`peak load for "${word}": users or requests per second`)}.`,
    criterion: `Given the peak load, when requests to ${what(capability)} run for 1 hour, then the latency and error targets hold`,
  }],
  accuracy: (capability, word) => [{
    text: `The system shall ${what(capability)} with ${ask(`accuracy target for "${word}"`)}.`,
    criterion: `Given a reference data set, when the system runs ${what(capability)} on it, then the results match the reference within the accuracy target`,
  }],
  platform: (capability) => [{
    text: `The system shall support requests to ${what(capability)} on ${ask('supported mobile platforms and versions')}.`,
    criterion: `Given each supported device, when a ${actorSingular(capability.actor)} requests to ${what(capability)}, then the request succeeds`,
  }],
  retention: (capability) => (/\d/.test(capability.object) ? [] : [{
    text: `The system shall retain the data of requests to ${what(capability)} for ${ask('retention period')} and then delete it.`,
    criterion: `Given data older than the retention period, when the retention job runs, then the data is deleted`,
  }]),
};

export interface Rendered {
  requirements: string[];
  nonFunctional: string[];
  criteria: string[];
  userStories: string[];
  dependencies: string[];
  risks: string[];
  questions: string[];
  testPlan: string[];
  edgeCases: string[];
  actors: string[];
  goals: string[];
}

export function renderParts(extraction: Extraction, idPrefix: string, questions: string[]): Rendered {
  const { capabilities } = extraction;
  const requirements: string[] = [];
  const criteria: string[] = [];
  capabilities.forEach((capability, index) => {
    const id = `${idPrefix}-${index + 1}`;
    requirements.push(`- **${id}**: ${earsStatement(capability)}`);
    criteria.push(`- **AC-${index + 1}** (verifies ${id}): ${scenario(capability)}.`);
  });
  const nonFunctional: string[] = [];
  const seen = new Set<string>();
  const nfrs: Nfr[] = [];
  for (const quality of extraction.qualities as Quality[]) {
    const capability = capabilities[quality.capability];
    if (!capability || seen.has(`${quality.kind}:${quality.capability}`)) continue;
    seen.add(`${quality.kind}:${quality.capability}`);
    for (const nfr of NFR_RULES[quality.kind](capability, quality.word)) nfrs.push({ ...nfr, kind: quality.kind });
  }
  nfrs.forEach((nfr, index) => {
    const id = `NFR-${index + 1}`;
    nonFunctional.push(`- **${id}**: ${nfr.text}`);
    criteria.push(`- **AC-${capabilities.length + index + 1}** (verifies ${id}): ${nfr.criterion}.`);
  });
  const userStories = capabilities
    .filter((capability) => capability.actor !== 'the system')
    .map((capability) => `- As a ${actorSingular(capability.actor)}, I want to ${what(capability).replace(/\btheir\b/g, 'my').replace(/\bthem\b/g, 'it')}${capability.details ? `, ${capability.details}` : ''}, so that ${ask('the benefit')}.`);
  const marker = `${ask('owner')} | ${ask('status')} | ${ask('needed-by date')}`;
  const dependencyRows = extraction.dependencies.length > 0 ? extraction.dependencies : [{ name: 'Teams that own the affected components', why: 'build the change' }];
  const dependencies = ['| Dependency | Owner | Status | Needed by |', '| --- | --- | --- | --- |', ...dependencyRows.map((dependency) => `| ${dependency.name} (${dependency.why}) | ${marker} |`)];
  const riskTexts = [...new Set([
    ...extraction.dependencies.map((dependency) => dependency.risk).filter((risk): risk is string => !!risk),
    ...(nfrs.some((nfr) => nfr.kind === 'latency') ? ['The latency target is missed at peak load'] : []),
    ...(nfrs.some((nfr) => nfr.kind === 'volume') ? ['The largest accounts exceed processing or storage limits'] : []),
  ])];
  if (riskTexts.length === 0) riskTexts.push('Requirements change after development starts');
  const riskCells = `${ask('likelihood')} | ${ask('impact')} | ${ask('mitigation')} | ${ask('owner')}`;
  const risks = ['| Risk | Likelihood | Impact | Mitigation | Owner |', '| --- | --- | --- | --- | --- |', ...riskTexts.map((risk) => `| ${risk} | ${riskCells} |`)];
  const lastCriterion = criteria.length;
  const testPlan = [
    `- Automated acceptance tests for AC-1 to AC-${lastCriterion}, one per criterion, run in CI on every merge.`,
    ...(nfrs.some((nfr) => ['latency', 'capacity', 'volume'].includes(nfr.kind)) ? ['- Load tests at the target volume and peak load before launch.'] : []),
    ...(extraction.dependencies.length > 0 ? ['- Integration tests against test instances of each dependency.'] : []),
  ];
  const edgeCases = [
    ...capabilities.filter((capability) => capability.condition).map((capability) => `- What happens if ${capability.condition}? Covered by ${idPrefix}-${capabilities.indexOf(capability) + 1}.`),
    ...extraction.dependencies.slice(0, 3).map((dependency) => `- What happens when the ${dependency.name.charAt(0).toLowerCase()}${dependency.name.slice(1)} is unavailable? ${ask('expected behaviour')}`),
  ];
  if (edgeCases.length === 0) edgeCases.push(`- What happens when a request fails halfway? ${ask('expected behaviour')}`);
  const actors = [...new Set(capabilities.map((capability) => capability.actor).filter((actor) => actor !== 'the system'))];
  const goals = capabilities.map((capability) =>
    capability.actor === 'the system'
      ? `- Goal: the system can ${what(capability)}${capability.details ? `, ${capability.details}` : ''}.`
      : `- Goal: ${capability.actor} can ${what(capability)}${capability.details ? `, ${capability.details}` : ''}.`,
  );
  return { requirements, nonFunctional, criteria, userStories, dependencies, risks, questions, testPlan, edgeCases, actors, goals };
}

/** A section body for a template section of any kind, from the rendered parts. */
export function sectionBody(section: TemplateSection, template: Template, parts: Rendered, source: string): string | undefined {
  const quoted = source.trim().split(/\r?\n/).map((line) => `> ${line}`).join('\n');
  const actors = parts.actors.length > 0 ? parts.actors.join(', ') : 'users';
  const isFirstOfKind = template.sections.find((entry) => entry.kind === section.kind) === section;
  const hasNfrSection = template.sections.some((entry) => /non-functional/.test(entry.id));
  switch (section.kind) {
    case 'summary':
      return `This spec turns the business request below into requirements the team can build and test.\n\n${quoted}`;
    case 'problem':
      return `The request comes from ${actors}. ${ask('who has the problem today, how often, what it costs them, and the evidence')}`;
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
      return parts.risks.join('\n');
    case 'dependencies':
      return parts.dependencies.join('\n');
    case 'test-plan':
      if (/edge/.test(section.id)) return parts.edgeCases.join('\n');
      return parts.testPlan.join('\n');
    case 'timeline':
      return `| Milestone | Date | Owner |\n| --- | --- | --- |\n| Design review | ${ask('date')} | ${ask('owner')} |\n| Launch | ${ask('date')} | ${ask('owner')} |`;
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
