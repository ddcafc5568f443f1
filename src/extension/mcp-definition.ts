import * as vscode from 'vscode';

/**
 * The MCP server the extension ships, for VS Code's agents: the editor's own Node.js runs
 * dist/mcp-server.cjs in the workspace folder. None in the browser, where no process starts.
 */
export function mcpServerDefinitions(context: vscode.ExtensionContext): vscode.McpServerDefinition[] {
  if (typeof process !== 'object' || typeof process.execPath !== 'string' || !process.versions?.node) return [];
  const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'mcp-server.cjs').fsPath;
  // Desktop VS Code's executable is Electron: this makes it run the script as Node.js.
  const definition = new vscode.McpStdioServerDefinition('Specwise', process.execPath, [server], { ELECTRON_RUN_AS_NODE: '1' }, String(context.extension.packageJSON.version));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder?.scheme === 'file') definition.cwd = folder;
  return [definition];
}
