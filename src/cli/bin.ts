import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';
import { isCheckWorker, runCheckWorker } from './parallel.js';

// Parsing allocates many short-lived nodes: a 32 MB young generation (V8's default is 16)
// cuts garbage collection enough to save a tenth of the time on a folder of specs.
setFlagsFromString('--max-semi-space-size=32');

if (isCheckWorker()) {
  runCheckWorker();
} else {
  runCli();
}

/** A reader that closed the pipe (`specwise trace | head`) wants no more: stop quietly. */
function endOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

function runCli(): void {
  endOnClosedPipe(process.stdout);
  endOnClosedPipe(process.stderr);
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`specwise: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
