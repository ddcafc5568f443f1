import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './helpers.js';
import { EARS_PATTERNS, earsOf, HOLDOUT_DIR, judge, loadSet, QUALITY_KINDS, type SetRequest } from './translation-set.js';

const SET = loadSet();
const DOMAINS = ['retail', 'health', 'logistics', 'finance', 'education', 'hr', 'industrial', 'public-sector'];
const PHRASINGS = ['should', 'must', 'needs-to', 'has-to', 'wants-to', 'x-wants-y-to', 'need-a-way', 'would-be-great', 'let', 'imperative-list', 'user-story', 'passive', 'email', 'meeting-notes', 'none'];
const FEATURES = ['narrative', 'if', 'unless', 'when', 'while', 'where', 'even-when', 'figures', 'coordination', 'different-subjects', 'phrasal-verb', 'compound', 'proper-name', 'context', 'quality', 'corpus', 'organisation'];
const KEYS = new Set(['id', 'group', 'tags', 'text', 'source', 'none', 'capabilities', 'dependencies', 'alsoDependencies', 'notDependencies', 'figures', 'qualities', 'problem', 'questions']);

describe('the translation request set', () => {
  it(`holds at least 150 requests with unique ids (${SET.length})`, () => {
    assert.ok(SET.length >= 150, String(SET.length));
    const ids = SET.map((request) => request.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const request of SET) assert.match(request.id, new RegExp(`^${request.group}-\\d+$`));
  });

  it('covers every domain with at least 15 requests, and keeps the first 32', () => {
    for (const domain of DOMAINS) assert.ok(SET.filter((request) => request.group === domain).length >= 15, domain);
    assert.equal(SET.filter((request) => request.group === 'general').length, 32);
  });

  it('uses every phrasing at least three times, and only known tags', () => {
    const tags = SET.flatMap((request) => request.tags);
    for (const phrasing of PHRASINGS) assert.ok(tags.filter((tag) => tag === phrasing).length >= 3, phrasing);
    for (const tag of tags) assert.ok(PHRASINGS.includes(tag) || FEATURES.includes(tag), tag);
  });

  it('gives every request well-formed expectations', () => {
    for (const request of SET) {
      for (const key of Object.keys(request)) assert.ok(KEYS.has(key), `${request.id}: ${key}`);
      if (request.none) {
        assert.equal(request.capabilities, undefined, request.id);
        continue;
      }
      assert.ok(request.text.trim().length > 0 && (request.capabilities ?? []).length > 0, request.id);
      for (const capability of request.capabilities!) {
        assert.ok(capability.has.length > 0, request.id);
        for (const pattern of [capability.ears ?? 'ubiquitous'].flat()) assert.ok(EARS_PATTERNS.includes(pattern), `${request.id}: ${pattern}`);
      }
      for (const kind of request.qualities ?? []) assert.ok(QUALITY_KINDS.includes(kind), `${request.id}: ${kind}`);
      const terms = [...request.capabilities!.flatMap((capability) => [...capability.has, ...(capability.clause ?? [])]), ...(request.figures ?? []), ...(request.dependencies ?? []), ...(request.problem ?? [])];
      for (const term of terms) assert.ok(typeof term === 'string' && request.text.length > 0, `${request.id}: ${String(term)}`);
    }
  });

  it('keeps its held-out requests apart, with unique ids and expectations', () => {
    const holdout = loadSet(HOLDOUT_DIR);
    assert.ok(holdout.length >= 50, String(holdout.length));
    assert.equal(new Set([...SET, ...holdout].map((request) => request.id)).size, SET.length + holdout.length);
    for (const request of holdout) assert.ok(request.none || (request.capabilities ?? []).length > 0, request.id);
  });

  it('quotes at least 25 user stories verbatim from the shared corpus', function () {
    const quoted = SET.filter((request) => request.source);
    assert.ok(quoted.length >= 25, String(quoted.length));
    const corpus = path.resolve(PROJECT_ROOT, '../shared/corpus');
    if (!existsSync(corpus)) this.skip();
    for (const request of quoted) {
      assert.match(request.source!, /^\.\.\/shared\/corpus\/(?:kiro-sce|spec-kit-[\w-]+)\//, request.id);
      assert.ok(readFileSync(path.resolve(PROJECT_ROOT, request.source!), 'utf8').includes(request.text), request.id);
    }
  });
});

describe('the translation judge', () => {
  const request = SET.find((candidate) => candidate.id === 'issue-3') as SetRequest;
  const spec = (requirements: string, criteria: string, dependencies = '| supplier portal (reorders go there) | x | x | x |') =>
    [
      '# Low-stock alerts',
      '## Problem Statement', 'x',
      '## Requirements', requirements,
      '## Success Criteria', criteria,
      '## Dependencies', '| Dependency | Owner | Status | Needed by |', '| --- | --- | --- | --- |', dependencies,
    ].join('\n\n');
  const requirements = [
    '- **REQ-1**: While the store Wi-Fi is down, the system shall show store managers low-stock alerts on their phones.',
    '- **REQ-2**: The system shall allow store managers to reorder from the supplier portal.',
    '- **NFR-1**: The system shall show low-stock alerts within 2 s.',
    '- **NFR-2**: The system shall support the supported platforms: phones.',
    '- **NFR-3**: The system shall let a store manager reorder in one tap.',
  ].join('\n');
  const criteria = ['REQ-1', 'REQ-2', 'NFR-1', 'NFR-2', 'NFR-3'].map((id, index) => `- **AC-${index + 1}** (verifies ${id}): Given a store, when it happens, then it works.`).join('\n');

  it('accepts a translation that meets every expectation', () => {
    assert.deepEqual(judge(request, { markdown: spec(requirements, criteria) }), []);
  });

  it('names what is wrong: a lost state, a split name, first-person wording, a missing criterion', () => {
    const wrong = requirements.replace('While the store Wi-Fi is down, the system', 'The system');
    const wrongCriteria = criteria.replace(/.*NFR-3.*/, '').replace('Given a store', 'Given a signed-in we');
    const problems = judge(request, { markdown: spec(wrong, wrongCriteria, '| Wi integration | x | x | x |') }).map((problem) => problem.message);
    assert.ok(problems.some((problem) => problem.startsWith('REQ-1 is ubiquitous, expected state')), problems.join('\n'));
    assert.ok(problems.some((problem) => problem.startsWith('first-person pronoun')), problems.join('\n'));
    assert.ok(problems.includes('no criterion verifies NFR-3'), problems.join('\n'));
    assert.ok(problems.includes('"Wi" listed as a dependency'), problems.join('\n'));
    assert.ok(problems.includes('dependency "supplier portal" missing'), problems.join('\n'));
  });

  it('wants no spec and a message for text without a requirement', () => {
    const none = SET.find((candidate) => candidate.none)!;
    assert.deepEqual(judge(none, { markdown: '', message: 'No requirement found.' }), []);
    assert.deepEqual(judge(none, { markdown: '# Spec\n' }).map((problem) => problem.message), ['produced a spec for a text that holds no requirement', 'no message saying that the text holds no requirement']);
  });

  it('reads the EARS pattern and condition of a requirement', () => {
    assert.deepEqual(earsOf('While the line is running, when a jam occurs, the system shall stop the belt.'), { pattern: 'complex', clause: 'the line is running, a jam occurs' });
    assert.deepEqual(earsOf('If a payment fails, then the system shall email the customer.'), { pattern: 'unwanted', clause: 'a payment fails' });
    assert.equal(earsOf('The system shall allow users to export and shall log it.'), undefined);
  });
});
