import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../../src/api.js';
import { applyFixes } from '../../src/core/fix.js';
import { parseSpec } from '../../src/core/parse.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { insertionEdits, translate } from '../../src/translate/index.js';
import { PROJECT_ROOT } from './helpers.js';

interface Request {
  text: string;
  verbs: string[];
  qualities: string[];
  dependencies: string[];
  questions?: string[];
}

const REQUESTS = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/translation/requests.json'), 'utf8')) as Request[];
const techSpec = builtInTemplates.get('tech-spec')!;

/** Findings other than the explicit clarification markers. */
function unexpectedFindings(markdown: string, templateName: string) {
  return lintText({ text: markdown, template: builtInTemplates.get(templateName)! })
    .findings.filter((finding) => !(finding.ruleId === 'unresolved-placeholder' && /^\[NEEDS CLARIFICATION/.test(String(finding.data?.placeholder))))
    .map((finding) => `${finding.start.line} ${finding.ruleId}: ${finding.message}`);
}

describe('requirement-to-spec translation', () => {
  it(`has a realistic request set (${REQUESTS.length} requests)`, () => {
    assert.ok(REQUESTS.length >= 30);
  });

  for (const request of REQUESTS) {
    describe(request.text.slice(0, 70), () => {
      const translation = translate(request.text, { template: techSpec });
      const requirements = translation.sections.find((section) => section.id === 'requirements')!.body;

      it('finds each capability and writes it as an EARS requirement with an id', () => {
        const functional = requirements.split('\n').filter((line) => line.startsWith('- **REQ-'));
        assert.ok(functional.length >= request.verbs.length, functional.join('\n'));
        for (const verb of request.verbs) assert.ok(functional.some((line) => new RegExp(`\\b${verb}`, 'i').test(line)), `${verb} in\n${functional.join('\n')}`);
        for (const line of functional) assert.match(line, /^- \*\*REQ-\d+\*\*: (?:The system shall|When .+, the system shall|If .+, then the system shall|While .+, the system shall) .+\.$/);
      });

      it('turns every quality word into a non-functional requirement', () => {
        const kinds = new Set(translation.extraction.qualities.map((quality) => quality.kind));
        for (const kind of request.qualities) assert.ok(kinds.has(kind as never), `${kind} in ${[...kinds].join(', ')}`);
        if (request.qualities.length > 0) assert.match(requirements, /- \*\*NFR-1\*\*/);
      });

      it('gives every requirement a Given/When/Then acceptance criterion that references it', () => {
        const criteria = translation.sections.find((section) => section.kind === 'success-criteria')!.body;
        for (const [id] of requirements.matchAll(/(?:REQ|NFR)-\d+/g)) {
          assert.match(criteria, new RegExp(`\\(verifies ${id}\\): Given .+, when .+, then .+`));
        }
      });

      it('infers the dependencies, each with owner, status and date to clarify', () => {
        const dependencies = translation.sections.find((section) => section.id === 'dependencies')!.body;
        for (const name of request.dependencies) assert.ok(dependencies.includes(name), `${name} in\n${dependencies}`);
        for (const row of dependencies.split('\n').slice(2)) assert.equal((row.match(/NEEDS CLARIFICATION/g) ?? []).length, 3);
      });

      it('asks an open question for every ambiguous phrase', () => {
        const questions = translation.sections.find((section) => section.id === 'open-questions')!.body;
        for (const phrase of request.questions ?? []) assert.ok(questions.includes(`"${phrase}"`), `${phrase} in\n${questions}`);
      });

      it('passes every rule except the explicit clarification markers', () => {
        assert.deepEqual(unexpectedFindings(translation.markdown, 'tech-spec'), []);
      });
    });
  }

  for (const templateName of ['prd', 'ears', 'spec-kit', 'rfc']) {
    it(`writes the ${templateName} shape and passes its rules`, () => {
      const translation = translate(REQUESTS[0].text, { template: builtInTemplates.get(templateName)! });
      assert.deepEqual(unexpectedFindings(translation.markdown, templateName), []);
    });
  }

  it('is deterministic and honours the id prefix', () => {
    const first = translate(REQUESTS[3].text, { template: techSpec, idPrefix: 'FR' });
    const second = translate(REQUESTS[3].text, { template: techSpec, idPrefix: 'FR' });
    assert.equal(first.markdown, second.markdown);
    assert.match(first.markdown, /- \*\*FR-1\*\*: If a payment fails, then the system shall send customers an email\./);
  });

  it('inserts the sections into an existing spec at their template positions, keeping the text', () => {
    const spec = '# Export\n\n## Summary\n\nAdmins export reports.\n\n## Requirements\n\n- **REQ-9**: Existing requirement shall stay.\n\n## Test Plan\n\n- Manual test.\n';
    const translation = translate('Admins should be able to email reports to their finance team.', { template: techSpec, idPrefix: 'REQ' });
    const doc = parseSpec(spec);
    const result = applyFixes(spec, [{ title: 'translate', edits: insertionEdits(doc, techSpec, translation) }]);
    assert.deepEqual(result.skipped, []);
    const headings = [...result.text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    assert.deepEqual(headings, techSpec.sections.filter((section) => section.presence !== 'optional').map((section) => section.title));
    assert.match(result.text, /- \*\*REQ-9\*\*: Existing requirement shall stay\.\n\n- \*\*REQ-1\*\*/);
    assert.ok(result.text.includes('- Manual test.'));
  });
});
