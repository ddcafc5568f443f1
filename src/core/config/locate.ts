import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { closest } from '../closest.js';

/** A problem in a config file, located for editors and terminals. */
export interface ConfigError {
  file: string;
  /** Offset and length of the offending text. */
  offset: number;
  length: number;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

export type JsonPath = (string | number)[];

/** Config files larger than this are refused unread (a configuration is a few kilobytes). */
export const MAX_CONFIG_CHARS = 1_000_000;

/** Positions in one config file's text. */
export class ConfigText {
  readonly root: Node | undefined;
  readonly syntaxErrors: ConfigError[] = [];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    const errors: ParseError[] = [];
    if (text.length > MAX_CONFIG_CHARS) {
      this.syntaxErrors.push(this.error(0, 0, `The config file is ${text.length} characters long, over the ${MAX_CONFIG_CHARS} limit; a configuration is a few kilobytes.`));
      return;
    }
    if (text.trim() === '') {
      this.syntaxErrors.push(this.error(0, 0, 'The config file is empty; expected a JSON object.'));
      return;
    }
    this.root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    for (const error of errors) {
      this.syntaxErrors.push(this.error(error.offset, error.length, `Invalid JSON: ${describeSyntaxError(printParseErrorCode(error.error))}.`));
    }
  }

  error(offset: number, length: number, message: string): ConfigError {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { file: this.file, offset, length, line, column: offset - lineStart + 1, message };
  }

  /** The error located at the value at `path`, or at its property name, or the nearest existing parent. */
  errorAt(path: JsonPath, message: string, at: 'value' | 'key' = 'value'): ConfigError {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.root && findNodeAtLocation(this.root, path.slice(0, depth));
      if (!node) continue;
      const target = at === 'key' && depth === path.length && node.parent?.type === 'property' ? node.parent.children![0] : node;
      return this.error(target.offset, target.length, message);
    }
    return this.error(0, 0, message);
  }
}

function describeSyntaxError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function describePath(path: JsonPath): string {
  return path.length === 0 ? 'the config' : `'${path.map(String).join('.')}'`;
}

/** The keys the schema allows at a path (unwrapping optional, default, array and record layers). */
function knownKeys(schema: z.ZodType | undefined, path: JsonPath): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) current = current.unwrap();
  };
  for (const step of path) {
    unwrap();
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, unknown>)[String(step)];
    else if (current instanceof z.ZodArray) current = current.element;
    else if (current instanceof z.ZodRecord) current = current.valueType;
    else return [];
  }
  unwrap();
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Turns zod issues into located messages; a union failure reports its most specific branch. */
export function zodIssuesToErrors(config: ConfigText, issues: readonly z.core.$ZodIssue[], base: JsonPath = [], schema?: z.ZodType): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as JsonPath)];
    if (issue.code === 'invalid_union') {
      const specific = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0));
      if (specific) {
        errors.push(...zodIssuesToErrors(config, specific, path, schema));
        continue;
      }
      errors.push(config.errorAt(path, `${describePath(path)}: ${issue.message}.`));
    } else if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const suggestion = closest(key, known);
        const didYouMean = suggestion ? ` Did you mean '${suggestion}'?` : '';
        errors.push(config.errorAt([...path, key], `Unknown property '${key}' in ${describePath(path)}${hint(path)}.${didYouMean}`, 'key'));
      }
    } else if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
      const parent = path.slice(0, -1);
      errors.push(config.errorAt(parent, `${describePath(parent)} needs '${String(path[path.length - 1])}' (${issue.expected}).`));
    } else {
      errors.push(config.errorAt(path, `${describePath(path)}: ${issue.message.replace(/^Invalid input: /, '')}.`));
    }
  }
  return errors;
}

function hint(path: JsonPath): string {
  if (path.length === 1 && path[0] === 'rules') return '; it is not a Specwise rule id (the rules are listed in the README and docs/rules)';
  if (path.length === 3 && path[0] === 'overrides' && path[2] === 'rules') return '; it is not a Specwise rule id';
  return '';
}
