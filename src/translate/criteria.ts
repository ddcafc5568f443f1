// An acceptance scenario for each capability: what a tester sets up, does and observes,
// with every figure of the requirement in it.
import { definite } from './discourse.js';
import { join, oneActor, outcomeClause } from './ears.js';
import type { English } from './english.js';
import { SYSTEM_VOICE } from './lexicon.js';
import type { Capability } from './model.js';

export interface Scenario {
  given: string;
  when: string;
  then: string;
}

const texts = (capability: Capability, ...kinds: string[]) => capability.conditions.filter((condition) => kinds.includes(condition.kind)).map((condition) => condition.text);

function systemDoes(capability: Capability, english: English): string {
  const subject = capability.subject;
  if (capability.form === 'ensure') return outcomeClause(capability, english);
  const [head, ...tail] = capability.verb.split(' ');
  const verb = capability.negated ? `does not ${head}` : english.thirdPerson(head);
  return join(subject, verb, ...tail, capability.object, capability.rest);
}

export function scenario(capability: Capability, english: English): Scenario {
  const setting = texts(capability, 'optional', 'state');
  const trigger = texts(capability, 'event', 'unwanted');
  const person = capability.actor ? oneActor(capability.actor, english) : undefined;
  // Signing in or up cannot assume a signed-in user.
  const entry = /^(?:sign|log) (?:in|on|up)$|^register$/.test(capability.verb);
  const given = setting.length > 0 ? setting.join(' and ') : person ? `${person.some} ${entry ? 'has an account' : 'is signed in'}` : 'the system is running';
  const object = capability.object ? definite(capability.object) : '';
  const [head, ...tail] = capability.verb.split(' ');
  const voice = SYSTEM_VOICE[capability.verb];

  if (capability.form === 'allow' && person) {
    const who = person.the;
    if (voice === 'show' || voice === 'send') {
      const then = join('the system', capability.negated ? `does not ${voice}` : `${voice}s`, who, capability.object, capability.rest);
      const when = trigger.length > 0 ? trigger.join(' and ') : voice === 'show' ? join(who, 'opens', object || 'the page') : join(object || 'the message', english.isPlural(object) ? 'are' : 'is', 'due');
      return { given, when, then };
    }
    if (trigger.length > 0) return { given, when: trigger.join(' and '), then: join('the system', capability.negated ? 'does not allow' : 'allows', who, 'to', capability.verb, capability.object, capability.rest) };
    const when = join(who, english.thirdPerson(head), ...tail, capability.object, capability.rest);
    if (capability.negated) return { given, when: join(who, 'tries to', capability.verb, capability.object, capability.rest), then: 'the system refuses the request' };
    // A short complement completes the outcome ("the batch is put on hold"); a long one stays in "when".
    const shortRest = capability.rest.split(' ').length <= 4 && !/^,/.test(capability.rest) ? capability.rest : '';
    const then = object ? join(object, english.isPlural(object) ? 'are' : 'is', english.participle(capability.verb), shortRest) : join('the system records that', who, 'has', english.participle(capability.verb), capability.rest);
    return { given, when, then };
  }
  if (capability.form === 'provide') {
    const who = person?.the ?? 'a user';
    const purpose = /^to\s/.test(capability.rest) ? capability.rest.replace(/^to\s+/, '') : undefined;
    const when = trigger.length > 0 ? trigger.join(' and ') : join(who, 'uses', object);
    const then = purpose ? join(who, 'can', purpose) : join('the system provides', object, capability.rest);
    return { given, when, then };
  }
  const checked = capability.form === 'ensure' ? definite(capability.clauseSubject ?? 'the outcome') : capability.objectIsPeople ? '' : object;
  const when = trigger.length > 0 ? trigger.join(' and ') : join('a tester checks', checked || 'this behaviour');
  return { given, when, then: systemDoes(capability, english) };
}

export function scenarioText(scenario: Scenario): string {
  return `Given ${scenario.given}, when ${scenario.when}, then ${scenario.then}`;
}
