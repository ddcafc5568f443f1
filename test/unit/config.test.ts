import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeHost } from '../../src/cli/node-host.js';
import { SpecwiseProject } from '../../src/config.js';
import { anchored, matches, walkBase } from '../../src/core/config/resolve.js';
import { toPosix } from '../../src/core/paths.js';

let root: string;

function write(relative: string, text: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return toPosix(file);
}

function project(configFile?: string) {
  return new SpecwiseProject(nodeHost, { root: toPosix(root), configFile: configFile && toPosix(path.join(root, configFile)) });
}

async function settings(file: string, text = '# Spec\n', configFile?: string) {
  return project(configFile).settingsFor(toPosix(path.join(root, file)), text);
}

async function errorsOf(config: string, file = '.specwise.jsonc') {
  write(file, config);
  const { errors } = await project().configFor(toPosix(path.join(root, path.dirname(file), 'spec.md')));
  return errors.map((error) => `${error.line}:${error.column} ${error.message}`);
}

describe('configuration', () => {
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'specwise-config-'));
    mkdirSync(path.join(root, '.git'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('discovery', () => {
    it('uses defaults without a config: tech-spec, default spec patterns', async () => {
      const spec = await settings('specs/search.md');
      assert.equal(spec.template.name, 'tech-spec');
      assert.equal(spec.isSpec, true);
      assert.equal(spec.configFile, undefined);
      assert.equal((await settings('README.md')).isSpec, false, 'a plain README is not a spec');
      for (const file of ['docs/specs/a.md', 'requirements/x.md', 'rfcs/0001.md', 'app/checkout.spec.md', 'PRD-search.md', 'docs/prd_v2.md', 'requirements-v2.md', 'docs/guide.md', 'CHANGELOG.md', 'docs/export-spec.md', 'docs/export_spec.md', 'docs/inspector.md']) {
        const expected = !['docs/guide.md', 'CHANGELOG.md', 'docs/inspector.md'].includes(file);
        assert.equal((await settings(file)).isSpec, expected, file);
      }
    });

    it('treats front matter with template: or specwise: as a spec and picks its template', async () => {
      const byTemplate = await settings('notes/idea.md', '---\ntemplate: prd\n---\n# Idea\n');
      assert.equal(byTemplate.isSpec, true);
      assert.equal(byTemplate.template.name, 'prd');
      assert.equal((await settings('notes/idea.md', '---\nspecwise: true\n---\n# Idea\n')).isSpec, true);
      assert.equal((await settings('notes/idea.md', '---\ntitle: x\n---\n# Idea\n')).isSpec, false);
    });

    it('finds the nearest config, .jsonc with comments', async () => {
      write('.specwise.json', '{ "template": "prd" }');
      write('team/.specwise.jsonc', '{\n  // the team writes RFCs\n  "template": "rfc",\n}\n');
      assert.equal((await settings('specs/a.md')).template.name, 'prd');
      assert.equal((await settings('team/specs/deep/a.md')).template.name, 'rfc');
      assert.equal((await settings('team/specs/deep/a.md')).configFile, toPosix(path.join(root, 'team/.specwise.jsonc')));
    });

    it('stops at the repository root', async () => {
      const outer = mkdtempSync(path.join(os.tmpdir(), 'specwise-outer-'));
      try {
        writeFileSync(path.join(outer, '.specwise.json'), '{ "template": "prd" }');
        mkdirSync(path.join(outer, 'repo/.git'), { recursive: true });
        const repoProject = new SpecwiseProject(nodeHost, { root: toPosix(outer) });
        const result = await repoProject.settingsFor(toPosix(path.join(outer, 'repo/specs/a.md')), '# A\n');
        assert.equal(result.template.name, 'tech-spec');
      } finally {
        rmSync(outer, { recursive: true, force: true });
      }
    });

    it('uses --config for every file instead of discovery', async () => {
      write('.specwise.json', '{ "template": "prd" }');
      write('ci/specwise.json', '{ "template": "rfc", "files": ["../docs/**/*.md"] }');
      const result = await settings('docs/x.md', '# X\n', 'ci/specwise.json');
      assert.equal(result.template.name, 'rfc');
      assert.equal(result.isSpec, true, 'files patterns are relative to the config file');
    });
  });

  describe('files, overrides, rules, extends', () => {
    it('applies files and ignores patterns relative to the config', async () => {
      write('.specwise.json', '{ "files": ["design/**/*.md"], "ignores": ["design/archive/**"] }');
      assert.equal((await settings('design/a.md')).isSpec, true);
      assert.equal((await settings('design/archive/a.md')).isSpec, false);
      assert.equal((await settings('specs/a.md')).isSpec, false, 'files replaces the defaults');
    });

    it('opts a single file in with an override naming its template, keeping the defaults', async () => {
      write('.specwise.json', '{ "overrides": [{ "files": ["docs/payments-design.md"], "template": "prd" }, { "files": ["docs/**"], "rules": {} }] }');
      const opted = await settings('docs/payments-design.md');
      assert.equal(opted.isSpec, true);
      assert.equal(opted.template.name, 'prd');
      assert.match(opted.specReason, /an override in the configuration gives it template 'prd'/);
      assert.equal((await settings('docs/other.md')).isSpec, false, 'an override without a template opts nothing in');
      assert.equal((await settings('specs/a.md')).isSpec, true, 'the default patterns still apply');
    });

    it('applies overrides in order, later entries winning', async () => {
      write(
        '.specwise.json',
        JSON.stringify({
          rules: { 'empty-section': 'error', 'section-order': 'off' },
          overrides: [
            { files: ['keps/**'], template: 'rfc', rules: { 'empty-section': 'info' } },
            { files: ['keps/old/**'], rules: { 'empty-section': 'off' } },
          ],
        }),
      );
      const plain = await settings('specs/a.md');
      assert.deepEqual(plain.settings['empty-section'], { severity: 'error' });
      assert.deepEqual(plain.settings['section-order'], { severity: 'off' });
      const kep = await settings('keps/new/README.md');
      assert.equal(kep.template.name, 'rfc');
      assert.deepEqual(kep.settings['empty-section'], { severity: 'info' });
      assert.deepEqual((await settings('keps/old/README.md')).settings['empty-section'], { severity: 'off' });
    });

    it('merges an extends chain: presets, then files, then the config itself', async () => {
      write('base/base.jsonc', '{ "extends": "specwise:strict", "template": "prd", "rules": { "section-order": "off", "empty-section": "info" } }');
      write('.specwise.json', '{ "extends": ["./base/base.jsonc"], "rules": { "empty-section": "error" } }');
      const result = await settings('specs/a.md');
      assert.equal(result.template.name, 'prd');
      assert.deepEqual(result.settings['section-order'], { severity: 'off' });
      assert.deepEqual(result.settings['empty-section'], { severity: 'error' });
      assert.ok(result.template.sections.every((entry) => entry.presence !== 'recommended'), 'strict makes recommended sections required');
    });

    it('builds team templates that extend built-in ones: replace in place, append, omit', async () => {
      write(
        '.specwise.json',
        JSON.stringify({
          template: 'kep',
          templates: {
            kep: {
              title: 'Enhancement proposal',
              extends: 'tech-spec',
              omit: ['cost'],
              sections: [
                { id: 'risks', title: 'Risks and Mitigations', aliases: ['Risks'], kind: 'risks', presence: 'required' },
                { id: 'graduation', title: 'Graduation Criteria', kind: 'success-criteria', presence: 'recommended' },
              ],
            },
          },
        }),
      );
      const { template } = await settings('specs/a.md');
      const ids = template.sections.map((entry) => entry.id);
      assert.equal(template.title, 'Enhancement proposal');
      assert.equal(ids.indexOf('risks'), 5, 'replaced in place');
      assert.equal(ids[ids.length - 1], 'graduation');
      assert.ok(!ids.includes('cost'));
      assert.equal(template.sections[5].title, 'Risks and Mitigations');
      assert.ok(template.sections[5].scaffold, 'keeps the base scaffold');
    });
  });

  describe('validation errors, located', () => {
    it('reports JSON syntax errors', async () => {
      assert.deepEqual(await errorsOf('{\n  "template": "prd"\n  "rules": {}\n}'), ['3:3 Invalid JSON: comma expected.']);
      assert.deepEqual(await errorsOf(''), ['1:1 The config file is empty; expected a JSON object.']);
    });

    it('reports unknown keys at the key', async () => {
      assert.deepEqual(await errorsOf('{\n  "tempalte": "prd"\n}'), [`2:3 Unknown property 'tempalte' in the config. Did you mean 'template'?`]);
      assert.deepEqual(await errorsOf('{ "colour": "red" }'), [`1:3 Unknown property 'colour' in the config.`], 'no suggestion when nothing is close');
      assert.deepEqual(await errorsOf('{ "overrides": [ { "file": ["a/**"] } ] }'), [
        `1:18 'overrides.0' needs 'files' (array).`,
        `1:20 Unknown property 'file' in 'overrides.0'. Did you mean 'files'?`,
      ]);
    });

    it('reports wrong types with what was expected', async () => {
      const [error] = await errorsOf('{ "files": "specs/**" }');
      assert.match(error, /^1:12 'files': expected array, received string\.$/);
    });

    it('reports unknown rule ids', async () => {
      const [error] = await errorsOf('{\n  "rules": {\n    "vauge-term": "warning"\n  }\n}');
      assert.match(error, /^3:5 Unknown property 'vauge-term' in 'rules'; it is not a Specwise rule id .*\. Did you mean 'vague-term'\?$/);
    });

    it('reports bad severities and bad rule options at the value', async () => {
      const [severity] = await errorsOf('{ "rules": { "empty-section": "loud" } }');
      assert.match(severity, /^1:31 'rules\.empty-section': expected a severity \('error', 'warning', 'info' or 'off'\) or \[severity, options\]/);
      const [options] = await errorsOf('{ "rules": { "empty-section": ["warning", { "minWords": 3 }] } }');
      assert.match(options, /^1:45 Unknown property 'minWords' in 'rules\.empty-section\.1'/);
    });

    it('reports unknown templates where they are named', async () => {
      assert.deepEqual(
        (await errorsOf('{\n  "template": "kep"\n}')).map((error) => error.replace(/: tech-spec.*/, '')),
        [`2:15 Unknown template 'kep'; expected a built-in or configured template`],
      );
      const [inOverride] = await errorsOf('{ "overrides": [ { "files": ["a/**"], "template": "nope" } ] }');
      assert.match(inOverride, /^1:51 Unknown template 'nope'/);
      const [inExtends] = await errorsOf('{ "templates": { "kep": { "extends": "nope", "sections": [] } } }');
      assert.match(inExtends, /^1:38 Unknown template 'nope'/);
    });

    it('reports cycles in extends at the extends entry', async () => {
      write('a.json', '{ "extends": "./b.json" }');
      write('b.json', '{\n  "extends": ["./a.json"]\n}');
      const errors = await errorsOf('{ "extends": "./a.json" }');
      assert.equal(errors.length, 1);
      assert.match(errors[0], /^2:15 'extends' makes a cycle: .*a\.json' -> .*b\.json' -> .*a\.json'/);
      assert.deepEqual(await errorsOf('{ "extends": "./.specwise.jsonc" }'), [`1:14 'extends' makes a cycle: '${toPosix(path.join(root, '.specwise.jsonc'))}' -> '${toPosix(path.join(root, '.specwise.jsonc'))}'.`]);
    });

    it('reports missing extended files and unknown presets', async () => {
      const [missing, preset] = await errorsOf('{ "extends": ["./nowhere.json", "specwise:lenient"] }');
      assert.match(missing, /^1:15 Cannot read config file '.*nowhere\.json'/);
      assert.match(preset, /^1:33 Unknown preset 'specwise:lenient'; expected one of: specwise:recommended, specwise:strict/);
    });

    it('reports template problems: cycles, duplicate ids, bad omits, no sections', async () => {
      const cycle = await errorsOf('{ "templates": { "a": { "extends": "b" }, "b": { "extends": "a" } } }');
      assert.equal(cycle.length, 1);
      assert.match(cycle[0], /extends itself/);
      const [duplicate] = await errorsOf('{ "templates": { "a": { "sections": [ { "id": "x", "title": "X" }, { "id": "x", "title": "Y" } ] } } }');
      assert.match(duplicate, /Section id 'x' appears twice in template 'a'/);
      const [omit] = await errorsOf('{ "templates": { "a": { "extends": "rfc", "omit": ["risks"] } } }');
      assert.match(omit, /omits 'risks', which 'rfc' does not have/);
      const [empty] = await errorsOf('{ "templates": { "a": { "title": "A" } } }');
      assert.match(empty, /Template 'a' has no sections/);
    });

    it('reports globs that cannot match what was meant', async () => {
      const errors = await errorsOf('{\n  "files": ["**/*.{md", "/abs/**"],\n  "overrides": [{ "files": ["a)b"] }]\n}');
      assert.equal(errors.length, 3);
      assert.match(errors[0], /^2:13 Invalid glob '\*\*\/\*\.\{md': '\}' is missing/);
      assert.match(errors[1], /^2:25 Invalid glob '\/abs\/\*\*': globs are relative to the config file/);
      assert.match(errors[2], /^3:29 Invalid glob 'a\)b': '\)' has no matching opening bracket/);
    });

    it('refuses a huge config file unread', async () => {
      const [error] = await errorsOf(`{ "rules": {} }${' '.repeat(1_000_001)}`);
      assert.match(error, /^1:1 The config file is \d+ characters long, over the 1000000 limit/);
    });

    it('keeps checking with the defaults when the config is invalid', async () => {
      write('.specwise.json', '{ "template": 42 }');
      const result = await settings('specs/a.md');
      assert.equal(result.configErrors.length, 1);
      assert.equal(result.template.name, 'tech-spec');
      assert.equal(result.isSpec, true);
    });
  });
});

describe('glob sets with ../', () => {
  const globs = { base: '/repo/specs', patterns: ['../tests/**/*.test.ts', './api/*.md'] };

  it('anchor each pattern at its own base and walk from the highest one', () => {
    assert.deepEqual(anchored(globs.base, globs.patterns[0]), { base: '/repo', pattern: 'tests/**/*.test.ts' });
    assert.deepEqual(anchored(globs.base, globs.patterns[1]), { base: '/repo/specs', pattern: 'api/*.md' });
    assert.equal(walkBase(globs), '/repo');
    assert.equal(walkBase({ base: '/repo/specs', patterns: ['*.md'] }), '/repo/specs');
  });

  it('match files below each pattern\'s own base only', () => {
    assert.equal(matches(globs, '/repo/tests/unit/export.test.ts'), true);
    assert.equal(matches(globs, '/repo/specs/api/export.md'), true);
    assert.equal(matches(globs, '/repo/api/export.md'), false);
  });
});
