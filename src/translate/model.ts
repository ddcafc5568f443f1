/** What the translation finds in a request, before it is written as a spec. */

/** EARS patterns a condition maps to: When (event), While (state), If … then (unwanted), Where (optional). */
export type ConditionKind = 'event' | 'state' | 'unwanted' | 'optional';

export interface Condition {
  kind: ConditionKind;
  /** The clause, ready to follow "When", "While", "If" or "Where". */
  text: string;
}

export type QualityKind = 'latency' | 'security' | 'availability' | 'usability' | 'volume' | 'capacity' | 'accuracy' | 'platform';

export interface Quality {
  kind: QualityKind;
  /** The words of the request that asked for it ("quickly", "with one tap"). */
  phrase: string;
}

/**
 * How the system's response reads:
 * - allow: "allow <actor> to <verb> …" (or "show"/"send" for what the actor sees or receives);
 * - act: "<verb> …", the system (or the component that is the subject) acts;
 * - ensure: "ensure that <clause subject> <verb> …", for an outcome on something else;
 * - provide: "provide <actor> with <object> …", for "X needs an API".
 */
export type ResponseForm = 'allow' | 'act' | 'ensure' | 'provide';

export interface Capability {
  form: ResponseForm;
  /** Who gets the capability, in the plural ("store managers"); absent when the system acts on its own. */
  actor?: string;
  /** The EARS subject: "the system", or the part of it the request names ("the booking form"). */
  subject: string;
  /** Base form, phrasal verbs whole ("sign up"); "be" for "is visible", "are ready". */
  verb: string;
  /** The noun phrase the verb acts on ("low-stock alerts"), possibly empty. */
  object: string;
  /** Everything after the object: complements, places, figures ("from the supplier portal"). */
  rest: string;
  /** For "ensure": what the outcome is about ("the cart abandonment rate"). */
  clauseSubject?: string;
  negated: boolean;
  /** The object is people the system acts on ("notify users", "guide developers"). */
  objectIsPeople?: boolean;
  conditions: Condition[];
  qualities: Quality[];
  /** The sentence it came from. */
  source: string;
}

export interface Dependency {
  name: string;
  why: string;
  risk: string;
}

export interface Extraction {
  capabilities: Capability[];
  /** Sentences that describe the situation today, for the problem statement. */
  context: string[];
  /** Why the requesters want it ("so that …"), for the problem statement, with who wants it when known. */
  benefits: { who?: string; text: string; /** As the requester wrote it ("I can plan staffing"). */ asWritten: string }[];
  dependencies: Dependency[];
  /** Questions the request itself asks. */
  questions: string[];
}
