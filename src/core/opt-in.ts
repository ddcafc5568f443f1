/**
 * The two ways to make a Markdown file a spec, as text edits: a `template:` key in its front
 * matter, or an `overrides` entry naming its template in the configuration.
 */
import { modify, parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { TextEdit } from './fix.js';

const FRONT_MATTER = /^---[ \t]*(\r?\n)([\s\S]*?)^---[ \t]*$/m;

/** Adds `template: NAME` to the front matter, creating the front matter when there is none. */
export function frontMatterOptIn(text: string, template: string): TextEdit {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const match = FRONT_MATTER.exec(text);
  if (match && match.index === 0) {
    const closing = match.index + match[0].length - match[0].split(/\r?\n/).pop()!.length;
    if (/^template:/m.test(match[2])) {
      const at = match.index + match[0].indexOf('template:', 3);
      const lineEnd = text.indexOf('\n', at);
      const end = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      return { offset: at, length: end - at, newText: `template: ${template}` };
    }
    return { offset: closing, length: 0, newText: `template: ${template}${eol}` };
  }
  return { offset: 0, length: 0, newText: `---${eol}template: ${template}${eol}---${eol}${eol}` };
}

/** Appends `{ "files": [path], "template": NAME }` to the configuration's overrides, keeping its comments. */
export function configOptIn(configText: string, relativePath: string, template: string): TextEdit[] {
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: /\r\n/.test(configText) ? '\r\n' : '\n' };
  const entry = { files: [relativePath], template };
  const tree = parseTree(configText);
  const overrides = tree && findNodeAtLocation(tree, ['overrides']);
  const path = overrides?.type === 'array' ? ['overrides', -1] : ['overrides'];
  const value = overrides?.type === 'array' ? entry : [entry];
  return modify(configText, path, value, { formattingOptions }).map((edit) => ({ offset: edit.offset, length: edit.length, newText: edit.content }));
}

/** True when the configuration already names this path in an override with a template. */
export function configNames(configText: string, relativePath: string): boolean {
  const tree = parseTree(configText);
  const overrides = tree && findNodeAtLocation(tree, ['overrides']);
  return (overrides?.children ?? []).some((entry) => {
    const files = findNodeAtLocation(entry, ['files']);
    const template = findNodeAtLocation(entry, ['template']);
    return template !== undefined && (files?.children ?? []).some((file) => file.value === relativePath);
  });
}
