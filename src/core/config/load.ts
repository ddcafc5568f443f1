import { getNodeValue } from 'jsonc-parser';
import { dirname, joinPath } from '../paths.js';
import type { Template, TemplateSection } from '../template.js';
import { ConfigText, zodIssuesToErrors, type ConfigError, type JsonPath } from './locate.js';
import { PRESETS } from './presets.js';
import type { ConfigFile, ConfigSchema, RuleSettingInput, TemplateDefinition } from './schema.js';

/** File access for config loading; the CLI uses Node's fs, the extension `workspace.fs`. */
export interface ConfigHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  /** Names of the folders in a folder (for recognizing spec-driven layouts); undefined when unknown. */
  folders?(path: string): Promise<string[] | undefined>;
}

export interface GlobSet {
  patterns: string[];
  /** Directory the patterns are relative to: the config file that set them. */
  base: string;
}

export interface OverrideEntry {
  files: GlobSet;
  template?: string;
  rules: Record<string, RuleSettingInput>;
}

/** Traceability settings: test and source files, and how they cite requirements. */
export interface TraceSettings {
  tests?: GlobSet;
  sources?: GlobSet;
  /** Built-in citation patterns by name; undefined means all. */
  citations?: string[];
  /** The team's own citation patterns (regular expression sources). */
  patterns: string[];
}

/** A config with its `extends` chain applied and its templates resolved. */
export interface EffectiveConfig {
  /** The config file, or undefined for the defaults. */
  file?: string;
  template?: string;
  templates: Map<string, Template>;
  files?: GlobSet;
  ignores?: GlobSet;
  requireRecommended: boolean;
  /** Bytes above which files are skipped unparsed. */
  maxFileSize: number;
  overrides: OverrideEntry[];
  rules: Record<string, RuleSettingInput>;
  trace: TraceSettings;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface LoadResult {
  config: EffectiveConfig;
  errors: ConfigError[];
}

interface DefinedTemplate {
  definition: TemplateDefinition;
  source: ConfigText;
  path: JsonPath;
}

/** What a config file and everything it extends add up to, before templates are built. */
interface Layer {
  template?: string;
  templates: Map<string, DefinedTemplate>;
  files?: GlobSet;
  ignores?: GlobSet;
  requireRecommended?: boolean;
  maxFileSize?: number;
  overrides: OverrideEntry[];
  rules: Record<string, RuleSettingInput>;
  trace: TraceSettings;
}

const emptyLayer = (): Layer => ({ templates: new Map(), overrides: [], rules: {}, trace: { patterns: [] } });

export class ConfigLoader {
  constructor(
    private readonly host: ConfigHost,
    private readonly schema: ConfigSchema,
    private readonly builtInTemplates: ReadonlyMap<string, Template>,
  ) {}

  /** No config file: the built-in templates and every rule at its default. */
  defaults(): EffectiveConfig {
    return { templates: new Map(this.builtInTemplates), requireRecommended: false, maxFileSize: DEFAULT_MAX_FILE_SIZE, overrides: [], rules: {}, trace: { patterns: [] } };
  }

  /** Loads a config file and its `extends` chain; on any error, the defaults and the located errors. */
  async load(file: string): Promise<LoadResult> {
    const errors: ConfigError[] = [];
    const layer = await this.loadFile(file, [], errors, undefined);
    if (!layer || errors.length > 0) return { config: { ...this.defaults(), file }, errors };
    const templates = this.buildTemplates(layer, errors);
    if (errors.length > 0) return { config: { ...this.defaults(), file }, errors };
    return {
      config: {
        file,
        template: layer.template,
        templates,
        files: layer.files,
        ignores: layer.ignores,
        requireRecommended: layer.requireRecommended ?? false,
        maxFileSize: layer.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
        overrides: layer.overrides,
        rules: layer.rules,
        trace: layer.trace,
      },
      errors,
    };
  }

