/** Binds the engine's config system to the built-in rules and templates. */
import { configFileIn } from './core/config/discover.js';
import { ConfigLoader, type ConfigHost, type EffectiveConfig, type LoadResult } from './core/config/load.js';
import type { ConfigError } from './core/config/locate.js';
import { resolveFileSettings, type FileSettings } from './core/config/resolve.js';
import { buildConfigSchema } from './core/config/schema.js';
import { peekFrontMatter } from './core/front-matter.js';
import { detectLayout, type LayoutMatch, type LayoutProbe } from './core/layout.js';
import { dirname } from './core/paths.js';
import { builtInRules } from './rules/index.js';
import { builtInTemplates } from './templates/index.js';
import { BUILT_IN_CITATION_NAMES } from './trace/extract/code.js';
import { traceRules } from './trace/rules/index.js';

/** Every rule, single-file and cross-file, once per id (duplicate-requirement-id is both). */
export const allRules = [...builtInRules, ...traceRules.filter((rule) => !builtInRules.some((builtIn) => builtIn.id === rule.id))];

/** The config file schema for this build's rules; `schemas/specwise.schema.json` is generated from it. */
export const configSchema = buildConfigSchema(allRules, BUILT_IN_CITATION_NAMES as [string, ...string[]]);

export function createConfigLoader(host: ConfigHost): ConfigLoader {
  return new ConfigLoader(host, configSchema, builtInTemplates);
}

export interface ProjectOptions {
  /** Workspace or repository root: discovery stops there; default patterns are relative to it without a config. */
  root: string;
  /** Use this config for every file instead of discovering one (the CLI's --config). */
  configFile?: string;
  /** Used when no config file applies (the editor's settings). */
  fallback?: { template?: string; files?: string[] };
  /** On an invalid config, keep using the last valid version of that file (the editor does). */
  keepLastValid?: boolean;
}

export interface SpecSettings extends FileSettings {
  configFile?: string;
  configErrors: ConfigError[];
}

/** Finds, loads and caches configs for the files of one workspace; paths are absolute and '/'-separated. */
export class SpecwiseProject {
  private readonly loader: ConfigLoader;
  private readonly discovered = new Map<string, Promise<string | undefined>>();
  private readonly loaded = new Map<string, Promise<LoadResult>>();
  private readonly lastValid = new Map<string, EffectiveConfig>();
  private readonly layoutFacts = new Map<string, Promise<unknown>>();

  constructor(
    private readonly host: ConfigHost,
    private readonly options: ProjectOptions,
  ) {
    this.loader = createConfigLoader(host);
  }

  /** Forgets cached configs, e.g. after a config file changed. */
  invalidate(): void {
    this.discovered.clear();
    this.loaded.clear();
    this.layoutFacts.clear();
  }

  async configFor(file: string): Promise<LoadResult> {
    const configFile = this.options.configFile ?? (await this.discover(dirname(file)));
    if (!configFile) return { config: this.fallbackConfig(), errors: [] };
    let result = this.loaded.get(configFile);
    if (!result) {
      result = this.loader.load(configFile).then((loaded) => {
        if (loaded.errors.length === 0) this.lastValid.set(configFile, loaded.config);
        const previous = this.options.keepLastValid ? this.lastValid.get(configFile) : undefined;
        return loaded.errors.length > 0 && previous ? { config: previous, errors: loaded.errors } : loaded;
      });
      this.loaded.set(configFile, result);
    }
    return result;
  }

  private fallbackConfig(): EffectiveConfig {
    const defaults = this.loader.defaults();
    const { template, files } = this.options.fallback ?? {};
    return {
      ...defaults,
      template: template && defaults.templates.has(template) ? template : undefined,
      files: files && files.length > 0 ? { patterns: files, base: this.options.root } : undefined,
    };
  }

  async settingsFor(file: string, text: string, forcedTemplate?: string): Promise<SpecSettings> {
    const { config, errors } = await this.configFor(file);
    const layout = await detectLayout(file, text, this.probe);
    return { ...this.resolve(config, file, text, forcedTemplate, layout), configFile: config.file, configErrors: errors };
  }

  resolve(config: EffectiveConfig, file: string, text: string, forcedTemplate?: string, layout?: LayoutMatch): FileSettings {
    return resolveFileSettings(config, { path: file, root: this.options.root, frontMatter: peekFrontMatter(text), forcedTemplate, layout });
  }

  /** Feature folders' spec files and a specs folder's subfolders, each asked once. */
  private readonly probe: LayoutProbe = {
    exists: (path) => this.ask(`exists:${path}`, () => this.host.exists(path)),
    folders: (path) => this.ask(`folders:${path}`, () => this.host.folders?.(path) ?? Promise.resolve(undefined)),
  };

  private ask<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let answer = this.layoutFacts.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = compute();
      this.layoutFacts.set(key, answer);
    }
    return answer;
  }

  /** The nearest config file, each directory asked once: sibling folders share their parents' answers. */
  private discover(dir: string): Promise<string | undefined> {
    let found = this.discovered.get(dir);
    if (!found) {
      found = configFileIn(dir, this.host, this.options.root).then(({ file, stop }) => (file || stop ? file : this.discover(dirname(dir))));
      this.discovered.set(dir, found);
    }
    return found;
  }
}
