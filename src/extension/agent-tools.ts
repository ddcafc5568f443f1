// Specwise's agent tools as VS Code language model tools, so Copilot agent mode checks the
// specs it writes. The same tools serve MCP; here files come from the workspace, and an open
// editor's unsaved text counts.
import * as vscode from 'vscode';
import { z } from 'zod';
import { LANGUAGE_MODEL_TOOLS, specTools, ToolInputError, type SpecTool, type ToolHost } from '../agents/index.js';
import { enginePath, type SpecService } from './service.js';


function workspaceFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

export function workspaceToolHost(service: SpecService): ToolHost {
  const folder = workspaceFolder();
  const base = folder ?? vscode.Uri.file('/');
  const root = enginePath(base).replace(/\/$/, '');
  const uriOf = (path: string) => base.with({ path });
  return {
    root,
    resolvePath: (path) => {
      const posix = path.replace(/\\/g, '/');
      return posix.startsWith('/') || /^[A-Za-z]:\//.test(posix) ? vscode.Uri.file(posix).path : `${root}/${posix.replace(/^\.\//, '')}`;
    },
    async readText(path) {
      const uri = uriOf(path);
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      if (open) return open.getText();
      try {
        return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      } catch (error) {
        throw new ToolInputError(`Cannot read '${vscode.workspace.asRelativePath(uri)}': ${error instanceof Error ? error.message : String(error)}.`);
      }
    },
    settingsFor: (path, text, template) => service.project(uriOf(path)).settingsFor(path, text, template),
  };
}

function toolNamed(name: string): SpecTool {
  return specTools.find((tool) => tool.name === LANGUAGE_MODEL_TOOLS[name])!;
}

/** Runs a tool for VS Code: the input checked against its schema, errors as messages the model can act on. */
export async function invokeAgentTool(service: SpecService, name: string, options: vscode.LanguageModelToolInvocationOptions<unknown>): Promise<vscode.LanguageModelToolResult> {
  const tool = toolNamed(name);
  const parsed = z.object(tool.input).safeParse(options.input ?? {});
  if (!parsed.success) throw new Error(`Invalid input for ${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ')}`);
  try {
    const { summary, data } = await tool.run(parsed.data as never, workspaceToolHost(service));
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(summary), new vscode.LanguageModelTextPart(JSON.stringify(data))]);
  } catch (error) {
    if (error instanceof ToolInputError) throw new Error(error.message);
    throw error;
  }
}

/** The message shown while a tool runs: which file it checks. */
export function invocationMessage(name: string, input: unknown): string {
  const path = typeof (input as { path?: unknown })?.path === 'string' ? (input as { path: string }).path : undefined;
  if (name === 'specwise_check') return path ? `Checking ${path} with Specwise` : 'Checking the spec with Specwise';
  return path ? `Finding the template for ${path}` : 'Listing Specwise templates';
}
