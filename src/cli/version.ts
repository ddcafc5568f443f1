declare const SPECWISE_VERSION: string | undefined;

/** Injected by the bundler; tests run from source. */
export const VERSION = typeof SPECWISE_VERSION === 'string' ? SPECWISE_VERSION : '0.0.0-dev';
