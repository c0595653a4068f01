/**
 * Linting many files on several cores. With enough files and an idle core, worker threads take
 * batches of file indexes from a shared counter while the main thread lints batches too; outcomes
 * are handed on in file order as soon as every file before them is done, so stdout, stderr and the
 * exit code are those of a sequential run. Only outcomes (small) cross threads; each thread reads
 * and parses its own files. The main thread blocks with Atomics.wait and reads messages with
 * receiveMessageOnPort, so run() stays synchronous.
 */
import * as os from 'os';
import { readFileSync } from 'fs';
import type { MessagePort } from 'worker_threads';
import { InputError } from '../source/read';
import type { RunOptions } from './runner';

/** What linting one file came to: its result (none: ignored, or no auth settings), or a failure to report while the run goes on. */
export type FileOutcome =
  | { result: LintResult | undefined }
  /** `result`: the file's findings that were made, when the failure is a rule's crash (RuleCrashError). */
  | { failure: unknown; result?: LintResult };
import type { LintResult } from '../types';

/** Lints one file: its outcome; throws what ends the run (a ConfigError). */
export type PathLinter = (file: string) => FileOutcome;

export interface ParallelOptions {
  /** The module that exports `workerMain`: main.ts compiled (dist/cli/main.js) or the bundle (dist/omlint.cjs). */
  entry: string;
  /** The options of the main thread's linter: each worker makes its own from them. */
  options: RunOptions;
  /** Read for OMLINT_WORKERS. */
  env: NodeJS.ProcessEnv;
}

/**
 * Files per worker thread when OMLINT_WORKERS is not set (counted after the measuring window). On
 * the 2-vCPU machine of bench/README.md, with OMLINT_WORKERS=1 against 0 (2026-11-29, 9-11 runs),
 * one worker took 1 000 files from 0.48 to 0.51 s (starting a thread and warming its JIT cost more
 * than it saved), 2 000 files from 0.82 to 0.77 s, 4 000 from 1.39 to 1.20 s.
 */
export const FILES_PER_WORKER = 2000;
/** From this many files on, V8 is tuned for a long run (tuneV8ForManyFiles). */
const MANY_FILES = 1000;
/** Files a thread takes at a time from the shared counter. */
const BATCH = 16;
/**
 * A worker that sends nothing for this long while files it took are missing may be dead (a worker
 * out of memory cannot be observed synchronously): the main thread then lints those files itself.
 * The first outcome of a file wins, so a slow worker only costs the repeated work.
 */
const SILENCE_MS = 2000;

/**
 * How long the main thread lints alone before it decides, from how idle the other cores were
 * meanwhile, whether to start workers (OMLINT_WORKERS unset). The 1-minute load average lags: right
 * after a busy build step it still counts cores that are idle now.
 */
const MEASURE_MS = 200;

/** OMLINT_WORKERS as a number of worker threads, or undefined when it is not set to one. */
export function askedWorkers(env: NodeJS.ProcessEnv): number | undefined {
  const asked = env.OMLINT_WORKERS?.trim();
  return asked !== undefined && /^\d+$/.test(asked) ? Number(asked) : undefined;
}

/**
 * Worker threads for `files` files when OMLINT_WORKERS is not set: one per FILES_PER_WORKER files,
 * at most one per free core (`freeCores`: cores other processes left free while the main thread
 * linted, besides the main thread's own), never more than the cores besides the main thread's.
 * Busy cores do not count: with other processes using both cores, a worker made a run slower.
 */
export function autoWorkers(files: number, cores: number, freeCores: number): number {
  return Math.max(0, Math.min(cores - 1, Math.round(freeCores), Math.floor(files / FILES_PER_WORKER)));
}

export interface FileOutcomeOf {
  file: string;
  outcome: FileOutcome;
}

/**
 * Every input's outcome, in input order, as it becomes known. Without `parallel`, or when workers
 * would not pay, one at a time as the caller iterates, as a plain loop would.
 */
