import type { ChatMessage, ChatModel } from '../../src/model/index.js';

/** A chat model that answers from a script and records every request it gets. */
export function scriptedModel(replies: (string | Error | 'hang')[], name = 'scripted-model') {
  const requests: ChatMessage[][] = [];
  const model: ChatModel = {
    name,
    async send(messages, options) {
      requests.push([...messages]);
      const reply = replies[requests.length - 1] ?? replies[replies.length - 1];
      if (reply === 'hang') {
        // Never answers; only the signal ends it.
        return new Promise((_, reject) => options.signal.addEventListener('abort', () => reject(new Error('aborted by the caller'))));
      }
      if (reply instanceof Error) throw reply;
      // Streams in pieces, as real models do.
      for (let index = 0; index < reply.length; index += 200) options.onText?.(reply.slice(index, index + 200));
      return reply;
    },
  };
  return { model, requests };
}
