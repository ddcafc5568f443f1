/** Which snippets to offer, and their requirement ids, as pure functions (no VS Code import). */

/** The word being typed that names a snippet: "spec-", "spec-req"; on request, also "", "s" ... "spec". */
export function typedPrefix(line: string, invoked: boolean): string | undefined {
  const match = /(?:^|[\s>|(])(spec-[\w-]*|s(?:p(?:ec?)?)?)?$/.exec(line);
  const word = match?.[1] ?? '';
  if (word.startsWith('spec-')) return word;
  return invoked && /^(?:|s|sp|spe|spec)$/.test(word) ? word : undefined;
}

/** A snippet's body with its requirement id placeholder defaulting to the spec's next free id. */
export function withNextId(body: string, nextId: string): string {
  const [prefix, number] = [nextId.slice(0, nextId.lastIndexOf('-')), nextId.slice(nextId.lastIndexOf('-') + 1)];
  return body
    .replace(/\$\{(\d+)\|REQ,FR,NFR\|\}-\$\{(\d+):1\}/g, (_, choice: string, id: string) => `\${${choice}:${prefix}}-\${${id}:${number}}`)
    .replace(/\bREQ-\$\{(\d+):1\}/g, (_, id: string) => `${prefix}-\${${id}:${number}}`);
}

