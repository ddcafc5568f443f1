import assert from 'node:assert/strict';
import { lintText } from '../../src/api.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { NO_REQUIREMENT_MESSAGE, translate, type Translation, type TranslationResult } from '../../src/translate/index.js';
import { segment } from '../../src/translate/segment.js';
import { judge, loadSet, type SetRequest } from './translation-set.js';

const SET = loadSet();
const techSpec = builtInTemplates.get('tech-spec')!;

/** Findings other than the explicit clarification markers. */
function unexpectedFindings(markdown: string, templateName: string) {
  return lintText({ text: markdown, template: builtInTemplates.get(templateName)! })
    .findings.filter((finding) => !(finding.ruleId === 'unresolved-placeholder' && /^\[NEEDS CLARIFICATION/.test(String(finding.data?.placeholder))))
    .map((finding) => `${finding.start.line} ${finding.ruleId}: ${finding.message}`);
}

async function spec(text: string, templateName = 'tech-spec'): Promise<Translation> {
  const result = await translate(text, { template: builtInTemplates.get(templateName)! });
  assert.equal(result.kind, 'spec', `no spec for: ${text}`);
  return result as Translation;
}

describe('requirement-to-spec translation', () => {
  let outputs: { request: SetRequest; result: TranslationResult }[];

  before(async () => {
    outputs = [];
    for (const request of SET) outputs.push({ request, result: await translate(request.text, { template: techSpec }) });
  });

  after(() => {
    outputs = [];
  });

  it('gets at least 95% of the request set fully right', () => {
    const wrong = outputs
      .map(({ request, result }) => ({ request, problems: judge(request, { markdown: result.markdown, message: result.kind === 'none' ? result.message : undefined }) }))
      .filter((verdict) => verdict.problems.length > 0);
    const share = (SET.length - wrong.length) / SET.length;
    assert.ok(share >= 0.95, `${(share * 100).toFixed(1)}% fully right; wrong:\n${wrong.map((verdict) => `${verdict.request.id}: ${verdict.problems.map((problem) => problem.message).join('; ')}`).join('\n')}`);
  });

  it('writes specs that pass every rule except the explicit clarification markers', () => {
    const failing = outputs.filter(({ result }) => result.kind === 'spec').map(({ request, result }) => ({ id: request.id, findings: unexpectedFindings(result.markdown, 'tech-spec') }));
    assert.deepEqual(failing.filter((entry) => entry.findings.length > 0), []);
  });

  it('says so, and writes nothing, when the text holds no requirement', async () => {
    const result = await translate('Thanks for the update, see you at Thursday\'s demo!', { template: techSpec });
    assert.equal(result.kind, 'none');
    assert.equal(result.markdown, '');
    assert.equal(result.kind === 'none' && result.message, NO_REQUIREMENT_MESSAGE);
  });

  for (const templateName of ['prd', 'ears', 'spec-kit', 'rfc']) {
    it(`writes the ${templateName} shape and passes its rules`, async () => {
      for (const request of SET.filter((candidate) => !candidate.none).slice(0, 40)) {
        assert.deepEqual(unexpectedFindings((await spec(request.text, templateName)).markdown, templateName), [], request.id);
      }
    });
  }

  it('writes criteria in the template\'s own form: Given/When/Then, EARS or spec-kit ids', async () => {
    const text = 'If a payment fails, customers should receive an email.';
    assert.match((await spec(text)).markdown, /- \*\*AC-1\*\* \(verifies REQ-1\): Given a customer is signed in, when a payment fails, then the system sends the customer an email\./);
    assert.match((await spec(text, 'ears')).markdown, /- \*\*AC-1\*\* \(verifies REQ-1\): IF a payment fails THEN the system SHALL send customers an email\./);
    const specKit = (await spec(text, 'spec-kit')).markdown;
    assert.match(specKit, /- \*\*FR-001\*\*: If a payment fails, then the system shall send customers an email\./);
    assert.match(specKit, /- \*\*SC-001\*\* \(verifies FR-001\): Given /);
  });

  it('is deterministic and honours the id prefix', async () => {
    const text = 'If a payment fails, customers should receive an email, and the billing team must be able to retry the charge.';
    const first = await translate(text, { template: techSpec, idPrefix: 'FR' });
    const second = await translate(text, { template: techSpec, idPrefix: 'FR' });
    assert.equal(first.markdown, second.markdown);
    assert.match(first.markdown, /- \*\*FR-2\*\*: If a payment fails, then the system shall allow the billing team to retry the charge\./);
  });

  it('keeps figures in the requirement and in its criterion', async () => {
    const { markdown } = await spec('Dispatchers should be alerted when a truck is more than 15 minutes late.');
    assert.match(markdown, /- \*\*REQ-1\*\*: When a truck is more than 15 minutes late, the system shall alert dispatchers\./);
    assert.match(markdown, /\(verifies REQ-1\): Given the system is running, when a truck is more than 15 minutes late, then the system alerts dispatchers\./);
  });

  it('keeps names and hyphenated terms whole, and Wi-Fi is no system', async () => {
    const translation = await spec('Store managers should be able to see low-stock alerts on their phones quickly, even when the store Wi-Fi is down, and reorder from the supplier portal with one tap.');
    assert.match(translation.markdown, /- \*\*REQ-1\*\*: While the store Wi-Fi is down, the system shall show store managers low-stock alerts on their phones\./);
    assert.deepEqual(translation.extraction.dependencies.map((dependency) => dependency.name), ['Supplier portal']);
  });

  it('puts context sentences and "so that" benefits into the problem statement', async () => {
    const translation = await spec('Right now our support agents copy customer details by hand, which takes about 10 minutes per ticket. As an agent, I want to fill in customer details from the CRM, so that I can close tickets sooner.');
    const problem = translation.sections.find((section) => section.id === 'problem')!.body;
    assert.match(problem, /- Right now our support agents copy customer details by hand, which takes about 10 minutes per ticket\./);
    assert.match(problem, /Agents want this so that they can close tickets sooner\./);
  });
});

describe('request segmentation', () => {
  it('sets aside greetings, sign-offs, attendee lists, headings and action items for people', () => {
    const units = segment('Weekly sync\nAttendees: Ana, Li\n- Decision: keep guest checkout.\n- Maria to check the budget.\n- Next sync Thursday.\n\nThanks,\nPriya');
    assert.deepEqual(units, [{ text: 'keep guest checkout.', item: true, decided: true }]);
  });

  it('joins wrapped lines and strips a greeting at the start of a line', () => {
    assert.deepEqual(segment('Hi all,\nquick one: exports must include VAT\nfor every invoice.'), [{ text: 'quick one: exports must include VAT for every invoice.', item: false, decided: false }]);
  });
});
