// What Specwise offers coding agents, independent of how they reach it: MCP over stdio, or
// VS Code's language model tools. A tool is a name, a description for the model, a zod
// input shape and a function of the input and the host.
import type { z } from 'zod';
import type { SpecSettings } from '../config.js';
import type { ConfigError } from '../core/config/locate.js';
import type { TraceMatrix } from '../trace/matrix.js';
import { MARKDOWN_FILE } from '../core/paths.js';

/** Arguments the caller can correct: the message says what to change. */
export class ToolInputError extends Error {
  override name = 'ToolInputError';
}

/** Where the tools find files and configuration: the agent's working folder, or the VS Code workspace. */
export interface ToolHost {
  /** The folder relative paths start from, '/'-separated. */
  readonly root: string;
  /** An absolute '/'-separated path for a path the caller gave, relative to `root` or absolute. */
  resolvePath(path: string): string;
  /** A file's text (an editor's unsaved text where there is one); ToolInputError when it cannot be read. */
  readText(path: string): Promise<string>;
  /** Template, rule settings and configuration errors for a spec at `path`. */
  settingsFor(path: string, text: string, template?: string): Promise<SpecSettings>;
  /** The traceability matrix of the features under the paths (folders, files or globs; none: `root`), where the host can read a folder tree. */
  trace?(paths: readonly string[]): Promise<{ matrix: TraceMatrix; configErrors: ConfigError[] }>;
}

export interface ToolResult {
  /** For people and models: a short report. */
  summary: string;
  /** The same, structured. */
  data: Record<string, unknown>;
}

export interface SpecTool<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  /** What the model reads to decide when to call the tool. */
  description: string;
  input: Shape;
  run(input: z.infer<z.ZodObject<Shape>>, host: ToolHost): Promise<ToolResult>;
}

/** Keeps each tool's input type while the registry holds them side by side. */
export function defineTool<Shape extends z.ZodRawShape>(tool: SpecTool<Shape>): SpecTool {
  return tool as unknown as SpecTool;
}

/** A path is a Markdown file, or the caller hears why not. */
export function markdownPath(path: string): string {
  if (!MARKDOWN_FILE.test(path)) throw new ToolInputError(`'${path}' is not a Markdown file: Specwise reads .md and .markdown files.`);
  return path;
}
