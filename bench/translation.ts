// npm run bench:translation: translates every request of the set in
// test/fixtures/translation/set with the tech-spec template and reports the share fully right
// (test/unit/translation-set.ts judges), how many outputs pass their own check apart from
// clarification markers, and the time per request. --failures lists what is wrong;
// --holdout judges the held-out requests in test/fixtures/translation/holdout instead.
import { lintText } from '../src/api.js';
import { builtInTemplates } from '../src/templates/index.js';
import { translate } from '../src/translate/index.js';
import { CHECKS, HOLDOUT_DIR, judge, loadSet, type Produced } from '../test/unit/translation-set.js';

const techSpec = builtInTemplates.get('tech-spec')!;
const showFailures = process.argv.includes('--failures');

async function produce(text: string): Promise<Produced> {
  const result = (await translate(text, { template: techSpec })) as { markdown?: string; message?: string };
  return { markdown: result.markdown ?? '', message: result.message };
}

function passesOwnCheck(markdown: string): boolean {
  if (!markdown) return true;
  return lintText({ text: markdown, template: techSpec }).findings.every((finding) => finding.ruleId === 'unresolved-placeholder' && /^\[NEEDS CLARIFICATION/.test(String(finding.data?.placeholder)));
}

const set = loadSet(process.argv.includes('--holdout') ? HOLDOUT_DIR : undefined);
const started = performance.now();
const outputs: Produced[] = [];
for (const request of set) outputs.push(await produce(request.text));
const elapsed = performance.now() - started;
const verdicts = set.map((request, index) => ({ request, problems: judge(request, outputs[index]), passes: passesOwnCheck(outputs[index].markdown) }));
const right = verdicts.filter((verdict) => verdict.problems.length === 0);
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

const lines = [
  `Fully right: ${right.length} of ${set.length} (${percent(right.length, set.length)})`,
  `Outputs passing their own check (apart from clarification markers): ${verdicts.filter((verdict) => verdict.passes).length} of ${set.length}`,
  `Time: ${(elapsed / set.length).toFixed(2)} ms per request (${set.length} requests in ${elapsed.toFixed(0)} ms, first call included)`,
  '',
  '| group | fully right |',
  '| --- | --- |',
];
for (const group of [...new Set(set.map((request) => request.group))]) {
  const members = verdicts.filter((verdict) => verdict.request.group === group);
  lines.push(`| ${group} | ${members.filter((verdict) => verdict.problems.length === 0).length} of ${members.length} |`);
}
lines.push('', '| check | requests that pass it |', '| --- | --- |');
for (const check of CHECKS) {
  // Conditions are judged on the requirements that were found.
  const judged = verdicts.filter((verdict) => (check === 'no requirement') === !!verdict.request.none && (check !== 'conditions' || !verdict.problems.some((problem) => problem.check === 'capabilities')));
  lines.push(`| ${check} | ${judged.filter((verdict) => !verdict.problems.some((problem) => problem.check === check)).length} of ${judged.length} |`);
}
if (showFailures) {
  for (const verdict of verdicts.filter((candidate) => candidate.problems.length > 0 || !candidate.passes)) {
    lines.push('', `${verdict.request.id}: ${verdict.request.text.split('\n')[0].slice(0, 100)}`, ...verdict.problems.map((problem) => `  - ${problem.check}: ${problem.message}`));
    if (!verdict.passes) lines.push('  - fails its own check');
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
