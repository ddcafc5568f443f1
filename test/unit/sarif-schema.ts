import Ajv from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './helpers.js';

const SCHEMA_FILE = path.join(PROJECT_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let validator: ReturnType<Ajv['compile']> | undefined;

/** Validates against the official SARIF 2.1.0 JSON schema; returns the error list. */
export function sarifErrors(log: unknown): string[] {
  if (!validator) {
    // The schema's language-tag pattern is not valid with the `u` flag, hence unicodeRegExp off.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false, logger: false });
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  }
  return validator(log) ? [] : (validator.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