export function lintAll(inputs: readonly string[], lintFile: PathLinter, parallel: ParallelOptions | undefined): Iterable<FileOutcomeOf> {
  if (inputs.length >= MANY_FILES) tuneV8ForManyFiles();
  // Under ts-jest the entry is a .ts file a worker could not load.
  if (!parallel || !/\.c?js$/.test(parallel.entry)) return sequential(inputs, lintFile, 0);
  const asked = askedWorkers(parallel.env);
  if (asked !== undefined) {
    const workers = Math.min(asked, Math.ceil(inputs.length / BATCH));
    return workers > 0 ? lintInParallel(inputs, lintFile, parallel, workers, 0) : sequential(inputs, lintFile, 0);
  }
  if (inputs.length < FILES_PER_WORKER) return sequential(inputs, lintFile, 0);
  return lintMeasuringIdleCores(inputs, lintFile, parallel);
}

function* sequential(inputs: readonly string[], lintFile: PathLinter, from: number): Generator<FileOutcomeOf> {
  for (let i = from; i < inputs.length; i++) yield { file: inputs[i], outcome: lintFile(inputs[i]) };
}

/** Lints alone for MEASURE_MS, then goes on with as many workers as the idle cores allow. */
function* lintMeasuringIdleCores(inputs: readonly string[], lintFile: PathLinter, options: ParallelOptions): Generator<FileOutcomeOf> {
  const idleBefore = idleMs();
  const ownBefore = process.cpuUsage();
  const startedAt = Date.now();
  let next = 0;
  for (; next < inputs.length && Date.now() - startedAt < MEASURE_MS; next++) yield { file: inputs[next], outcome: lintFile(inputs[next]) };
  const elapsed = Date.now() - startedAt;
  const own = process.cpuUsage(ownBefore);
  // What other processes left of all cores, less the main thread's core. This process's own V8
  // threads (the JIT warming up, GC) count as free: they keep a second core ~60 % busy at first.
  const freeCores = elapsed > 0 ? (idleMs() - idleBefore + (own.user + own.system) / 1000) / elapsed - 1 : 0;
  const cores = Math.min(typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length, cpuQuota() ?? Infinity);
  const workers = autoWorkers(inputs.length - next, cores, freeCores);
  yield* workers > 0 ? lintInParallel(inputs, lintFile, options, workers, next) : sequential(inputs, lintFile, next);
}

/**
 * The whole CPUs a container's cgroup quota allows (at least 1), or undefined without a quota. Node
 * 20 counts the host's cores, and the idle time above is the host's too: in a container limited to
 * 2 CPUs on a large idle host, workers would otherwise start for cores the quota never grants.
 */
export function cpuQuota(read: (file: string) => string = (file) => readFileSync(file, 'utf8')): number | undefined {
  const quota = (text: string, period: string): number | undefined => {
    const [allowed, per] = [Number(text), Number(period)];
    return allowed > 0 && per > 0 ? Math.max(1, Math.floor(allowed / per)) : undefined;
  };
  try {
    // cgroup v2: "max 100000" (none) or "200000 100000" (two CPUs).
    const [allowed, period] = read('/sys/fs/cgroup/cpu.max').trim().split(/\s+/);
    return allowed === 'max' ? undefined : quota(allowed, period);
  } catch {
    try {
      // cgroup v1: a quota of -1 is none.
      return quota(read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us').trim(), read('/sys/fs/cgroup/cpu/cpu.cfs_period_us').trim());
    } catch {
      return undefined;
    }
  }
}

/** Idle time of all cores together since boot, in milliseconds (10 ms steps on Linux). */
function idleMs(): number {
  return os.cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0);
}

