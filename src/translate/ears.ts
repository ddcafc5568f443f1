// A capability as an EARS sentence: [Where …,] [While …,] [When … | If …, then] the <system> shall <response>.
import { definite } from './discourse.js';
import { article, capitalize, type English } from './english.js';
import { SYSTEM_VOICE } from './lexicon.js';
import type { Capability, ConditionKind } from './model.js';
import { tidy } from './text.js';

export const join = (...parts: (string | undefined)[]) => tidy(parts.filter((part) => part && part.trim()).join(' '));

/** What the clause subject of an "ensure" does, agreeing with it: "stays below 20%", "are ready by 5 am". */
export function outcomeClause(capability: Capability, english: English): string {
  const subject = capability.clauseSubject ?? 'the system';
  const plural = english.isPlural(subject);
  const [head, ...tail] = capability.verb.split(' ');
  let verb: string;
  if (head === 'be') verb = `${plural ? 'are' : 'is'}${capability.negated ? ' not' : ''}`;
  else if (capability.negated) verb = `${plural ? 'do' : 'does'} not ${head}`;
  else verb = plural ? head : english.thirdPerson(head);
  return join(subject, verb, ...tail, capability.object, capability.rest);
}

/** The system's response, after "shall". */
export function response(capability: Capability, english: English): string {
  const not = capability.negated ? 'not' : undefined;
  switch (capability.form) {
    case 'allow': {
      const voice = SYSTEM_VOICE[capability.verb];
      if (voice && capability.object) return join(not, voice, capability.actor, capability.object, capability.rest);
      return join(not, 'allow', capability.actor, 'to', capability.verb, capability.object, capability.rest);
    }
    case 'act':
      return join(not, capability.verb, capability.object, capability.rest);
    case 'ensure':
      return join('ensure that', outcomeClause(capability, english));
    case 'provide':
      return join(not, 'provide', capability.actor, capability.actor ? 'with' : undefined, capability.object, capability.rest);
  }
}

const texts = (capability: Capability, kind: ConditionKind) => capability.conditions.filter((condition) => condition.kind === kind).map((condition) => condition.text);

/** EARS: optional feature (Where), state (While), event (When), unwanted behaviour (If … then), else ubiquitous. */
export function earsStatement(capability: Capability, english: English): string {
  const where = texts(capability, 'optional');
  const states = texts(capability, 'state');
  const events = texts(capability, 'event');
  const unwanted = texts(capability, 'unwanted');
  const clauses: string[] = [];
  if (where.length > 0) clauses.push(`Where ${where.join(' and ')}`);
  if (unwanted.length > 0) {
    clauses.push(`If ${[...unwanted, ...events].join(' and ')}${states.length > 0 ? ` while ${states.join(' and ')}` : ''}`);
    return `${capitalize([...clauses, `then ${capability.subject} shall ${response(capability, english)}`].join(', '))}.`;
  }
  if (states.length > 0) clauses.push(`While ${states.join(' and ')}`);
  if (events.length > 0) clauses.push(`${states.length > 0 || where.length > 0 ? 'when' : 'When'} ${events.join(' and ')}`);
  clauses.push(`${capability.subject} shall ${response(capability, english)}`);
  return `${capitalize(clauses.join(', '))}.`;
}

/** "store managers" → "a store manager"; groups stay whole ("a member of the billing team"). */
export function oneActor(actor: string, english: English): { some: string; the: string } {
  // "a second person", "Maersk": already one.
  if (/^(?:a|an)\s/i.test(actor)) return { some: actor, the: actor.replace(/^\S+/, 'the') };
  if (/^[A-Z][a-z]/.test(actor)) return { some: actor, the: actor };
  if (/^the\s/i.test(actor) && !/\b(?:team|department|committee|board|council|clinic|office|staff)$/i.test(actor)) {
    const single = actor.replace(/^the\s+/i, '');
    return { some: `${article(single)} ${single}`, the: actor };
  }
  const group = /\b(?:team|department|committee|board|council|clinic|office|staff|hr|it|finance|payroll|marketing|operations|security|sales|support)$/i.test(actor) || /^the\s/i.test(actor);
  if (group) {
    const whole = /^(?:the\s|[A-Z]{2,})/.test(actor) ? actor : `the ${actor}`;
    return { some: `a member of ${whole}`, the: `the member of ${whole}` };
  }
  const single = english.singular(actor.replace(/^(?:their|his|her|its)\s+/i, ''));
  return { some: `${article(single)} ${single}`, the: definite(single) };
}