  private async loadFile(file: string, stack: string[], errors: ConfigError[], from: { source: ConfigText; path: JsonPath } | undefined): Promise<Layer | undefined> {
    const text = await this.host.readFile(file);
    if (text === undefined) {
      const message = `Cannot read config file '${file}'.`;
      errors.push(from ? from.source.errorAt(from.path, message) : { file, offset: 0, length: 0, line: 1, column: 1, message });
      return undefined;
    }
    const source = new ConfigText(file, text);
    if (source.syntaxErrors.length > 0) {
      errors.push(...source.syntaxErrors);
      return undefined;
    }
    const parsed = this.schema.safeParse(getNodeValue(source.root!));
    if (!parsed.success) {
      errors.push(...zodIssuesToErrors(source, parsed.error.issues, [], this.schema));
      return undefined;
    }
    const data = parsed.data;
    const layer = emptyLayer();
    const extendsList = data.extends === undefined ? [] : Array.isArray(data.extends) ? data.extends : [data.extends];
    for (const [index, entry] of extendsList.entries()) {
      const path: JsonPath = Array.isArray(data.extends) ? ['extends', index] : ['extends'];
      if (entry.startsWith('specwise:')) {
        const preset = PRESETS[entry];
        if (!preset) {
          errors.push(source.errorAt(path, `Unknown preset '${entry}'; expected one of: ${Object.keys(PRESETS).join(', ')}.`));
          continue;
        }
        mergeInto(layer, this.ownLayer(this.schema.parse(preset), dirname(file), source, []));
        continue;
      }
      const target = joinPath(dirname(file), entry);
      if (target === file || stack.includes(target)) {
        const cycle = [...stack, file, target].map((item) => `'${item}'`).join(' -> ');
        errors.push(source.errorAt(path, `'extends' makes a cycle: ${cycle}.`));
        continue;
      }
      const base = await this.loadFile(target, [...stack, file], errors, { source, path });
      if (base) mergeInto(layer, base);
    }
    const own = this.ownLayer(data, dirname(file), source, []);
    mergeInto(layer, own);
    this.checkTemplateNames(data, layer, source, errors);
    checkGlobs(data, source, errors);
    return layer;
  }

  private ownLayer(data: ConfigFile, base: string, source: ConfigText, path: JsonPath): Layer {
    const layer = emptyLayer();
    layer.template = data.template;
    for (const [name, definition] of Object.entries(data.templates ?? {})) {
      layer.templates.set(name, { definition, source, path: [...path, 'templates', name] });
    }
    if (data.files) layer.files = { patterns: data.files, base };
    if (data.ignores) layer.ignores = { patterns: data.ignores, base };
    layer.requireRecommended = data.requireRecommended;
    layer.maxFileSize = data.maxFileSize;
    layer.overrides = (data.overrides ?? []).map((entry) => ({
      files: { patterns: entry.files, base },
      template: entry.template,
      rules: (entry.rules ?? {}) as Record<string, RuleSettingInput>,
    }));
    layer.rules = (data.rules ?? {}) as Record<string, RuleSettingInput>;
    const trace = data.trace;
    layer.trace = {
      tests: trace?.tests ? { patterns: trace.tests, base } : undefined,
      sources: trace?.sources ? { patterns: trace.sources, base } : undefined,
      citations: trace?.citations,
      patterns: trace?.patterns ?? [],
    };
    return layer;
  }

  /** Template names this file uses must be built in or configured here or in what it extends. */
  private checkTemplateNames(data: ConfigFile, layer: Layer, source: ConfigText, errors: ConfigError[]): void {
    const known = (name: string) => this.builtInTemplates.has(name) || layer.templates.has(name);
    const check = (name: string | undefined, path: JsonPath) => {
      if (name !== undefined && !known(name)) {
        const names = [...new Set([...this.builtInTemplates.keys(), ...layer.templates.keys()])].join(', ');
        errors.push(source.errorAt(path, `Unknown template '${name}'; expected a built-in or configured template: ${names}.`));
      }
    };
    check(data.template, ['template']);
    data.overrides?.forEach((entry, index) => check(entry.template, ['overrides', index, 'template']));
    for (const [name, definition] of Object.entries(data.templates ?? {})) {
      if (definition.extends !== name) check(definition.extends, ['templates', name, 'extends']);
    }
  }

