import { parseArgs, USAGE, UsageError } from './args.js';
import { FileReadError } from './check.js';
import { runCheck } from './run-check.js';
import { runTrace } from './run-trace.js';
import { runInit } from './init.js';
import type { CliIo } from './io.js';
import { runNew, runTemplates, runTranslate } from './new.js';
import { VERSION } from './version.js';

export type { CliIo } from './io.js';

/** The whole CLI: arguments in, exit code out; all output goes through `io`. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'init':
        return runInit(args, io);
      case 'new':
        return await runNew(args, io);
      case 'templates':
        return await runTemplates(args, io);
      case 'translate':
        return await runTranslate(args, io);
      case 'check':
        return await runCheck(args, io);
      case 'mcp': {
        // Loaded on demand: other commands do not pay for the MCP SDK.
        const { serveMcpOverStdio } = await import('../mcp/stdio.js');
        await serveMcpOverStdio(io.cwd, args.config);
        return 0;
      }
      case 'trace':
        return await runTrace(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileReadError) {
      io.stderr(`specwise: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
