import picomatch from 'picomatch/posix';
import { dirname, relativeInside } from '../paths.js';
import type { RuleSetting } from '../runner.js';
import type { Template } from '../template.js';
import type { EffectiveConfig, GlobSet } from './load.js';
import type { RuleSettingInput } from './schema.js';

export const DEFAULT_TEMPLATE = 'tech-spec';

/** Markdown files that are specs when no `files` is configured. */
export const DEFAULT_SPEC_FILES = [
  '**/specs/**/*.{md,markdown}',
  '**/requirements/**/*.{md,markdown}',
  '**/rfcs/**/*.{md,markdown}',
  '**/*.spec.{md,markdown}',
  '**/PRD*.{md,markdown}',
  '**/requirements*.{md,markdown}',
];

export interface FileSettings {
  /** The config's `files` (or the defaults) match, or front matter declares a spec. */
  isSpec: boolean;
  template: Template;
  settings: Record<string, RuleSetting>;
  /** Every template this file may name, for the front matter check. */
  templates: ReadonlyMap<string, Template>;
  /** Bytes above which the file is skipped unparsed. */
  maxFileSize: number;
}

export interface FileContext {
  /** Absolute, '/'-separated path of the Markdown file. */
  path: string;
  /** Directory that default patterns are relative to when no config file applies. */
  root: string;
  frontMatter: { template?: string; declaresSpec: boolean };
  /** A template forced from outside (the CLI's --template). */
  forcedTemplate?: string;
}

const matcherCache = new Map<string, (path: string) => boolean>();

function compile(patterns: readonly string[]): (path: string) => boolean {
  const key = patterns.join('\u0000');
  let matcher = matcherCache.get(key);
  if (!matcher) {
    matcher = picomatch([...patterns], { dot: true, nocase: true });
    matcherCache.set(key, matcher);
  }
  return matcher;
}

/** Patterns match paths relative to their base; a leading `../` moves the base up instead. */
function matches(globs: GlobSet | undefined, file: string): boolean {
  if (!globs) return false;
  return globs.patterns.some((raw) => {
    let base = globs.base;
    let pattern = raw.replace(/^\.\//, '');
    while (pattern.startsWith('../')) {
      base = dirname(base);
      pattern = pattern.slice(3);
    }
    const relative = relativeInside(base, file);
    return relative !== undefined && compile([pattern])(relative);
  });
}

function toRuleSetting(input: RuleSettingInput): RuleSetting {
  return Array.isArray(input) ? { severity: input[0], options: input[1] } : { severity: input };
}

function withRequiredRecommended(template: Template): Template {
  return {
    ...template,
    sections: template.sections.map((entry) => (entry.presence === 'recommended' ? { ...entry, presence: 'required' } : entry)),
  };
}

/** Decides whether a file is a spec, its template and its rule settings. */
export function resolveFileSettings(config: EffectiveConfig, file: FileContext): FileSettings {
  const base = config.file ? config.file.slice(0, config.file.lastIndexOf('/')) || '/' : file.root;
  const files = config.files ?? { patterns: DEFAULT_SPEC_FILES, base };
  const ignored = matches(config.ignores, file.path);
  const isSpec = !ignored && (matches(files, file.path) || file.frontMatter.declaresSpec);

  let templateName = config.template ?? DEFAULT_TEMPLATE;
  const rules: Record<string, RuleSettingInput> = { ...config.rules };
  for (const override of config.overrides) {
    if (!matches(override.files, file.path)) continue;
    if (override.template) templateName = override.template;
    Object.assign(rules, override.rules);
  }
  const frontMatterTemplate = file.frontMatter.template;
  if (frontMatterTemplate && config.templates.has(frontMatterTemplate)) templateName = frontMatterTemplate;
  if (file.forcedTemplate) templateName = file.forcedTemplate;

  const template = config.templates.get(templateName) ?? config.templates.get(DEFAULT_TEMPLATE)!;
  const settings: Record<string, RuleSetting> = {};
  for (const [id, input] of Object.entries(rules)) settings[id] = toRuleSetting(input);
  return {
    isSpec,
    template: config.requireRecommended ? withRequiredRecommended(template) : template,
    settings,
    templates: config.templates,
    maxFileSize: config.maxFileSize,
  };
}
