import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CheckArgs } from './args.js';
import { recordingHost, type Probe } from './cache.js';
import { checkFile, projectFor, type FileJob, type FileOutcome } from './check.js';
import type { SelectedFile } from './files.js';

declare const SPECWISE_BUNDLE: boolean | undefined;

/** Workers start from the bundled CLI file; from source (tests) everything runs in one thread. */
const WORKER_SCRIPT = typeof SPECWISE_BUNDLE === 'boolean' && SPECWISE_BUNDLE && typeof __filename === 'string' ? __filename : undefined;
const FILES_PER_WORKER = 4;

interface WorkerSetup {
  specwiseWorker: true;
  args: CheckArgs;
  cwd: string;
  job: FileJob;
  /** Record the file system questions config and layout resolution ask (for --cache). */
  record: boolean;
}

interface WorkerReply {
  index: number;
  outcome?: FileOutcome;
  probes?: Probe[];
  error?: string;
}

/**
 * Threads to check on: `--jobs`, else one less than the cores. V8's garbage collector and
 * compiler threads keep another core busy: on 2 cores a second worker saved 4% of the time
 * and cost 45% more memory.
 */
export function workerCount(files: number, requested?: number): number {
  if (!WORKER_SCRIPT) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = requested ?? Math.max(1, cores - 1);
  return Math.max(1, Math.min(wanted, Math.ceil(files / FILES_PER_WORKER)));
}

/** A queue of files over worker threads; outcomes are delivered in the files' order as soon as they can be. */
export function checkInWorkers(
  files: SelectedFile[],
  args: CheckArgs,
  cwd: string,
  threads: number,
  job: FileJob,
  deliver: (outcome: FileOutcome) => void,
  probes?: (asked: Probe[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const waiting = new Map<number, FileOutcome>();
    let next = 0;
    let done = 0;
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (worker: Worker) => {
      if (next < files.length) {
        worker.postMessage({ index: next, file: files[next] });
        next++;
      }
    };
    for (let i = 0; i < threads; i++) {
      const setup: WorkerSetup = { specwiseWorker: true, args, cwd, job, record: probes !== undefined };
      const worker = new Worker(WORKER_SCRIPT!, { workerData: setup });
      workers.push(worker);
      worker.on('message', ({ index, outcome, probes: asked, error }: WorkerReply) => {
        if (error) return finish(new Error(error));
        if (asked) probes?.(asked);
        waiting.set(index, outcome!);
        try {
          while (waiting.has(done)) {
            const ready = waiting.get(done)!;
            waiting.delete(done++);
            deliver(ready);
          }
        } catch (failure) {
          return finish(failure as Error);
        }
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
  const { args, cwd, job, record } = workerData as WorkerSetup;
  const asked: Probe[] = [];
  const project = projectFor({ cwd }, args.config, record ? recordingHost(asked) : undefined);
  parentPort!.on('message', ({ index, file }: { index: number; file: SelectedFile }) => {
    checkFile(file, project, args, cwd, job).then(
      (outcome) => parentPort!.postMessage({ index, outcome, probes: record ? asked.splice(0) : undefined } satisfies WorkerReply),
      (error: Error) => parentPort!.postMessage({ index, error: error.stack ?? error.message } satisfies WorkerReply),
    );
  });
}
