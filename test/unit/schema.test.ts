import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { Code } from 'mdast';
import { configSchema } from '../../src/config.js';
import { configJsonSchema, configJsonSchemaText } from '../../src/config-json-schema.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { PROJECT_ROOT } from './helpers.js';

const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schemas/specwise.schema.json');

function documentedExample(): unknown {
  const markdown = readFileSync(path.join(PROJECT_ROOT, 'docs/configuration.md'), 'utf8');
  const block = parseMarkdown(markdown).children.find((node): node is Code => node.type === 'code' && node.lang === 'jsonc');
  assert.ok(block, 'docs/configuration.md has a jsonc example');
  return parseJsonc(block.value);
}

describe('config JSON schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(configJsonSchema());

  it('is committed as generated from the zod schema (run `npm run schema` after changing it)', () => {
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), configJsonSchemaText());
  });

  it('accepts the documented complete example, as zod does', () => {
    const example = documentedExample();
    assert.ok(validate(example), JSON.stringify(validate.errors));
    assert.ok(configSchema.safeParse(example).success);
  });

  for (const [name, bad] of [
    ['an unknown key', { tempalte: 'prd' }],
    ['an unknown rule id', { rules: { 'vauge-term': 'warning' } }],
    ['a bad severity', { rules: { 'empty-section': 'loud' } }],
    ['rule options the rule does not take', { rules: { 'empty-section': ['warning', { minWords: 3 }] } }],
    ['files that is not a list', { files: 'specs/**' }],
    ['a section without a title', { templates: { kep: { sections: [{ id: 'risks' }] } } }],
    ['an unknown section kind', { templates: { kep: { sections: [{ id: 'risks', title: 'Risks', kind: 'danger' }] } } }],
    ['a template name with spaces', { template: 'My Template' }],
    ['an override without files', { overrides: [{ template: 'rfc' }] }],
  ] as const) {
    it(`rejects ${name}, as zod does`, () => {
      assert.equal(validate(bad), false);
      assert.equal(configSchema.safeParse(bad).success, false);
    });
  }

  it('ships with the extension for .specwise.json and .specwise.jsonc', () => {
    const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    const bindings = manifest.contributes.jsonValidation as { fileMatch: string | string[]; url: string }[];
    const files = bindings.flatMap((binding) => binding.fileMatch);
    assert.ok(files.includes('.specwise.json') && files.includes('.specwise.jsonc'));
    assert.ok(bindings.every((binding) => binding.url === './schemas/specwise.schema.json'));
  });
});
