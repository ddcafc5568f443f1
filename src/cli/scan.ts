/**
 * Runs the per-file work of `check` and `trace` (on worker threads when there are enough
 * files), takes what it can from the cache, and builds the traceability index from the
 * files' facts and the test and source files the configurations name.
 */
import { readFileSync } from 'node:fs';
import { createConfigLoader } from '../config.js';
import type { EffectiveConfig } from '../core/config/load.js';
import { binaryReason } from '../core/file-policy.js';
import { toPosix } from '../core/paths.js';
import { codeFacts } from '../trace/extract/code.js';
import { WorkspaceIndex } from '../trace/workspace-index.js';
import type { CheckArgs } from './args.js';
import { fileHash, recordingHost, type Probe, type RunCache } from './cache.js';
import { checkFile, projectFor, type FileJob, type FileOutcome } from './check.js';
import type { SelectedFile } from './files.js';
import { nodeHost } from './node-host.js';
import { checkInWorkers, workerCount } from './parallel.js';
import { codeFilesOf } from './trace-sources.js';

export interface ScanRequest {
  files: readonly SelectedFile[];
  args: CheckArgs;
  cwd: string;
  job: FileJob;
  cache?: RunCache;
  /** Each file's outcome, in file order, as soon as it is known. */
  deliver(outcome: FileOutcome): void;
}

function hashOf(file: string): string | undefined {
  try {
    return fileHash(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Checks (or traces) every file, reusing cached outcomes of unchanged files. */
export async function scan(request: ScanRequest): Promise<void> {
  const { files, args, cwd, job, cache } = request;
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  const hashes: (string | undefined)[] = new Array(files.length);
  const fresh: number[] = [];
  files.forEach((file, index) => {
    const hash = cache ? hashOf(file.path) : undefined;
    hashes[index] = hash;
    const entry = hash ? cache!.get(toPosix(file.path), hash, job.lint) : undefined;
    // A file named on the command line is always checked; a cached outcome of it found in a folder may lack its result.
    if (entry && (entry.outcome.result !== undefined || !file.explicit || !job.lint)) outcomes[index] = entry.outcome;
    else fresh.push(index);
  });
  let next = 0;
  const flush = () => {
    while (next < files.length && outcomes[next]) request.deliver(outcomes[next++]!);
  };
  flush();
  const remember = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    const hash = hashes[index];
    // A fixed file changed on disk: its next run reads it again.
    if (cache && hash && !outcome.result?.fixed) cache.set(toPosix(files[index].path), { hash, linted: job.lint, outcome });
    flush();
  };
  const queue = fresh.map((index) => files[index]);
  const threads = workerCount(queue.length, args.jobs);
  const addProbes = cache ? (probes: Probe[]) => cache.addProbes(probes) : undefined;
  if (threads > 1) {
    let at = 0;
    await checkInWorkers(queue, args, cwd, threads, job, (outcome) => remember(fresh[at++], outcome), addProbes);
    return;
  }
  const asked: Probe[] = [];
  const project = projectFor({ cwd }, args.config, cache ? recordingHost(asked) : undefined);
  for (const index of fresh) {
    const outcome = await checkFile(files[index], project, args, cwd, job);
    addProbes?.(asked.splice(0));
    remember(index, outcome);
  }
}

/** The traceability index of the scanned files, with the test and source files their configurations name. */
export async function traceIndexOf(outcomes: readonly FileOutcome[], configFiles: ReadonlySet<string>, cache?: RunCache): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex();
  for (const outcome of outcomes) if (outcome.facts) index.update(outcome.facts, outcome.traceContext);
  const probes: Probe[] = [];
  const loader = createConfigLoader(cache ? recordingHost(probes) : nodeHost);
  const configs: EffectiveConfig[] = [];
  for (const file of configFiles) {
    const { config, errors } = await loader.load(file);
    if (errors.length === 0) configs.push(config);
  }
  cache?.addProbes(probes);
  for (const code of codeFilesOf(configs)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(code.path);
    } catch {
      continue;
    }
    // Binary files cite nothing.
    if (binaryReason(bytes)) continue;
    const hash = cache ? fileHash(bytes) : '';
    const cached = cache?.get(code.path, hash, false)?.outcome.facts;
    const facts = cached?.role === code.role ? cached : codeFacts(code.path, bytes.toString('utf8'), code.role, code.patterns);
    if (cache && facts !== cached) cache.set(code.path, { hash, linted: false, outcome: { facts, configErrors: [], messages: [] } });
    index.update(facts);
  }
  return index;
}
