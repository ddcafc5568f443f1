import picomatch from 'picomatch/posix';
import type { LayoutMatch } from '../layout.js';
import { dirname, relativeInside } from '../paths.js';
import type { RuleSetting } from '../runner.js';
import type { Template } from '../template.js';
import type { EffectiveConfig, GlobSet, TraceSettings } from './load.js';
import type { RuleSettingInput } from './schema.js';

export const DEFAULT_TEMPLATE = 'tech-spec';

/** Markdown files that are specs when no `files` is configured. */
export const DEFAULT_SPEC_FILES = [
  '**/specs/**/*.{md,markdown}',
  '**/requirements/**/*.{md,markdown}',
  '**/rfcs/**/*.{md,markdown}',
  '**/*.spec.{md,markdown}',
  '**/*-spec.{md,markdown}',
  '**/*_spec.{md,markdown}',
  '**/PRD*.{md,markdown}',
  '**/requirements*.{md,markdown}',
];

/** Where a file's template came from, strongest first. */
export type TemplateSource = 'cli' | 'front-matter' | 'config' | 'layout' | 'default';

export interface FileSettings {
  /** The config's `files` (or the layout, or the default folders) match, or front matter declares a spec. */
  isSpec: boolean;
  /** Why the file is, or is not, a spec, for people. */
  specReason: string;
  template: Template;
  templateSource: TemplateSource;
  /** The spec-driven tool's folder the file belongs to, if any. */
  layout?: LayoutMatch;
  settings: Record<string, RuleSetting>;
  /** Every template this file may name, for the front matter check. */
  templates: ReadonlyMap<string, Template>;
  /** Bytes above which the file is skipped unparsed. */
  maxFileSize: number;
  /** The configuration's traceability settings (test and source files, citation patterns). */
  trace: TraceSettings;
}

export interface FileContext {
  /** Absolute, '/'-separated path of the Markdown file. */
  path: string;
  /** Directory that default patterns are relative to when no config file applies. */
  root: string;
  frontMatter: { template?: string; declaresSpec: boolean };
  /** A template forced from outside (the CLI's --template). */
  forcedTemplate?: string;
  /** The file's place in a spec-driven tool's folder layout. */
  layout?: LayoutMatch;
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

/** A pattern's own base and the pattern below it: each leading `../` moves the base up. */
export function anchored(base: string, raw: string): { base: string; pattern: string } {
  let pattern = raw.replace(/^\.\//, '');
  while (pattern.startsWith('../')) {
    base = dirname(base);
    pattern = pattern.slice(3);
  }
  return { base, pattern };
}

/** Patterns match paths relative to their base; a leading `../` moves the base up instead. */
export function matches(globs: GlobSet | undefined, file: string): boolean {
  if (!globs) return false;
  return globs.patterns.some((raw) => {
    const { base, pattern } = anchored(globs.base, raw);
    const relative = relativeInside(base, file);
    return relative !== undefined && compile([pattern])(relative);
  });
}

/** The folder a walk for the glob set's files starts from: the highest of its patterns' bases. */
export function walkBase(globs: GlobSet): string {
  return globs.patterns.map((raw) => anchored(globs.base, raw).base).reduce((highest, base) => (base.length < highest.length ? base : highest), globs.base);
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

/** Whether a file is a spec, and why: configured patterns, else its layout, else the default folders; front matter and overrides naming a template always opt in. */
function specDecision(config: EffectiveConfig, file: FileContext, base: string): { isSpec: boolean; reason: string } {
  if (matches(config.ignores, file.path)) return { isSpec: false, reason: "matched by the configuration's ignores" };
  if (file.frontMatter.declaresSpec) return { isSpec: true, reason: 'front matter declares it a spec' };
  // Naming a file's template, like front matter does, opts it in without replacing the defaults.
  const naming = config.overrides.find((override) => override.template && matches(override.files, file.path));
  if (naming) return { isSpec: true, reason: `an override in the configuration gives it template '${naming.template}'` };
  if (config.files) {
    return matches(config.files, file.path)
      ? { isSpec: true, reason: "matched by the configuration's files" }
      : { isSpec: false, reason: "not matched by the configuration's files" };
  }
  const { layout } = file;
  if (layout) {
    return layout.role === 'spec'
      ? { isSpec: true, reason: layout.reason }
      : { isSpec: false, reason: `a ${layout.role} file of a ${layout.reason}, not a spec` };
  }
  return matches({ patterns: DEFAULT_SPEC_FILES, base }, file.path)
    ? { isSpec: true, reason: 'in a default spec folder or file name (specs/, requirements/, rfcs/, *.spec.md, *-spec.md, *_spec.md, PRD*.md, requirements*.md)' }
    : { isSpec: false, reason: 'not in a spec folder, not named like a spec, no front matter, no configuration' };
}

/** Decides whether a file is a spec, its template and its rule settings. */
export function resolveFileSettings(config: EffectiveConfig, file: FileContext): FileSettings {
  const base = config.file ? config.file.slice(0, config.file.lastIndexOf('/')) || '/' : file.root;
  const { isSpec, reason: specReason } = specDecision(config, file, base);

  let templateName = config.template ?? DEFAULT_TEMPLATE;
  let templateSource: TemplateSource = config.template ? 'config' : 'default';
  // The layout knows the file better than the configuration's default template; overrides, front matter and --template know it better still.
  if (file.layout?.template) {
    templateName = file.layout.template;
    templateSource = 'layout';
  }
  const rules: Record<string, RuleSettingInput> = { ...config.rules };
  for (const override of config.overrides) {
    if (!matches(override.files, file.path)) continue;
    if (override.template) {
      templateName = override.template;
      templateSource = 'config';
    }
    Object.assign(rules, override.rules);
  }
  const frontMatterTemplate = file.frontMatter.template;
  if (frontMatterTemplate && config.templates.has(frontMatterTemplate)) {
    templateName = frontMatterTemplate;
    templateSource = 'front-matter';
  }
  if (file.forcedTemplate) {
    templateName = file.forcedTemplate;
    templateSource = 'cli';
  }

  const known = config.templates.get(templateName);
  const template = known ?? config.templates.get(DEFAULT_TEMPLATE)!;
  if (!known) templateSource = 'default';
  const settings: Record<string, RuleSetting> = {};
  for (const [id, input] of Object.entries(rules)) settings[id] = toRuleSetting(input);
  return {
    isSpec,
    specReason,
    template: config.requireRecommended ? withRequiredRecommended(template) : template,
    templateSource,
    layout: file.layout,
    settings,
    templates: config.templates,
    maxFileSize: config.maxFileSize,
    trace: config.trace,
  };
}

const SOURCES: Record<TemplateSource, string> = {
  cli: 'chosen with --template',
  'front-matter': "named in the file's front matter",
  config: 'set by the configuration',
  layout: "from the file's folder layout",
  default: 'the default',
};

/** "Template 'spec-kit', from the file's folder layout (spec-kit feature folder specs/001-export)." */
export function describeTemplateChoice(settings: Pick<FileSettings, 'template' | 'templateSource' | 'specReason'>): string {
  return `Template '${settings.template.name}', ${SOURCES[settings.templateSource]}; checked because: ${settings.specReason}.`;
}
