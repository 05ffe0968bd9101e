/**
 * Linting many files from the command line: a cache of results (`--cache`) and worker threads
 * across CPU cores. Both give back what a plain run gives: per postmortem its findings and the
 * configuration lookup; files that are not postmortems give nothing.
 *
 * The cache keeps, per file, its size, modification time and content hash, the configuration that
 * applied, and its result. A warm run stats each file and reuses the result when size and time are
 * unchanged (nothing is read); when only the time changed, the content is read and hashed, and an
 * equal hash still reuses the result. Any other tool version or `--today` starts a fresh cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ConfigLookup, Finding, PostmortemEngine, WorkspaceHost } from '../core';
import { stripBom } from '../core';

/** What one file gave: its findings and the lookup of its configuration, or nothing (not a postmortem). */
export interface FileLint {
  path: string;
  findings: Finding[];
  lookup: Pick<ConfigLookup, 'file' | 'config'>;
  /** The text read (without a byte-order mark), when the file was linted in this process now. */
  text?: string;
}

interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  config: string;
  /** Findings without their fixes (the CLI prints, it does not fix, from the cache); null: not a postmortem. */
  findings: Finding[] | null;
}

interface CacheFile {
  version: string;
  today: string;
  files: Record<string, CacheEntry>;
}

/** The cache of one run: read at the start, written at the end. */
export class LintCache {
  private data: CacheFile;
  private dirty = false;
  hits = 0;
  /** Files whose content had to be read to decide (their time changed). */
  reads = 0;

  constructor(private readonly location: string, version: string, today: string) {
    let data: CacheFile | undefined;
    try {
      const parsed = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (parsed && parsed.version === version && parsed.today === today && typeof parsed.files === 'object') data = parsed;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    this.data = data ?? { version, today, files: {} };
  }

  /** The cached result of a file, if it still holds; `undefined` when the file must be linted. */
  lookup(path: string, configKey: string): { findings: Finding[] | null } | undefined {
    const entry = this.data.files[path];
    if (!entry || entry.config !== configKey) return undefined;
    let st;
    try {
      st = statSync(path);
    } catch {
      return undefined;
    }
    if (st.size === entry.size && st.mtimeMs === entry.mtimeMs) {
      this.hits++;
      return { findings: entry.findings };
    }
    if (st.size !== entry.size) return undefined;
    this.reads++;
    if (hashOf(readFileSync(path, 'utf8')) !== entry.hash) return undefined;
    entry.mtimeMs = st.mtimeMs;
    this.dirty = true;
    this.hits++;
    return { findings: entry.findings };
  }

  /**
   * Records a file's result. `content` is what the lint read: its text, or only its hash when a
   * worker thread read it (the text stays there); without either the file is read here.
   */
  store(path: string, configKey: string, content: string | ContentHash | undefined, findings: Finding[] | null): void {
    try {
      const st = statSync(path);
      const hash = typeof content === 'object' ? content.hash : hashOf(content ?? readFileSync(path, 'utf8'));
      this.data.files[path] = { size: st.size, mtimeMs: st.mtimeMs, hash, config: configKey, findings: findings?.map(withoutFixes) ?? null };
      this.dirty = true;
    } catch {
      // A file that vanished meanwhile is not cached.
    }
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.location), { recursive: true });
    writeFileSync(this.location, JSON.stringify(this.data));
  }
}

/** A file's content hash, computed where the file was read (a worker thread). */
export interface ContentHash {
  hash: string;
}

/** The cache's content hash of a text (a byte-order mark does not count). */
function hashOf(text: string): string {
  return createHash('sha256').update(stripBom(text)).digest('hex');
}

function withoutFixes(f: Finding): Finding {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range, fixes: [] };
}

/** What identifies the configuration a file was linted with, for the cache. */
export function configKey(lookup: Pick<ConfigLookup, 'file' | 'config'>, explicit: boolean): string {
  return hashOf(JSON.stringify([lookup.file?.path ?? null, lookup.config, explicit]));
}

/** How many worker threads to lint `files` files with: one per core for large runs, none for small ones. */
export function workerCount(files: number, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  if (files < 200) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / 100)));
}

/** A batch for one worker thread: the files to lint and how. */
export interface WorkerJob {
  files: Array<{ path: string; explicit: boolean }>;
  today: string;
  configFile: string | undefined;
}

/**
 * What a worker thread sends back per file: its result (undefined: not a postmortem) and the hash
 * of the text it read (undefined: unreadable), so the cache need not read the file again.
 */
export interface WorkerResult {
  lint: FileLint | undefined;
  hash: string | undefined;
}

/**
 * Lints files on `jobs` worker threads running `script` (the CLI bundle, which serves as the worker
 * when started as one). Results come back in the order of `files`.
 */
export async function lintInWorkers(script: string, files: WorkerJob['files'], jobs: number, options: Omit<WorkerJob, 'files'>): Promise<WorkerResult[]> {
  const chunks: Array<WorkerJob['files']> = Array.from({ length: jobs }, () => []);
  files.forEach((f, i) => chunks[i % jobs]!.push(f));
  const parts = await Promise.all(chunks.map((chunk) => new Promise<WorkerResult[]>((resolve, reject) => {
    if (chunk.length === 0) {
      resolve([]);
      return;
    }
    const worker = new Worker(script, { workerData: { postmortemLintJob: { ...options, files: chunk } satisfies WorkerJob } });
    worker.once('message', (m: WorkerResult[]) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a lint worker stopped with exit code ${code}`));
    });
  })));
  // Undo the round-robin split.
  const out: WorkerResult[] = new Array(files.length);
  parts.forEach((part, w) => part.forEach((r, k) => { out[k * jobs + w] = r; }));
  return out;
}

/**
 * The worker's side: lint the job's files with an engine of its own and post the results. The
 * worker reads each file itself (through the engine's host) so that it can hash the very text it
 * linted: the main thread caches that hash instead of reading every file a second time.
 */
export async function runWorkerJob(engine: PostmortemEngine, host: WorkspaceHost, job: WorkerJob): Promise<WorkerResult[]> {
  const out: WorkerResult[] = [];
  for (const f of job.files) {
    const text = await host.readFile(f.path);
    const doc = text === undefined ? undefined : await engine.lint(f.path, { text, explicit: f.explicit, today: job.today });
    out.push({
      lint: doc ? { path: doc.path, findings: doc.findings.map(withoutFixes), lookup: { file: doc.lookup.file, config: doc.lookup.config } } : undefined,
      hash: text === undefined ? undefined : hashOf(text),
    });
  }
  return out;
}
