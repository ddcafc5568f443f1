/**
 * `--cache`: what each file produced (its findings and its traceability facts), kept with
 * the content hash it came from, so a run over unchanged files reads and hashes them and
 * does nothing else. Every question the run asked about the file system to resolve
 * configurations and folder layouts is kept too; if any answer changed (a config file was
 * edited, a spec.md appeared), or the version or the options did, the cache starts over.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigHost } from '../core/config/load.js';
import type { FileOutcome } from './check.js';
import { nodeHost } from './node-host.js';

export const DEFAULT_CACHE_FILE = '.specwisecache';
const FORMAT = 1;

/** One question to the file system and its answer, as text. */
export interface Probe {
  kind: 'exists' | 'folders' | 'read';
  path: string;
  answer: string;
}

export interface CacheEntry {
  /** sha1 of the file's bytes. */
  hash: string;
  /** The file was checked with the rules (a trace-only run leaves this false). */
  linted: boolean;
  outcome: FileOutcome;
}

interface CacheData {
  format: number;
  version: string;
  /** The options that change what a file produces (--config, --template, --fix). */
  key: string;
  probes: Probe[];
  entries: Record<string, CacheEntry>;
}

export function fileHash(bytes: Buffer | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

function answerOf(kind: Probe['kind'], value: unknown): string {
  if (kind === 'exists') return value ? '1' : '0';
  if (kind === 'folders') return value === undefined ? '\u0000' : (value as string[]).join('\n');
  return value === undefined ? '\u0000' : fileHash(value as string);
}

/** A host that records every question and answer, for the cache to ask again next time. */
export function recordingHost(probes: Probe[], host: ConfigHost = nodeHost): ConfigHost {
  const record = <T>(kind: Probe['kind'], path: string, value: T): T => {
    probes.push({ kind, path, answer: answerOf(kind, value) });
    return value;
  };
  return {
    readFile: async (file) => record('read', file, await host.readFile(file)),
    exists: async (file) => record('exists', file, await host.exists(file)),
    folders: async (folder) => record('folders', folder, await host.folders?.(folder)),
  };
}

async function stillTrue(probe: Probe): Promise<boolean> {
  const value = probe.kind === 'exists' ? await nodeHost.exists(probe.path) : probe.kind === 'folders' ? await nodeHost.folders!(probe.path) : await nodeHost.readFile(probe.path);
  return answerOf(probe.kind, value) === probe.answer;
}

/** The cache file: `--cache-location` names a file, or a folder to put `.specwisecache` in. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(resolved) && statSync(resolved).isDirectory());
  return isFolder ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

export class RunCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly probes = new Map<string, Probe>();
  /** Why the previous cache was not used, for the curious (undefined when it was). */
  readonly discarded: string | undefined;
  /** Something changed since the cache was read: it is written again. */
  private changed: boolean;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly key: string,
    data: CacheData | undefined,
    discarded: string | undefined,
  ) {
    this.entries = new Map(Object.entries(data?.entries ?? {}));
    for (const probe of data?.probes ?? []) this.probes.set(`${probe.kind}:${probe.path}`, probe);
    this.discarded = discarded;
    this.changed = data === undefined;
  }

  /** Reads the cache file; anything unreadable, stale or from another version or options starts an empty cache. */
  static async load(file: string, version: string, key: string): Promise<RunCache> {
    let data: CacheData | undefined;
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
    } catch {
      return new RunCache(file, version, key, undefined, existsSync(file) ? 'the cache file could not be read' : 'no cache file yet');
    }
    if (data.format !== FORMAT || data.version !== version) return new RunCache(file, version, key, undefined, 'another version of Specwise wrote it');
    if (data.key !== key) return new RunCache(file, version, key, undefined, 'the options changed');
    for (const probe of data.probes ?? []) {
      if (!(await stillTrue(probe))) return new RunCache(file, version, key, undefined, `${probe.path} changed`);
    }
    return new RunCache(file, version, key, data, undefined);
  }

  /** The entry for a file whose bytes hash to `hash`, if it holds what the run needs. */
  get(file: string, hash: string, needLint: boolean): CacheEntry | undefined {
    const entry = this.entries.get(file);
    return entry && entry.hash === hash && (entry.linted || !needLint) ? entry : undefined;
  }

  set(file: string, entry: CacheEntry): void {
    this.entries.set(file, entry);
    this.changed = true;
  }

  /** Keeps only the files this run saw. */
  retain(files: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) {
      if (files.has(file)) continue;
      this.entries.delete(file);
      this.changed = true;
    }
  }

  addProbes(probes: readonly Probe[]): void {
    for (const probe of probes) {
      const key = `${probe.kind}:${probe.path}`;
      if (this.probes.get(key)?.answer === probe.answer) continue;
      this.probes.set(key, probe);
      this.changed = true;
    }
  }

  /** Writes the cache next to where it goes and moves it in place, so a crash never leaves half a file; an unchanged cache is left as it is. */
  save(): void {
    if (!this.changed) return;
    const data: CacheData = { format: FORMAT, version: this.version, key: this.key, probes: [...this.probes.values()], entries: Object.fromEntries(this.entries) };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, this.file);
  }
}
