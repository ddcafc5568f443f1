// The spec inside a model's reply. Replies wrap it in a code fence, open with a sentence
// ("Here is the spec:"), or start with a reasoning block; what is left must look like a spec.
import { ModelFailure } from './failure.js';

/** Longer replies are not specs but runaway output. */
export const MAX_REPLY_CHARACTERS = 200_000;

const OPENING_FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*(?:markdown|md)?[ \t]*$/i;
const HEADING = /^#{1,6}[ \t]+\S/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

function malformed(reason: string): ModelFailure {
  return new ModelFailure('malformed', `The model's reply is not a spec: ${reason}`);
}

/** Lines between a fence that opens the reply (after chatter only) and its last closing fence. */
function unfenced(lines: string[]): string[] {
  const open = lines.findIndex((line) => OPENING_FENCE.test(line));
  if (open < 0 || lines.slice(0, open).some((line) => HEADING.test(line) || FRONT_MATTER_FENCE.test(line))) return lines;
  const fence = OPENING_FENCE.exec(lines[open])![1];
  for (let close = lines.length - 1; close > open; close--) {
    const trimmed = lines[close].trim();
    if (trimmed.length >= fence.length && trimmed === fence[0].repeat(trimmed.length)) return lines.slice(open + 1, close);
  }
  return lines;
}

/** The Markdown of the spec in a reply; fails with a `malformed` ModelFailure when there is none. */
export function extractSpec(reply: string): string {
  if (reply.length > MAX_REPLY_CHARACTERS) throw malformed(`it is longer than ${MAX_REPLY_CHARACTERS.toLocaleString('en-US')} characters`);
  const text = reply
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // Reasoning models think aloud first; an unclosed block means the reply never got past it.
    .replace(/<think>[\s\S]*?(?:<\/think>|$)/g, '');
  if (text.trim() === '') throw malformed('it is empty');
  const lines = unfenced(text.split('\n'));
  const start = lines.findIndex((line) => HEADING.test(line) || FRONT_MATTER_FENCE.test(line));
  if (start < 0 || !lines.slice(start).some((line) => HEADING.test(line))) throw malformed('it has no Markdown headings');
  return `${lines.slice(start).join('\n').trimEnd()}\n`;
}
