import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from './server.js';
import { nodeToolHost } from './node-host.js';

/**
 * Serves MCP on standard input and output until the client closes them. Standard output
 * carries only the protocol; nothing else is printed there.
 */
export async function serveMcpOverStdio(cwd: string, configFile?: string): Promise<void> {
  const server = createMcpServer(nodeToolHost(cwd, configFile));
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
