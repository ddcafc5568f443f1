// An OpenAI-compatible chat-completions server on 127.0.0.1 for the CLI tests: it records
// every request and answers each with the next scripted response.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  authorization?: string;
  body: { model?: string; stream?: boolean; messages?: { role: string; content: string }[] };
}

export type ScriptedResponse =
  | { kind: 'stream'; content: string }
  | { kind: 'json'; content: string }
  | { kind: 'status'; status: number; body: string; contentType?: string }
  /** Accepts the request and never answers. */
  | { kind: 'hang' };

function streamed(response: ServerResponse, content: string): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.write(': a comment line, as some servers send\n\n');
  // Pieces split mid-word and mid-line, as tokens arrive.
  for (let index = 0; index < content.length; index += 37) {
    response.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: content.slice(index, index + 37) } }] })}\n\n`);
  }
  response.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
  response.end('data: [DONE]\n\n');
}

export async function startFakeOpenAiServer(script: ScriptedResponse[]) {
  const requests: ReceivedRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body: JSON.parse(raw) });
      const next = script[Math.min(requests.length - 1, script.length - 1)];
      if (next.kind === 'hang') return void hanging.push(response);
      if (next.kind === 'stream') return streamed(response, next.content);
      if (next.kind === 'json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: next.content }, finish_reason: 'stop' }] }));
      }
      response.writeHead(next.status, { 'content-type': next.contentType ?? 'application/json' });
      response.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
