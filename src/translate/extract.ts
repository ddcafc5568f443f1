import {
  CAPABILITY_VERBS,
  DEPENDENCY_SIGNALS,
  NOT_SYSTEMS,
  PASSIVE_RESPONSES,
  QUALITY_WORDS,
  SYSTEM_SUBJECTS,
  isDetachable,
  type QualityKind,
} from './lexicon.js';

export interface Capability {
  /** Who acts: "customers", "admins"; "the system" for system behaviour. */
  actor: string;
  /** Base-form verb ("export", "sign in"), or the active verb for a passive ("notify"). */
  verb: string;
  /** What follows the verb, pronouns resolved ("their monthly reports"). */
  object: string;
  /** "including charts", "such as PDF and CSV". */
  details: string;
  /** An "if"/"unless" condition: unwanted behaviour. */
  condition?: string;
  /** A "when"/"after"/"once" trigger: event-driven. */
  trigger?: string;
  /** A "while" state, or offline use: state-driven. */
  state?: string;
  /** The user receives the action ("be notified"): the system acts on the actor. */
  passive: boolean;
  /** The sentence it came from. */
  source: string;
}

export interface Quality {
  word: string;
  kind: QualityKind;
  /** Index of the capability it qualifies. */
  capability: number;
}

export interface Dependency {
  name: string;
  why: string;
  risk?: string;
}

export interface Extraction {
  capabilities: Capability[];
  qualities: Quality[];
  dependencies: Dependency[];
  /** Named external systems ("Salesforce", "Google Drive"). */
  systems: string[];
  /** Teams named as recipients or owners ("finance team"). */
  teams: string[];
}

const VERBS_BY_LENGTH = [...new Set(CAPABILITY_VERBS)].sort((a, b) => b.length - a.length);
const ACTOR_AND_MODAL =
  /^(?:as an? (?<storyActor>[\w -]{1,40}?), i (?:want|need|would like) to\s+)|^(?<actor>(?:(?:the|our|all|every|each|a|an|any)\s+)?[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:should|must|shall|need to|needs to|want to|wants to|would like to|can|could|will|are able to|is able to)\s+(?:also\s+)?(?:be able to\s+)?/i;
const CONDITION_LEAD = /^(?<kind>if|unless|when|whenever|after|once|while|before)\s+(?<clause>[^,]{3,120}),\s*/i;
const CONDITION_TAIL = /\s+(?<kind>if|unless|when|whenever|after|once|while)\s+(?<clause>[^,.;]{3,120})$/i;
const DETAILS = /,?\s+(?:including|such as|like)\s+([^,;]+(?:,\s*(?!and\s)[^,;]+)*)$/i;
const PRONOUN = /^(?:them|it|this|these|those|that)\b/i;
/** A coordinated clause with its own modal and the same subject: "... and should be notified". */
const MODAL_START = /^(?:(?:should|must|shall|can|could|will|need to|needs to|want to|wants to)\s+(?:also\s+)?(?:be able to\s+)?|be able to\s+)/i;
const OPEN_LIST = /,?\s*(?:etc\.?|et cetera|and so on|and so forth)\s*$/i;

function sentencesOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s+|(?<=[.!?])\s+(?=[A-Z"“(])/)
    .map((sentence) => sentence.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/\s+/g, ' ').trim())
    .filter((sentence) => /[a-z]/i.test(sentence));
}

function verbAt(text: string): string | undefined {
  const lower = text.toLowerCase();
  return VERBS_BY_LENGTH.find((verb) => lower === verb || lower.startsWith(`${verb} `));
}

/** Splits a predicate on "and"/"or"/commas where a new capability verb starts. */
function splitPredicate(predicate: string): string[] {
  const parts: string[] = [];
  const separator = /(?:,\s*(?:and|or|as well as)?\s*|\s+(?:and|or|as well as|then)\s+)(?:also\s+)?/gi;
  let start = 0;
  for (const match of predicate.matchAll(separator)) {
    const after = predicate.slice(match.index + match[0].length);
    if (verbAt(after) || /^(?:be|get)\s+\w+ed\b/i.test(after) || MODAL_START.test(after) || ACTOR_AND_MODAL.test(after)) {
      parts.push(predicate.slice(start, match.index));
      start = match.index + match[0].length;
    }
  }
  parts.push(predicate.slice(start));
  return parts.map((part) => part.trim().replace(/[.!?]+$/, '')).filter(Boolean);
}

function stripQualities(text: string, found: (word: string) => void): string {
  let result = text;
  const words = Object.keys(QUALITY_WORDS).sort((a, b) => b.length - a.length);
  for (const word of words) {
    const pattern = new RegExp(`(?<![\\w-])${word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\w-])`, 'gi');
    if (!pattern.test(result)) continue;
    found(word);
    // Adverbs and adjectives go; what they asked for becomes a non-functional requirement.
    if (isDetachable(word)) result = result.replace(new RegExp(`(?:\\s+in)?\\s*${pattern.source}`, 'gi'), ' ');
  }
  return result.replace(/\s{2,}/g, ' ').replace(/\s+([,.])/g, '$1').trim();
}

function singular(actor: string): string {
  const lower = actor.toLowerCase().replace(/^(?:the|our|all|every|each|a|an|any)\s+/, '');
  if (/\b(?:team|department|group|staff)$/.test(lower)) return `member of the ${lower}`;
  if (/ies$/.test(lower)) return lower.replace(/ies$/, 'y');
  if (/(?:ss|us)$/.test(lower)) return lower;
  return lower.replace(/s$/, '');
}

/** "Okta SSO" names Okta: generic words (SSO, API, PDF) trail off a system's name. */
function trimGeneric(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 0 && NOT_SYSTEMS.has(words[words.length - 1].toUpperCase())) words.pop();
  return words.join(' ');
}

