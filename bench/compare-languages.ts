// Compares the NLP libraries the translation can run on: accuracy on the request set, bytes
// added to the minified web bundle (dist/web/extension.cjs as `vscode:prepublish` builds it),
// load time and time per request. Run: npx tsx bench/compare-languages.ts
import { build, type Plugin } from 'esbuild';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../src/api.js';
import { builtInTemplates } from '../src/templates/index.js';
import { createEnglish } from '../src/translate/english.js';
import { translate } from '../src/translate/index.js';
import { readRequest } from '../src/translate/parse.js';
import type { Language } from '../src/translate/language.js';
import { judge, loadSet } from '../test/unit/translation-set.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const techSpec = builtInTemplates.get('tech-spec')!;

/** The web bundle with the language module replaced (or left as it is). */
async function webBundleBytes(replacement?: string): Promise<{ bytes: number; gzip: number }> {
  const swap: Plugin = {
    name: 'swap-language',
    setup(pluginBuild) {
      if (!replacement) return;
      pluginBuild.onResolve({ filter: /language-compromise\.js$/ }, () => ({ path: replacement }));
    },
  };
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/extension/extension.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    external: ['vscode'],
    mainFields: ['module', 'main'],
    define: { SPECWISE_VERSION: '"0.0.0"', 'process.env.NODE_ENV': '"production"' },
    plugins: [swap],
    logLevel: 'error',
  });
  const contents = result.outputFiles[0].contents;
  return { bytes: contents.length, gzip: gzipSync(contents).length };
}

async function accuracy(language: Language) {
  const set = loadSet();
  let right = 0;
  let passing = 0;
  const started = performance.now();
  for (const request of set) {
    const result = await translate(request.text, { template: techSpec, language });
    if (judge(request, { markdown: result.markdown, message: result.kind === 'none' ? result.message : undefined }).length === 0) right++;
    const findings = result.markdown ? lintText({ text: result.markdown, template: techSpec }).findings : [];
    if (findings.every((finding) => finding.ruleId === 'unresolved-placeholder' && /^\[NEEDS CLARIFICATION/.test(String(finding.data?.placeholder)))) passing++;
  }
  // A second, warm pass times the whole translation without the first pass's compilation.
  const warm = performance.now();
  for (const request of set) await translate(request.text, { template: techSpec, language });
  const total = Math.min(performance.now() - warm, performance.now() - started);
  // Reading alone (the NLP library and the parser), without writing and checking the spec.
  const english = createEnglish(language);
  const readingStarted = performance.now();
  for (const request of set) readRequest(request.text, language, english);
  return { right, passing, total: set.length, msPerRequest: total / set.length, readingMs: (performance.now() - readingStarted) / set.length };
}

const stub = path.join(ROOT, 'bench', 'language-none.ts');
const base = await webBundleBytes(stub);
const rows: string[] = [];
for (const [name, module, exported] of [
  ['compromise 14.17.0 (compromise/two)', '../src/translate/language-compromise.js', 'loadCompromise'],
  ['wink-nlp 2.4.0 + wink-eng-lite-web-model 1.8.1', './language-wink.js', 'loadWink'],
] as const) {
  const loadStarted = performance.now();
  const loaded = (await import(module)) as Record<string, () => Promise<Language>>;
  const language = await loaded[exported]();
  language.tag('Warm the tagger up.');
  const loadMs = performance.now() - loadStarted;
  const score = await accuracy(language);
  const bundle = await webBundleBytes(module.startsWith('./') ? path.join(ROOT, 'bench', 'language-wink.ts') : undefined);
  rows.push(
    `| ${name} | ${score.right} of ${score.total} (${((100 * score.right) / score.total).toFixed(1)}%) | ${score.passing} of ${score.total} | ${(bundle.bytes - base.bytes).toLocaleString('en')} (${(bundle.gzip - base.gzip).toLocaleString('en')} gzipped) | ${loadMs.toFixed(0)} | ${score.readingMs.toFixed(1)} | ${score.msPerRequest.toFixed(1)} |`,
  );
}
process.stdout.write(
  [
    `Web bundle without an NLP library: ${base.bytes.toLocaleString('en')} bytes minified (${base.gzip.toLocaleString('en')} gzipped).`,
    '',
    '| library | fully right | pass own check | bytes added to the minified web bundle | load ms | ms per request, reading | ms per request, whole translation |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);
