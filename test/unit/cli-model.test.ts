import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { findingsToRepair } from '../../src/model/index.js';
import { builtInTemplates } from '../../src/templates/index.js';
import { DEFECTIVE_DRAFT, DRAFT_DEFECTS, EXPORT_REQUEST, REPAIRED_DRAFT } from '../fixtures/model/replies.js';
import { startFakeOpenAiServer, type ScriptedResponse } from './fake-openai-server.js';
import { fakeIo, PROJECT_ROOT } from './helpers.js';

const techSpec = builtInTemplates.get('tech-spec')!;

describe('specwise translate --model (a fake OpenAI-compatible server on 127.0.0.1)', () => {
  let dir: string;
  let request: string;
  let deterministic: string;
  let server: Awaited<ReturnType<typeof startFakeOpenAiServer>> | undefined;

  async function cli(args: string[], env: Record<string, string | undefined>) {
    const io = fakeIo(dir);
    const code = await main(args, { ...io.io, env });
    return { code, stdout: io.stdout(), stderr: io.stderr() };
  }

  async function serve(script: ScriptedResponse[]) {
    server = await startFakeOpenAiServer(script);
    return server;
  }

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'specwise-model-cli-'));
    request = path.join(dir, 'request.txt');
    writeFileSync(request, `${EXPORT_REQUEST}\n`);
    const plain = await cli(['translate', 'request.txt'], {});
    assert.equal(plain.code, 0);
    deterministic = plain.stdout;
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('drafts through a streamed endpoint, sends the findings back, and prints a spec that passes the rules', async () => {
    const fake = await serve([
      { kind: 'stream', content: DEFECTIVE_DRAFT },
      { kind: 'stream', content: REPAIRED_DRAFT },
    ]);
    const { code, stdout, stderr } = await cli(['translate', 'request.txt', '--model', 'llama3.1:8b'], { SPECWISE_MODEL_URL: fake.url, SPECWISE_MODEL_KEY: 'secret-key' });
    assert.equal(code, 0, stderr);
    assert.equal(fake.requests.length, 2);
    for (const received of fake.requests) {
      assert.equal(received.method, 'POST');
      assert.equal(received.url, '/v1/chat/completions');
      assert.equal(received.authorization, 'Bearer secret-key');
      assert.equal(received.body.model, 'llama3.1:8b');
      assert.equal(received.body.stream, true);
    }
    const [first, second] = fake.requests.map((received) => received.body.messages!);
    assert.deepEqual(first.map((message) => message.role), ['system', 'user']);
    assert.match(first[0].content, /"tech-spec" template/);
    assert.ok(first[1].content.includes(EXPORT_REQUEST));
    assert.deepEqual(second.map((message) => message.role), ['system', 'user', 'assistant', 'user']);
    const repair = second[3].content;
    for (const rule of DRAFT_DEFECTS) assert.match(repair, new RegExp(`- ${rule}, line \\d+`));
    assert.match(repair, /"- \*\*AC-2\*\*: Users are happy with exports\."/);
    assert.match(repair, /Missing required section 'Risks'/);
    assert.match(stdout, /^---\ntitle: "Monthly usage report export"\ntemplate: tech-spec\n/);
    assert.match(stdout, /- \*\*AC-2\*\* \(verifies REQ-2\): Given a weekly export is scheduled/);
    assert.deepEqual(findingsToRepair(stdout, techSpec), []);
    assert.equal(stderr, 'specwise: drafted by llama3.1:8b, checked by the rules: 1 repair round, no findings left.\n');
  });

  it('reads a reply that is not streamed, with the model from SPECWISE_MODEL', async () => {
    const fake = await serve([{ kind: 'json', content: REPAIRED_DRAFT }]);
    const { code, stdout, stderr } = await cli(['translate', '--model', 'request.txt'], { SPECWISE_MODEL_URL: `${fake.url}/`, SPECWISE_MODEL: 'qwen2.5' });
    assert.equal(code, 0, stderr);
    assert.equal(fake.requests.length, 1);
    assert.equal(fake.requests[0].body.model, 'qwen2.5');
    assert.equal(fake.requests[0].authorization, undefined, 'no key, no header');
    assert.match(stdout, /## Risks\n\n\| Risk \| Likelihood/);
    assert.match(stderr, /0 repair rounds, no findings left/);
  });

  it('stops after --max-rounds and says which findings are left', async () => {
    const fake = await serve([{ kind: 'json', content: DEFECTIVE_DRAFT }]);
    const { code, stdout, stderr } = await cli(['translate', 'request.txt', '--model=m', '--max-rounds', '1'], { SPECWISE_MODEL_URL: fake.url });
    assert.equal(code, 0);
    assert.equal(fake.requests.length, 2);
    assert.match(stdout, /- \*\*AC-2\*\*: Users are happy with exports\./);
    assert.equal(stderr.split('\n').length, 2);
    assert.match(stderr, /1 repair round, 3 findings left \(requirement-without-acceptance, missing-section, unmeasurable-success-criterion\)/);
  });

  const failures: { name: string; script?: ScriptedResponse; env?: Record<string, string>; message: RegExp }[] = [
    { name: 'a timeout', script: { kind: 'hang' }, env: { SPECWISE_MODEL_TIMEOUT: '0.3' }, message: /^specwise: m did not answer within 0\.3 s; translated with the rules instead\.$/ },
    { name: 'a 401', script: { kind: 'status', status: 401, body: '{"error":{"message":"Invalid API key"}}' }, message: /refused the request \(HTTP 401: Invalid API key\); check SPECWISE_MODEL_KEY; translated with the rules instead\.$/ },
    { name: 'a 500', script: { kind: 'status', status: 500, body: '{"error":"model crashed"}' }, message: /\/v1\/chat\/completions answered HTTP 500: model crashed; translated with the rules instead\.$/ },
    { name: 'a 429', script: { kind: 'status', status: 429, body: 'slow down' }, message: /is rate-limiting requests \(HTTP 429\); translated with the rules instead\.$/ },
    { name: 'a non-JSON reply', script: { kind: 'status', status: 200, body: '<html><body>Welcome to nginx</body></html>', contentType: 'text/html' }, message: /The reply from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions is not JSON \(it starts with "<html><body>Welcome to nginx<\/body><\/htm"\); translated with the rules instead\.$/ },
    { name: 'JSON without a reply in it', script: { kind: 'status', status: 200, body: '{"object":"list","data":[]}' }, message: /has no choices\[0\]\.message\.content; translated with the rules instead\.$/ },
    { name: 'a reply that is no spec', script: { kind: 'json', content: 'Sorry, I cannot help with that.' }, message: /^specwise: The model's reply is not a spec: it has no Markdown headings; translated with the rules instead\.$/ },
  ];
  for (const failure of failures) {
    it(`on ${failure.name}: one clear line on stderr, the deterministic translation on stdout, exit 0`, async () => {
      const fake = await serve([failure.script!]);
      const env = { SPECWISE_MODEL_URL: fake.url, ...failure.env };
      const { code, stdout, stderr } = await cli(['translate', 'request.txt', '--model', 'm', '--max-rounds', '0'], env);
      assert.equal(code, 0);
      assert.equal(stdout, deterministic);
      assert.equal(stderr.split('\n').length, 2, `one line: ${stderr}`);
      assert.match(stderr.trimEnd(), failure.message);
      const strict = await cli(['translate', 'request.txt', '--model', 'm', '--max-rounds', '0', '--no-fallback'], env);
      assert.equal(strict.code, 2);
      assert.equal(strict.stdout, '');
      assert.equal(strict.stderr.split('\n').length, 2);
      assert.doesNotMatch(strict.stderr, /translated with the rules/);
    });
  }

  it('without an endpoint, or when it cannot be reached, says so and falls back', async () => {
    const none = await cli(['translate', 'request.txt', '--model'], {});
    assert.equal(none.code, 0);
    assert.equal(none.stdout, deterministic);
    assert.equal(none.stderr, 'specwise: No model endpoint: set SPECWISE_MODEL_URL to an OpenAI-compatible API base, such as http://127.0.0.1:11434/v1; translated with the rules instead.\n');
    const nameless = await cli(['translate', 'request.txt', '--model', '--no-fallback'], { SPECWISE_MODEL_URL: 'http://127.0.0.1:9/v1' });
    assert.equal(nameless.code, 2);
    assert.equal(nameless.stderr, 'specwise: No model name: pass --model NAME or set SPECWISE_MODEL.\n');
    const closed = await startFakeOpenAiServer([]);
    await closed.close();
    const unreachable = await cli(['translate', 'request.txt', '--model', 'm'], { SPECWISE_MODEL_URL: closed.url });
    assert.equal(unreachable.code, 0);
    assert.equal(unreachable.stdout, deterministic);
    assert.match(unreachable.stderr, /^specwise: Cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: ECONNREFUSED; translated with the rules instead\.\n$/);
    const notHttp = await cli(['translate', 'request.txt', '--model', 'm'], { SPECWISE_MODEL_URL: 'localhost:11434' });
    assert.match(notHttp.stderr, /SPECWISE_MODEL_URL is not an http or https URL: 'localhost:11434'/);
  });

  it('rejects model options that make no sense', async () => {
    assert.match((await cli(['translate', 'request.txt', '--no-fallback'], {})).stderr, /--no-fallback goes with --model/);
    assert.match((await cli(['translate', 'request.txt', '--model', 'm', '--max-rounds', 'many'], {})).stderr, /--max-rounds needs a whole number from 0 to 9/);
    const timeout = await cli(['translate', 'request.txt', '--model', 'm'], { SPECWISE_MODEL_URL: 'http://127.0.0.1:9/v1', SPECWISE_MODEL_TIMEOUT: 'soon' });
    assert.equal(timeout.code, 2);
    assert.match(timeout.stderr, /SPECWISE_MODEL_TIMEOUT needs a number of seconds above 0, got 'soon'/);
  });

  describe('the bundled binary', () => {
    before(function () {
      this.timeout(60_000);
      execFileSync('node', ['scripts/build.mjs'], { cwd: PROJECT_ROOT });
    });

    function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/specwise.cjs'), ...args], { cwd: dir, env: { ...process.env, ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    }

    it('reads standard input, and a failing endpoint gives one line and no stack trace', async () => {
      const fake = await serve([{ kind: 'status', status: 500, body: 'Internal Server Error', contentType: 'text/plain' }]);
      const failed = await run(['translate', request, '--model', 'm', '--no-fallback'], { SPECWISE_MODEL_URL: fake.url });
      assert.equal(failed.code, 2);
      assert.equal(failed.stdout, '');
      assert.match(failed.stderr, /^specwise: http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions answered HTTP 500\.\n$/);
      await server!.close();
      const streamed = await serve([{ kind: 'stream', content: REPAIRED_DRAFT }]);
      const ok = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/specwise.cjs'), 'translate', '-', '--model', 'm'], { cwd: dir, env: { ...process.env, SPECWISE_MODEL_URL: streamed.url } });
        let stdout = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.on('close', (code) => resolve({ code, stdout }));
        child.stdin.end(EXPORT_REQUEST);
      });
      assert.equal(ok.code, 0);
      assert.match(ok.stdout, /^---\ntitle: "Monthly usage report export"/);
      assert.equal(streamed.requests[0].body.messages![1].content.includes(EXPORT_REQUEST), true);
    });
  });
});
