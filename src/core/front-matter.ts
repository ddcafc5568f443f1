import { parse as parseYaml } from 'yaml';

export interface FrontMatterHints {
  /** `template: NAME` */
  template?: string;
  /** Front matter declares the file a spec (`specwise:` or `template:` key). */
  declaresSpec: boolean;
}

const FENCE = /^\uFEFF?---[ \t]*\r?\n/;

/** Reads the front matter keys that decide whether and how a file is checked, without parsing Markdown. */
export function peekFrontMatter(text: string): FrontMatterHints {
  const open = FENCE.exec(text);
  if (!open) return { declaresSpec: false };
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) return { declaresSpec: false };
  let data: unknown;
  try {
    data = parseYaml(rest.slice(0, close.index));
  } catch {
    return { declaresSpec: false };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { declaresSpec: false };
  const record = data as Record<string, unknown>;
  const template = typeof record.template === 'string' ? record.template : undefined;
  return { template, declaresSpec: 'specwise' in record || 'template' in record };
}
