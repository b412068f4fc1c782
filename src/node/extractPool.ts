import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeText } from '../core/corpus/analyze';
import type { PackedAnalysis } from '../core/corpus/packedAnalysis';
import type { ExtractOptions } from '../core/extract/types';

/** A message to a worker: one document to extract. */
export interface ExtractRequest {
  id: number;
  text: string;
  options: ExtractOptions | undefined;
}

/** A worker's answer: the packed analysis (its Int32Array transferred), or why extraction threw. */
export type ExtractResponse = { id: number; strings: string; ints: Int32Array; error?: undefined } | { id: number; error: string };

export interface ExtractPoolOptions {
  /** Worker threads; default: the machine's cores minus one (for the thread that asks), at least one. */
  size?: number;
  /** The bundled worker script; default `extractWorker.js` beside this bundle. */
  workerFile?: string;
  /**
   * Documents up to this many characters may be extracted on the calling thread while every worker is
   * busy, one per event-loop turn, so that it works too instead of waiting (0: never). Larger ones
   * always go to a worker, so the calling thread is never blocked long.
   */
  inlineMaxChars?: number;
}

/** Says when queued work is no longer wanted (VS Code's CancellationToken fits). */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

interface Job {
  text: string;
  options: ExtractOptions | undefined;
  token: CancellationLike | undefined;
  resolve(a: PackedAnalysis | undefined): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  /** Jobs posted and not answered yet, in order (a worker answers in order). */
  jobs: Map<number, Job>;
  answered: boolean;
}

/** Workers stop after this long without work. */
const IDLE_MS = 30_000;

/**
 * Jobs given to a worker at once: while the calling thread is busy (extracting a small document
 * itself, or anything else) the worker goes on with the next one instead of waiting for it.
 */
const PER_WORKER = 4;

export const DEFAULT_INLINE_MAX_CHARS = 64 * 1024;

/**
 * Extracts documents in worker threads (node only; the extractor is pure: text and options in, packed
 * analysis out, identical to {@link analyzeText} on the calling thread). Jobs are queued and handed
 * to idle workers; while all are busy, the calling thread takes small jobs itself between event-loop
 * turns. A worker that cannot start or dies gives its job back to the queue; with no worker left, every
 * job runs on the calling thread, so indexing works, only slower.
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private inlineScheduled = false;
  private disposed = false;
  private readonly inlineMaxChars: number;
  /** Jobs run on the calling thread, and in workers (for tests and the benchmark). */
  readonly counts = { inline: 0, worker: 0 };

  private readonly size: number;
  private readonly file: string;
  /** Set once a worker failed before answering anything: workers are not started again. */
  private broken = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(opts: ExtractPoolOptions = {}) {
    this.size = opts.size ?? Math.max(1, availableParallelism() - 1);
    this.inlineMaxChars = opts.inlineMaxChars ?? DEFAULT_INLINE_MAX_CHARS;
    this.file = opts.workerFile ?? path.join(__dirname, 'extractWorker.js');
  }

  /**
   * Workers start with the first job (a warm start that extracts nothing starts none) and stop after
   * a while without work (typing extracts on the calling thread), to start again when needed.
   */
  private start(): void {
    clearTimeout(this.idleTimer);
    if (this.slots.length || this.broken || this.disposed) return;
    for (let i = 0; i < this.size; i++) {
      let worker: Worker;
      try {
        worker = new Worker(this.file);
      } catch {
        this.broken = true;
        continue;
      }
      const slot: Slot = { worker, jobs: new Map(), answered: false };
      worker.unref();
      worker.on('message', (res: ExtractResponse) => this.settle(slot, res));
      worker.on('error', () => this.lose(slot));
      worker.on('exit', () => this.lose(slot));
      this.slots.push(slot);
    }
  }

  private stopWhenIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.queue.length || this.slots.some((s) => s.jobs.size)) return;
    this.idleTimer = setTimeout(() => {
      if (this.queue.length || this.slots.some((s) => s.jobs.size)) return;
      for (const s of this.slots.splice(0)) void s.worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref?.();
  }

  /** Live worker threads. */
  get workers(): number {
    return this.slots.length;
  }

  /**
   * Extracts one document. Resolves to undefined when `token` was cancelled before the job started;
   * rejects when extraction throws (as {@link analyzeText} would).
   */
  analyze(text: string, options: ExtractOptions | undefined, token?: CancellationLike): Promise<PackedAnalysis | undefined> {
    if (this.disposed) return Promise.reject(new Error('the extraction pool is disposed'));
    this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ text, options, token, resolve, reject });
      this.pump();
    });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    for (const s of this.slots.splice(0)) void s.worker.terminate();
    for (const j of this.queue.splice(0)) j.resolve(undefined);
  }

  private next(): Job | undefined {
    for (;;) {
      const job = this.queue.shift();
      if (!job) return undefined;
      if (job.token?.isCancellationRequested) job.resolve(undefined);
      else return job;
    }
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.jobs.size < PER_WORKER) {
        const job = this.next();
        if (!job) return;
        const id = this.nextId++;
        slot.jobs.set(id, job);
        slot.worker.ref();
        slot.worker.postMessage({ id, text: job.text, options: job.options } satisfies ExtractRequest);
      }
    }
    if (this.queue.length && !this.inlineScheduled && (this.slots.length === 0 || this.inlineMaxChars > 0)) {
      this.inlineScheduled = true;
      setImmediate(() => this.runInline());
    }
  }

  /** One job on the calling thread, then back to the event loop (worker answers are handled between). */
  private runInline(): void {
    this.inlineScheduled = false;
    const noWorkers = this.slots.length === 0;
    const at = noWorkers ? 0 : this.queue.findIndex((j) => j.text.length <= this.inlineMaxChars);
    if (at >= 0 && at < this.queue.length) {
      const [job] = this.queue.splice(at, 1);
      if (job.token?.isCancellationRequested) job.resolve(undefined);
      else {
        try {
          job.resolve(analyzeText(job.text, job.options));
          this.counts.inline++;
        } catch (e) {
          job.reject(e instanceof Error ? e : new Error(String(e)));
        }
      }
    }
    this.pump();
    this.stopWhenIdle();
  }

  private settle(slot: Slot, res: ExtractResponse): void {
    const job = slot.jobs.get(res.id);
    if (!job) return;
    slot.jobs.delete(res.id);
    slot.answered = true;
    if (!slot.jobs.size) slot.worker.unref();
    if (res.error !== undefined) job.reject(new Error(res.error));
    else {
      this.counts.worker++;
      job.resolve({ strings: res.strings, ints: res.ints });
    }
    this.pump();
    this.stopWhenIdle();
  }

  /** A worker failed to start or died: its job goes back to the queue, the others carry on. */
  private lose(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (!slot.answered) this.broken = true;
    void slot.worker.terminate();
    this.queue.unshift(...slot.jobs.values());
    slot.jobs.clear();
    if (!this.disposed) this.pump();
  }
}
