// The MCP server alone, as the VS Code extension ships it: `node dist/mcp-server.cjs`.
import { serveMcpOverStdio } from './stdio.js';

// A client that goes away ends the server quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

serveMcpOverStdio(process.cwd()).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`specwise mcp: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
