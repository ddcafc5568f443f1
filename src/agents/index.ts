import { checkTool } from './check.js';
import { templatesTool } from './templates.js';
import type { SpecTool } from './tool.js';
import { traceTool } from './trace.js';
import { translateTool } from './translate.js';

export { ToolInputError, type SpecTool, type ToolHost, type ToolResult } from './tool.js';
export { checkSpecText } from './check.js';
export { describeTemplate, templateFor, templateSourceText } from './templates.js';

/** Every tool agents get, in the order they are listed. A new tool is one more entry. */
export const specTools: readonly SpecTool[] = [checkTool, traceTool, translateTool, templatesTool];

/** The tools VS Code's agents get as language model tools, by contributed name. */
export const LANGUAGE_MODEL_TOOLS: Readonly<Record<string, string>> = { specwise_check: 'check', specwise_templates: 'templates' };
