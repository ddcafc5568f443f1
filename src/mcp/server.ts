// Specwise's tools as an MCP server, on the official SDK. Arguments are validated against
// each tool's zod shape; invalid ones, and anything a tool throws, come back as MCP tool
// errors the agent can read and correct. The server itself never goes down over a call.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { specTools, ToolInputError, type SpecTool, type ToolHost } from '../agents/index.js';
import { VERSION } from '../cli/version.js';

const INSTRUCTIONS =
  'Specwise checks Markdown specs (tech specs, PRDs, RFCs, spec-kit, Kiro and OpenSpec files) the way a technical product manager reviews them. Call `check` on every spec you write or change and fix its findings; `templates` says which sections a spec needs; `translate` turns a business request into a first spec; `trace` shows which requirements no task or test covers yet.';

function asResult(summary: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: summary }, { type: 'text', text: JSON.stringify(data) }], structuredContent: data };
}

function register(server: McpServer, tool: SpecTool, host: ToolHost): void {
  server.registerTool(tool.name, { title: tool.title, description: tool.description, inputSchema: tool.input, annotations: { readOnlyHint: true, openWorldHint: false } }, async (input: Record<string, unknown>) => {
    try {
      const { summary, data } = await tool.run(input as never, host);
      return asResult(summary, data);
    } catch (error) {
      // A bad argument is the caller's to fix; anything else is reported, not thrown.
      const message = error instanceof ToolInputError ? error.message : `Specwise could not run '${tool.name}': ${error instanceof Error ? error.message : String(error)}`;
      return { content: [{ type: 'text', text: message }], isError: true };
    }
  });
}

export function createMcpServer(host: ToolHost): McpServer {
  const server = new McpServer({ name: 'specwise', title: 'Specwise', version: VERSION }, { instructions: INSTRUCTIONS });
  for (const tool of specTools) register(server, tool, host);
  return server;
}
