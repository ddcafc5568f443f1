// A chat model behind any OpenAI-compatible chat-completions endpoint: hosted services and
// local servers (Ollama, llama.cpp, vLLM) alike. It asks for a streamed reply and reads
// whichever kind comes back, server-sent events or one JSON object.
import type { ChatMessage, ChatModel, ChatRequestOptions } from '../model/index.js';
import { ModelFailure } from '../model/index.js';

export interface EndpointSettings {
  /** The API base, such as http://127.0.0.1:11434/v1; /chat/completions is appended. */
  baseUrl: string;
  model: string;
  key?: string;
}

/** An error body's own message, when the server sends one: `{"error":{"message":"..."}}`. */
function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === 'string' && message.trim()) return `: ${message.trim().slice(0, 200)}`;
  } catch {
    // Not JSON: the status says enough.
  }
  return '';
}

function statusFailure(url: string, status: number, body: string, retryAfter: string | null): ModelFailure {
  const detail = errorDetail(body);
  if (status === 401 || status === 403) return new ModelFailure('no-consent', `${url} refused the request (HTTP ${status}${detail}); check SPECWISE_MODEL_KEY`);
  if (status === 429) return new ModelFailure('rate-limited', `${url} is rate-limiting requests (HTTP 429${detail})${retryAfter ? `; retry after ${retryAfter} s` : ''}`);
  if (status === 404) return new ModelFailure('unavailable', `${url} was not found (HTTP 404${detail}); SPECWISE_MODEL_URL should be the API base, such as http://127.0.0.1:11434/v1`);
  return new ModelFailure('unavailable', `${url} answered HTTP ${status}${detail}`);
}

function notJson(what: string, text: string): ModelFailure {
  const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
  return new ModelFailure('malformed', `${what} is not JSON${start ? ` (it starts with ${JSON.stringify(start)})` : ' (it is empty)'}`);
}

/** Text of a streamed event: `{"choices":[{"delta":{"content":"..."}}]}`; an `error` event fails. */
function eventText(data: string, url: string): string {
  let event: { choices?: { delta?: { content?: unknown }; message?: { content?: unknown } }[]; error?: unknown };
  try {
    event = JSON.parse(data);
  } catch {
    throw notJson(`An event streamed by ${url}`, data);
  }
  if (event.error) throw new ModelFailure('unavailable', `${url} reported an error while streaming${errorDetail(data)}`);
  const choice = event.choices?.[0];
  const content = choice?.delta?.content ?? choice?.message?.content;
  return typeof content === 'string' ? content : '';
}

/** The reply as one JSON object: `{"choices":[{"message":{"content":"..."}}]}`. */
function wholeReply(body: string, url: string): string {
  let reply: { choices?: { message?: { content?: unknown } }[] };
  try {
    reply = JSON.parse(body);
  } catch {
    throw notJson(`The reply from ${url}`, body);
  }
  const content = reply.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new ModelFailure('malformed', `The reply from ${url} has no choices[0].message.content`);
  return content;
}

/** Reads server-sent events line by line as they arrive, until `data: [DONE]` or the end. */
async function readEvents(chunks: AsyncIterable<string>, first: string, url: string, onText?: (chunk: string) => void): Promise<string> {
  let text = '';
  let pending = first;
  const take = (line: string): boolean => {
    const field = /^data:\s?(.*)$/.exec(line.replace(/\r$/, ''));
    if (!field) return false;
    if (field[1].trim() === '[DONE]') return true;
    if (field[1].trim() === '') return false;
    const piece = eventText(field[1], url);
    if (piece) {
      text += piece;
      onText?.(piece);
    }
    return false;
  };
  const drain = (): boolean => {
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (take(line)) return true;
    }
    return false;
  };
  if (drain()) return text;
  for await (const chunk of chunks) {
    pending += chunk;
    if (drain()) return text;
  }
  take(pending);
  return text;
}

async function* decoded(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    reader.releaseLock();
  }
}

function networkFailure(error: unknown, url: string): ModelFailure {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ModelFailure('unavailable', `Cannot reach ${url}: ${reason}`);
}

export function openAiChatModel(settings: EndpointSettings): ChatModel {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  return {
    name: settings.model,
    async send(messages: readonly ChatMessage[], options: ChatRequestOptions): Promise<string> {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream, application/json' };
      if (settings.key) headers.authorization = `Bearer ${settings.key}`;
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ model: settings.model, messages, stream: true }), signal: options.signal });
      } catch (error) {
        if (options.signal.aborted) throw error;
        throw networkFailure(error, url);
      }
      if (!response.ok) throw statusFailure(url, response.status, await response.text().catch(() => ''), response.headers.get('retry-after'));
      if (!response.body) return wholeReply('', url);
      try {
        // Streamed or not, whatever the server chose: events start with "data:", a reply with "{".
        const iterator = decoded(response.body);
        const chunks: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
        let first = '';
        while (first.trim() === '') {
          const next = await iterator.next();
          if (next.done) break;
          first += next.value;
        }
        if (/^(?:data|event|id|retry)?:/.test(first.trimStart())) return await readEvents(chunks, first, url, options.onText);
        let body = first;
        for await (const chunk of chunks) body += chunk;
        const text = wholeReply(body, url);
        options.onText?.(text);
        return text;
      } catch (error) {
        if (error instanceof ModelFailure || options.signal.aborted) throw error;
        throw networkFailure(error, url);
      }
    },
  };
}
