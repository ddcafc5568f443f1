/**
 * Reads one file of a workspace for the index, whatever the host: a Markdown file through
 * the settings the engine resolves for it (its layout role, its template), a test or
 * source file through its configuration's `trace` globs and citation patterns.
 */
import type { AnalysisContext } from '../core/rule.js';
import type { BlockParseCache } from '../core/block-parse.js';
import { matches } from '../core/config/resolve.js';
import { MARKDOWN_FILE } from '../core/paths.js';
import type { SpecwiseProject } from '../config.js';
import { markdownTraceRole } from './classify.js';
import { citationPatternsOf, codeFacts } from './extract/code.js';
import { markdownFacts } from './extract/markdown.js';
import type { TraceFileFacts } from './model.js';
import type { TraceFileContext } from './workspace-index.js';


export interface ReadTraceFileOptions {
  /** Block parses of the file's earlier versions (an open editor's). */
  cache?: BlockParseCache;
  /** The analysis a check made of this very text with the file's template. */
  analysis?: AnalysisContext;
}

export interface TracedFile {
  facts: TraceFileFacts;
  context: TraceFileContext;
}

/** The file's facts and context, or undefined when it takes no part in traceability. */
export async function readTraceFile(project: SpecwiseProject, path: string, text: string, options: ReadTraceFileOptions = {}): Promise<TracedFile | undefined> {
  if (MARKDOWN_FILE.test(path)) {
    const settings = await project.settingsFor(path, text);
    const role = text.length <= settings.maxFileSize ? markdownTraceRole(path, settings) : undefined;
    if (!role) return undefined;
    const facts = markdownFacts({ path, text, ...role, template: settings.template, cache: options.cache, analysis: role.role === 'spec' ? options.analysis : undefined });
    return { facts, context: { settings: settings.settings, tracesTests: settings.trace.tests !== undefined } };
  }
  const { config } = await project.configFor(path);
  const role = matches(config.trace.tests, path) ? 'test' : matches(config.trace.sources, path) ? 'source' : undefined;
  if (!role || text.length > config.maxFileSize) return undefined;
  return { facts: codeFacts(path, text, role, citationPatternsOf(config.trace)), context: {} };
}

/** Whether a configuration of the project could make this file a test or source file (for hosts that list files). */
export async function isTraceCodeFile(project: SpecwiseProject, path: string): Promise<boolean> {
  const { config } = await project.configFor(path);
  return matches(config.trace.tests, path) || matches(config.trace.sources, path);
}
