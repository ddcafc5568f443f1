/**
 * Why a model translation did not happen. Each kind has a message for the user; the callers
 * then fall back to the deterministic translation.
 */
export type ModelFailureKind =
  /** No model is configured or offered. */
  | 'no-model'
  /** The user did not allow the use of the model, or the endpoint refused the key. */
  | 'no-consent'
  | 'cancelled'
  | 'rate-limited'
  | 'timeout'
  /** The endpoint could not be reached or answered with an error. */
  | 'unavailable'
  /** The reply is not a spec, or not the protocol's format. */
  | 'malformed';

export class ModelFailure extends Error {
  constructor(
    readonly kind: ModelFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'ModelFailure';
  }
}

/** The sentence users read: what went wrong and that the rules translated instead. */
export function fallbackMessage(failure: ModelFailure): string {
  return `${failure.message.replace(/[.\s]+$/, '')}; translated with the rules instead.`;
}
