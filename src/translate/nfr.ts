// Non-functional requirements for the quality words of a request: the target is what the
// request left open, so it is a clarification marker unless the request gave it.
import { capitalize, type English } from './english.js';
import { response } from './ears.js';
import type { Capability, Quality, QualityKind } from './model.js';

export const ask = (question: string) => `[NEEDS CLARIFICATION: ${question}]`;

export interface NonFunctional {
  kind: QualityKind;
  text: string;
  /** Given/When/Then. */
  criterion: string;
  /** The same check as an EARS statement: WHEN … THEN the system SHALL …. */
  ears: string;
}

/** "with one tap", "in one click": the request states the target itself. */
const STATED = /\b(?:one|single|a|\d+)\s+(?:tap|click|step)s?\b/i;

type Template = (action: string, quality: Quality) => Omit<NonFunctional, 'kind'>;

const TEMPLATES: Record<QualityKind, Template> = {
  latency: (action) => ({
    text: `${action} within ${ask('target time, such as 2 s for 95% of requests')}`,
    criterion: `Given production-like load ${ask('load profile')}, when the response time is measured, then 95% of requests complete within the target time`,
    ears: 'WHEN the response time is measured under production-like load THEN the system SHALL complete 95% of requests within the target time',
  }),
  security: (action) => ({
    text: `${action} only for authorized roles ${ask('which roles?')}, and record each request with user and time in an audit log`,
    criterion: 'Given a user without an authorized role, when they make the request, then the system refuses it and the audit log records the attempt',
    ears: 'IF a user without an authorized role makes the request THEN the system SHALL refuse it and record the attempt in the audit log',
  }),
  availability: (action) => ({
    text: `${action} with an availability of ${ask('target, such as 99.9% per month')}`,
    criterion: 'Given a month of production traffic, when availability is measured, then it meets the availability target',
    ears: 'WHEN availability is measured over a month of production traffic THEN the system SHALL meet the availability target',
  }),
  usability: (action, quality) =>
    STATED.test(quality.phrase)
      ? {
          text: `${action} ${quality.phrase.toLowerCase()}`,
          criterion: `Given a first-time user in a usability test, when they complete the task without help, then they need no more than ${quality.phrase.toLowerCase().replace(/^(?:with|in)\s+/, '')}`,
          ears: `WHEN a first-time user completes the task without help THEN the system SHALL let them finish ${quality.phrase.toLowerCase()}`,
        }
      : {
          text: `${action} without help, in at most ${ask('number of steps or seconds for a first-time user')} steps`,
          criterion: 'Given first-time users in a usability test, when they complete the task without help, then they stay within the target number of steps',
          ears: 'WHEN a first-time user completes the task without help THEN the system SHALL let them finish within the target number of steps',
        },
  volume: (action) => ({
    text: `${action} for up to ${ask('maximum number of items or size per request')} items`,
    criterion: 'Given a request at the maximum volume, when it runs, then it completes without errors',
    ears: 'WHEN a request at the maximum volume runs THEN the system SHALL complete it without errors',
  }),
  capacity: (action) => ({
    text: `${action} at a peak load of ${ask('users or requests per second')}`,
    criterion: 'Given the peak load, when it runs for 1 hour, then the response time and error targets hold',
    ears: 'WHEN the peak load runs for 1 hour THEN the system SHALL hold the response time and error targets',
  }),
  accuracy: (action) => ({
    text: `${action} with an error rate below ${ask('target error rate, such as 0.1%')}`,
    criterion: 'Given a reference data set with known results, when the system processes it, then the error rate is below the target',
    ears: 'WHEN the system processes a reference data set with known results THEN the system SHALL keep the error rate below the target',
  }),
  platform: (action) => ({
    text: `${action} on the supported devices ${ask('which phones and tablets, which operating system versions?')}`,
    criterion: 'Given each supported device, when a user makes the request on it, then the request succeeds',
    ears: 'WHEN a user makes the request on a supported device THEN the system SHALL complete it',
  }),
};

/** One non-functional requirement per quality kind per capability. */
export function nonFunctional(capability: Capability, english: English): NonFunctional[] {
  const seen = new Set<QualityKind>();
  const result: NonFunctional[] = [];
  for (const quality of capability.qualities) {
    if (seen.has(quality.kind)) continue;
    seen.add(quality.kind);
    const action = response({ ...capability, negated: false }, english);
    const { text, criterion, ears } = TEMPLATES[quality.kind](action, quality);
    result.push({ kind: quality.kind, text: `${capitalize(capability.subject)} shall ${text}.`, criterion, ears });
  }
  return result;
}