export function actorSingular(actor: string): string {
  return singular(actor);
}

/** Finds capabilities, quality words, systems and dependencies in a business request. */
export function extract(text: string): Extraction {
  const capabilities: Capability[] = [];
  const qualities: Quality[] = [];
  let lastActor = 'users';
  for (const sentence of sentencesOf(text)) {
    let body = sentence.replace(/[.!?]+$/, '');
    let condition: string | undefined;
    let trigger: string | undefined;
    let state: string | undefined;
    const applyCondition = (kind: string, clause: string) => {
      const lower = kind.toLowerCase();
      if (lower === 'if' || lower === 'unless') condition = lower === 'unless' ? `${clause} does not hold` : clause;
      else if (lower === 'while') state = clause;
      else trigger = `${lower === 'when' || lower === 'whenever' ? '' : `${lower} `}${clause}`.trim();
    };
    const lead = CONDITION_LEAD.exec(body);
    if (lead?.groups) {
      applyCondition(lead.groups.kind, lead.groups.clause);
      body = body.slice(lead[0].length);
    }
    const actorMatch = ACTOR_AND_MODAL.exec(body);
    let actor = lastActor;
    let predicate = body;
    if (actorMatch) {
      actor = (actorMatch.groups?.storyActor ?? actorMatch.groups?.actor ?? lastActor).trim();
      predicate = body.slice(actorMatch[0].length);
    } else if (!verbAt(body) && !/^(?:be|get)\s/i.test(body)) {
      continue;
    }
    const isSystem = SYSTEM_SUBJECTS.test(actor);
    if (!isSystem) lastActor = actor.replace(/^(?:the|our|all|every|each|a|an|any)\s+/i, '');
    // A trailing "when ..." belongs to the last coordinated capability; a leading one to all.
    const tail = CONDITION_TAIL.exec(predicate);
    let tailCondition: [string, string] | undefined;
    if (tail?.groups) {
      tailCondition = [tail.groups.kind, tail.groups.clause];
      predicate = predicate.slice(0, tail.index);
    }
    let previousObject = '';
    let partActor = actor;
    let partIsSystem = isSystem;
    const predicateParts = splitPredicate(predicate);
    for (const [partIndex, rawPart] of predicateParts.entries()) {
      if (tailCondition && partIndex === predicateParts.length - 1) applyCondition(...tailCondition);
      let part = rawPart;
      const ownSubject = ACTOR_AND_MODAL.exec(part);
      if (ownSubject && !MODAL_START.test(part)) {
        partActor = (ownSubject.groups?.actor ?? partActor).trim();
        partIsSystem = SYSTEM_SUBJECTS.test(partActor);
        part = part.slice(ownSubject[0].length);
      }
      part = part.replace(MODAL_START, '');
      const index = capabilities.length;
      let phrase = stripQualities(part, (word) => qualities.push({ word, kind: QUALITY_WORDS[word], capability: index }));
      if (/\boffline\b/i.test(phrase)) {
        state ??= 'the device is offline';
        phrase = phrase.replace(/\s*\boffline\b/i, '').trim();
      }
      const passive = /^(?:be|get)\s+(\w+ed|shown)\b/i.exec(phrase);
      let verb: string;
      let object: string;
      if (passive) {
        verb = PASSIVE_RESPONSES[passive[1].toLowerCase()] ?? passive[1].toLowerCase();
        object = phrase.slice(passive[0].length).trim();
      } else {
        verb = verbAt(phrase) ?? phrase.split(' ')[0].toLowerCase();
        object = phrase.slice(verb.length).trim();
      }
      let details = '';
      const detailMatch = DETAILS.exec(object);
      if (detailMatch) {
        details = detailMatch[0].replace(/^,?\s+/, '').trim();
        object = object.slice(0, detailMatch.index).trim();
      }
      object = object.replace(OPEN_LIST, '');
      if (PRONOUN.test(object) && previousObject) object = object.replace(PRONOUN, previousObject);
      if (object) previousObject = object.replace(/^(?:with|to|for|from|on|in)\s+.*$/i, '') || previousObject;
      if (!verb) continue;
      const actorName = partActor.replace(/^(?:the|our|all|every|each|a|an|any)\s+/i, '').toLowerCase();
      capabilities.push({
        actor: partIsSystem ? 'the system' : /\b(?:team|department|group|staff)$/.test(actorName) ? `the ${actorName}` : actorName,
        verb,
        object,
        details,
        condition,
        trigger,
        state,
        passive: !!passive,
        source: sentence,
      });
    }
  }
  const systems = [...new Set([...text.matchAll(/(?<![.!?]\s|^)\b([A-Z][a-zA-Z0-9]+(?:\s+[A-Z][a-zA-Z0-9]+){0,2})\b/g)].map((match) => trimGeneric(match[1])))]
    .filter(Boolean)
    .filter((name) => !name.split(/\s+/).every((word) => NOT_SYSTEMS.has(word) || NOT_SYSTEMS.has(word.toUpperCase())))
    .filter((name) => !capabilities.some((capability) => capability.actor.toLowerCase() === name.toLowerCase()));
  const teams = [...new Set([...text.matchAll(/\b(?:their|the|our|a|an)\s+((?:[a-z]+\s+){0,2}?(?:team|department|managers?|admins?|administrators|auditors|accountants))\b/gi)].map((match) => match[1].toLowerCase()))]
    .filter((team) => /team|department/.test(team));
  const dependencies: Dependency[] = [];
  for (const signal of DEPENDENCY_SIGNALS) {
    if (signal.pattern.test(text)) dependencies.push({ name: signal.name, why: signal.why, risk: signal.risk });
  }
  for (const system of systems) dependencies.push({ name: `${system} integration`, why: `the request names ${system}`, risk: `${system} API changes, rate limits or outages break the integration` });
  for (const team of teams) dependencies.push({ name: `The ${team} as recipients`, why: 'recipient and permission model: who may receive what', risk: `Data shared with the ${team} reaches people outside it` });
  return { capabilities, qualities, dependencies, systems, teams };
}