/**
 * Two V8 settings for a run over many files. V8 reads both flags when it uses them (at each GC, at
 * each optimising compilation), so setting them now works; they apply to every thread of the
 * process. Loading `v8` costs ~2 ms, hence only for many files.
 *
 * - A smaller old generation. Such a run promotes much short-lived data (each file's model outlives
 *   a few scavenges), and V8 lets the old generation grow by a large factor between full GCs: at the
 *   end of a 20 000-file run it held 51 MB for 7 MB live. Results are streamed, so little stays
 *   live; growing by 50 % at a time kept peak RSS at ~125 MiB from 10 000 to 20 000 files (146 and
 *   161 MiB without), for up to ~8 % more CPU time (see the commit that set it).
 * - Less inlining by TurboFan. Each rule's check function, with what it calls inlined, took it
 *   25-50 ms to compile: ~1.7 s of compiler threads in a 3 s run over 10 000 files, and as much
 *   again for a worker thread's isolate, all competing for the cores the lint runs on. Inlining at
 *   most 150 bytes of bytecode into a function (920 by default) halves that compile time and leaves
 *   the warm speed unchanged (see the commit that set it).
 */
function tuneV8ForManyFiles(): void {
  (require('v8') as typeof import('v8')).setFlagsFromString('--heap-growing-percent=50 --max-inlined-bytecode-size-cumulative=150');
}

/** What a worker sends: for each file index, its outcome or the error that ends the run. */
type WireOutcome = { result: LintResult | undefined } | { failure: WireError; result?: LintResult } | { abort: WireError };
interface WireError {
  kind: 'input' | 'config' | 'error' | 'value';
  message: string;
  stack?: string;
}
interface WorkerMessage {
  outcomes: [number, WireOutcome][];
}
interface WorkerData {
  entry: string;
  options: RunOptions;
  files: string[];
  shared: SharedArrayBuffer;
  port: MessagePort;
}

function* lintInParallel(inputs: readonly string[], lintFile: PathLinter, options: ParallelOptions, count: number, from: number): Generator<FileOutcomeOf> {
  const { MessageChannel, Worker, receiveMessageOnPort } = require('worker_threads') as typeof import('worker_threads');
  // Each file's outcome until it is handed on: a result, or the error that ends the run.
  const outcomes: (FileOutcome | { abort: unknown } | undefined)[] = new Array(inputs.length);
  // [0]: the next file index to take; [1]: bumped by a worker after each message it posts.
  const shared = new Int32Array(new SharedArrayBuffer(8));
  shared[0] = from;
  const ports: MessagePort[] = [];
  const workers: import('worker_threads').Worker[] = [];
  const files = [...inputs];
  for (let w = 0; w < count; w++) {
    const { port1, port2 } = new MessageChannel();
    const workerData: WorkerData = { entry: options.entry, options: options.options, files, shared: shared.buffer as SharedArrayBuffer, port: port2 };
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData,
      transferList: [port2],
      // The worker's young generation: with 8 MB a run over 10 000 files peaked at 157-159 MiB, with
      // 16 MB at 169 MiB; 4-6 MB saved 6 MiB more but took 8-13 % longer (see the commit).
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      // A worker prints nothing; should it, its text must not land in the report.
      stdout: true,
    });
    worker.unref();
    // Everything a worker does is caught and posted; a crash shows as missing outcomes (SILENCE_MS).
    worker.on('error', () => undefined);
    workers.push(worker);
    ports.push(port1);
  }
  let next = from;
  const drain = (): boolean => {
    let heard = false;
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        heard = true;
        for (const [index, outcome] of (message.message as WorkerMessage).outcomes) {
          if (index >= next && outcomes[index] === undefined) outcomes[index] = fromWire(outcome);
        }
      }
    }
    return heard;
  };
  const lintHere = (index: number): void => {
    try {
      outcomes[index] = lintFile(inputs[index]);
    } catch (error) {
      outcomes[index] = { abort: error };
    }
  };
  function* ready(): Generator<FileOutcomeOf> {
    for (let outcome = outcomes[next]; outcome !== undefined; outcome = outcomes[next]) {
      outcomes[next] = undefined;
      const file = inputs[next];
      next++;
      if ('abort' in outcome) throw outcome.abort;
      yield { file, outcome };
    }
  }
  try {
    for (let start = Atomics.add(shared, 0, BATCH); start < inputs.length; start = Atomics.add(shared, 0, BATCH)) {
      for (let i = start; i < Math.min(start + BATCH, inputs.length); i++) lintHere(i);
      drain();
      yield* ready();
    }
    // The batches the workers took.
    let heardAt = Date.now();
    while (next < inputs.length) {
      const signal = Atomics.load(shared, 1);
      if (drain()) heardAt = Date.now();
      yield* ready();
      if (next >= inputs.length) break;
      if (Atomics.wait(shared, 1, signal, 100) === 'timed-out' && Date.now() - heardAt > SILENCE_MS) {
        lintHere(next);
        heardAt = Date.now();
      }
    }
  } finally {
    for (const port of ports) port.close();
    for (const worker of workers) void worker.terminate();
  }
}

