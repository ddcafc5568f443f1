import assert from 'node:assert/strict';
import { applyFixes } from '../../src/core/fix.js';
import { configNames, configOptIn, frontMatterOptIn } from '../../src/core/opt-in.js';
import { SpecwiseProject } from '../../src/config.js';
import { parse } from 'jsonc-parser';

const apply = (text: string, edits: { offset: number; length: number; newText: string }[]) => applyFixes(text, [{ title: 'opt in', edits }]).text;

describe('opting a file in as a spec', () => {
  it('adds front matter with the template, or a template key to existing front matter', () => {
    assert.equal(apply('# Payments\n', [frontMatterOptIn('# Payments\n', 'tech-spec')]), '---\ntemplate: tech-spec\n---\n\n# Payments\n');
    const withFrontMatter = '---\ntitle: Payments\n---\n# Payments\n';
    assert.equal(apply(withFrontMatter, [frontMatterOptIn(withFrontMatter, 'prd')]), '---\ntitle: Payments\ntemplate: prd\n---\n# Payments\n');
    const crlf = '---\r\ntitle: Payments\r\ntemplate: rfc\r\n---\r\n# Payments\r\n';
    assert.equal(apply(crlf, [frontMatterOptIn(crlf, 'prd')]), '---\r\ntitle: Payments\r\ntemplate: prd\r\n---\r\n# Payments\r\n');
    assert.equal(apply('--- not front matter\n', [frontMatterOptIn('--- not front matter\n', 'prd')]), '---\ntemplate: prd\n---\n\n--- not front matter\n');
  });

  it('appends an override to the configuration, keeping its comments', () => {
    const config = '{\n  // team settings\n  "template": "prd"\n}\n';
    const once = apply(config, configOptIn(config, 'docs/payments-design.md', 'prd'));
    assert.match(once, /\/\/ team settings/);
    assert.deepEqual(parse(once).overrides, [{ files: ['docs/payments-design.md'], template: 'prd' }]);
    assert.ok(configNames(once, 'docs/payments-design.md'));
    const twice = apply(once, configOptIn(once, 'docs/other.md', 'tech-spec'));
    assert.deepEqual(parse(twice).overrides.map((entry: { files: string[] }) => entry.files[0]), ['docs/payments-design.md', 'docs/other.md']);
    assert.ok(!configNames(config, 'docs/payments-design.md'));
  });

  it('makes the file a spec once applied', async () => {
    const files = new Map<string, string>([['/w/.specwise.jsonc', apply('{}', configOptIn('{}', 'docs/payments-design.md', 'prd'))]]);
    const host = { readFile: async (path: string) => files.get(path), exists: async (path: string) => files.has(path), folders: async () => [] };
    const settings = await new SpecwiseProject(host, { root: '/w' }).settingsFor('/w/docs/payments-design.md', '# Payments\n');
    assert.equal(settings.isSpec, true);
    assert.equal(settings.template.name, 'prd');
  });
});