  private buildTemplates(layer: Layer, errors: ConfigError[]): Map<string, Template> {
    const templates = new Map(this.builtInTemplates);
    const building = new Set<string>();
    const built = new Set<string>();
    const build = (name: string): Template | undefined => {
      const defined = layer.templates.get(name);
      if (!defined) return this.builtInTemplates.get(name);
      if (built.has(name)) return templates.get(name);
      if (building.has(name)) {
        errors.push(defined.source.errorAt([...defined.path, 'extends'], `Template '${name}' extends itself through ${[...building].join(' -> ')}.`));
        return undefined;
      }
      building.add(name);
      const { definition } = defined;
      const base = definition.extends === undefined ? undefined : definition.extends === name ? this.builtInTemplates.get(name) : build(definition.extends);
      building.delete(name);
      const template = composeTemplate(name, definition, base, defined, errors);
      templates.set(name, template);
      built.add(name);
      return template;
    };
    for (const name of layer.templates.keys()) build(name);
    return templates;
  }
}

/** Why a glob cannot be what its author meant (picomatch accepts anything and matches nothing). */
export function globProblem(pattern: string): string | undefined {
  if (pattern.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(pattern)) return 'globs are relative to the config file; remove the leading slash or drive';
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const open: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char in pairs) open.push(pairs[char]);
    else if (char === '}' || char === ']' || char === ')') {
      if (open.pop() !== char) return `'${char}' has no matching opening bracket`;
    }
  }
  return open.length > 0 ? `'${open[open.length - 1]}' is missing: the brackets are not balanced` : undefined;
}

function checkGlobs(data: ConfigFile, source: ConfigText, errors: ConfigError[]): void {
  const check = (patterns: readonly string[] | undefined, path: JsonPath) =>
    patterns?.forEach((pattern, index) => {
      const problem = globProblem(pattern);
      if (problem) errors.push(source.errorAt([...path, index], `Invalid glob '${pattern}': ${problem}.`));
    });
  check(data.files, ['files']);
  check(data.ignores, ['ignores']);
  check(data.trace?.tests, ['trace', 'tests']);
  check(data.trace?.sources, ['trace', 'sources']);
  data.overrides?.forEach((entry, index) => check(entry.files, ['overrides', index, 'files']));
}

function composeTemplate(name: string, definition: TemplateDefinition, base: Template | undefined, defined: DefinedTemplate, errors: ConfigError[]): Template {
  const sections: TemplateSection[] = (base?.sections ?? []).filter((entry) => !definition.omit.includes(entry.id));
  const seen = new Set<string>();
  definition.sections.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      errors.push(defined.source.errorAt([...defined.path, 'sections', index, 'id'], `Section id '${entry.id}' appears twice in template '${name}'.`));
    }
    seen.add(entry.id);
    const at = sections.findIndex((existing) => existing.id === entry.id);
    if (at >= 0) sections[at] = { ...entry, scaffold: entry.scaffold ?? sections[at].scaffold };
    else sections.push(entry);
  });
  definition.omit.forEach((id, index) => {
    if (!base?.sections.some((entry) => entry.id === id)) {
      errors.push(defined.source.errorAt([...defined.path, 'omit', index], `Template '${name}' omits '${id}', which ${base ? `'${base.name}' does not have` : 'needs `extends`'}.`));
    }
  });
  if (sections.length === 0 && definition.extends === undefined) {
    errors.push(defined.source.errorAt(defined.path, `Template '${name}' has no sections; give it 'sections' or 'extends'.`));
  }
  return {
    name,
    title: definition.title ?? base?.title ?? name,
    description: definition.description ?? base?.description,
    coverage: definition.coverage ?? base?.coverage ?? 'cited-ids',
    sections,
  };
}

function mergeInto(target: Layer, source: Layer): void {
  if (source.template !== undefined) target.template = source.template;
  for (const [name, defined] of source.templates) target.templates.set(name, defined);
  if (source.files) target.files = source.files;
  if (source.ignores) target.ignores = source.ignores;
  if (source.requireRecommended !== undefined) target.requireRecommended = source.requireRecommended;
  if (source.maxFileSize !== undefined) target.maxFileSize = source.maxFileSize;
  target.overrides.push(...source.overrides);
  Object.assign(target.rules, source.rules);
  target.trace = {
    tests: source.trace.tests ?? target.trace.tests,
    sources: source.trace.sources ?? target.trace.sources,
    citations: source.trace.citations ?? target.trace.citations,
    patterns: [...target.trace.patterns, ...source.trace.patterns],
  };
}