/**
 * A worker thread's code: load the CLI as bin/omlint.js does (the bundle, with its V8 code cache,
 * when the main thread runs the bundle) and serve.
 */
const WORKER_SOURCE = `
const path = require('path');
const fs = require('fs');
const { entry } = require('worker_threads').workerData;
const loader = path.join(path.dirname(entry), '..', 'bin', 'load-cli.js');
const cli = entry.endsWith('.cjs') && fs.existsSync(loader) ? require(loader).loadCli() : require(entry);
cli.workerMain();
`;

/**
 * The body of a worker thread: make the same linter from the same options, then take batches.
 * A worker that cannot make it takes no file: the main thread, which made it, lints them all.
 */
export function serveWorker(makeLinter: (options: RunOptions) => PathLinter): void {
  const { workerData } = require('worker_threads') as typeof import('worker_threads');
  const data = workerData as WorkerData;
  const shared = new Int32Array(data.shared);
  let lintFile: PathLinter;
  try {
    lintFile = makeLinter(data.options);
  } catch {
    data.port.close();
    return;
  }
  for (let start = Atomics.add(shared, 0, BATCH); start < data.files.length; start = Atomics.add(shared, 0, BATCH)) {
    const outcomes: [number, WireOutcome][] = [];
    for (let i = start; i < Math.min(start + BATCH, data.files.length); i++) outcomes.push([i, toWire(() => lintFile(data.files[i]))]);
    data.port.postMessage({ outcomes } satisfies WorkerMessage);
    Atomics.add(shared, 1, 1);
    Atomics.notify(shared, 1);
  }
  data.port.close();
}

function toWire(lint: () => FileOutcome): WireOutcome {
  try {
    const outcome = lint();
    return 'failure' in outcome ? { failure: errorToWire(outcome.failure), ...(outcome.result && { result: outcome.result }) } : { result: outcome.result };
  } catch (error) {
    return { abort: errorToWire(error) };
  }
}

function fromWire(outcome: WireOutcome): FileOutcome | { abort: unknown } {
  if ('failure' in outcome) return { failure: errorFromWire(outcome.failure), ...(outcome.result && { result: outcome.result }) };
  if ('result' in outcome) return { result: outcome.result };
  return { abort: errorFromWire(outcome.abort) };
}

function errorToWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { kind: 'value', message: String(error) };
  const { ConfigError } = require('./config') as typeof import('./config');
  const kind = error instanceof ConfigError ? 'config' : error instanceof InputError ? 'input' : 'error';
  return { kind, message: error.message, stack: error.stack };
}

/** The error as the main thread reports it: the same class, message and (for --debug) stack. */
function errorFromWire(wire: WireError): unknown {
  if (wire.kind === 'value') return wire.message;
  if (wire.kind === 'error') return Object.assign(new Error(wire.message), { stack: wire.stack });
  if (wire.kind === 'input') return new InputError(wire.message);
  const { ConfigError } = require('./config') as typeof import('./config');
  return new ConfigError(wire.message);
}
