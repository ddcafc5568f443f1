import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CheckArgs } from './args.js';
import { checkFile, projectFor, type FileOutcome } from './check.js';
import type { SelectedFile } from './files.js';

declare const SPECWISE_BUNDLE: boolean | undefined;

/** Workers start from the bundled CLI file; from source (tests) everything runs in one thread. */
const WORKER_SCRIPT = typeof SPECWISE_BUNDLE === 'boolean' && SPECWISE_BUNDLE && typeof __filename === 'string' ? __filename : undefined;
const FILES_PER_WORKER = 4;

interface WorkerSetup {
  specwiseWorker: true;
  args: CheckArgs;
  cwd: string;
}

export function workerCount(files: number, requested?: number): number {
  if (!WORKER_SCRIPT) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = requested ?? cores;
  return Math.max(1, Math.min(wanted, Math.ceil(files / FILES_PER_WORKER)));
}

/** A queue of files over worker threads; outcomes come back in the files' order. */
export function checkInWorkers(files: SelectedFile[], args: CheckArgs, cwd: string, threads: number): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes: FileOutcome[] = new Array(files.length);
    let next = 0;
    let done = 0;
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const feed = (worker: Worker) => {
      if (next < files.length) {
        worker.postMessage({ index: next, file: files[next] });
        next++;
      }
    };
    for (let i = 0; i < threads; i++) {
      const setup: WorkerSetup = { specwiseWorker: true, args, cwd };
      const worker = new Worker(WORKER_SCRIPT!, { workerData: setup });
      workers.push(worker);
      worker.on('message', ({ index, outcome, error }: { index: number; outcome?: FileOutcome; error?: string }) => {
        if (error) return finish(new Error(error));
        outcomes[index] = outcome!;
        done++;
        if (done === files.length) return finish();
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      feed(worker);
    }
  });
}

/** The worker side: checks the files it is sent with its own config cache. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as WorkerSetup | undefined)?.specwiseWorker === true;
}

export function runCheckWorker(): void {
  const { args, cwd } = workerData as WorkerSetup;
  const project = projectFor({ cwd, stdout: () => {}, stderr: () => {} }, args.config);
  parentPort!.on('message', ({ index, file }: { index: number; file: SelectedFile }) => {
    checkFile(file, project, args, cwd).then(
      (outcome) => parentPort!.postMessage({ index, outcome }),
      (error: Error) => parentPort!.postMessage({ index, error: error.stack ?? error.message }),
    );
  });
}
