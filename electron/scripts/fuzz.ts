/**
 * `npm run fuzz -- --cases 1000000 [--seconds N] [--workers N] [--seed N] [--sample-every N]`: the long
 * fuzz run over the one reader, the verdicts, response parsing and log reading (fuzz/targets.ts). It
 * reports crashes (exceptions, broken invariants), hangs (a case over 1 s; one that never returns is
 * stopped after 10 s) and 5xx answers (every Nth case also goes through the browser host's HTTP door),
 * and saves each failing case under fuzz-results/ for `npm run fuzz -- --replay FILE`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { CaseMaker, describeError, type Finding } from './fuzz/cases';
import { corpusFrom, makeCorpus, type CorpusData } from './fuzz/corpus';
import { startSampleHost } from './fuzz/host-sample';
import { targetNamed } from './fuzz/targets';
import type { WorkerJob, WorkerMessage } from './fuzz/worker';

const HANG_MS = 1_000;
const STOP_AFTER_MS = 10_000;

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`${name} takes a number (got "${args[at + 1] ?? ''}").\n`);
    process.exit(2);
  }
  return value;
}

interface Saved extends Finding {
  corpus: CorpusData;
}

async function replay(file: string): Promise<number> {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
  const target = targetNamed(saved.target);
  if (!target) throw new Error(`${file} names no fuzz target ("${saved.target}")`);
  const corpus = await corpusFrom(saved.corpus);
  process.stdout.write(`replaying ${saved.kind} of ${saved.target} (seed ${saved.seed}, case ${saved.index}), ${saved.input.length} characters: ${saved.error.split('\n')[0]}\n`);
  const started = performance.now();
  let failure: string | undefined;
  try {
    target.run(corpus, saved.input);
  } catch (e) {
    failure = `crash: ${describeError(e)}`;
  }
  const ms = performance.now() - started;
  if (!failure && ms > HANG_MS) failure = `hang: ${Math.round(ms)} ms`;
  const host = await startSampleHost();
  const { channel, body } = target.call(saved.input);
  const answer = await host.call(channel, body);
  await host.close();
  if (!failure && answer.problem) failure = `5xx: ${channel}: ${answer.problem}`;
  process.stdout.write(failure ? `still failing: ${failure}\n` : `passes now: ${Math.round(ms)} ms, the browser host answered ${answer.status}\n`);
  return failure ? 1 : 0;
}

async function run(args: string[]): Promise<number> {
  const cases = option(args, '--cases', 1_000_000);
  const seconds = option(args, '--seconds', 0);
  const workers = Math.max(1, Math.floor(option(args, '--workers', 1)));
  const sampleEvery = Math.floor(option(args, '--sample-every', 100));
  const seed = Math.floor(option(args, '--seed', Math.floor(Math.random() * 2 ** 31)));
  const outDir = join(process.cwd(), 'fuzz-results');
  const corpus = await makeCorpus();
  const maker = new CaseMaker(corpus);
  const deadline = seconds > 0 ? Date.now() + seconds * 1000 : Number.MAX_SAFE_INTEGER;
  const counts: Counts = { cases: 0, sampled: 0, pauses: 0, crash: 0, hang: 0, '5xx': 0 };
  const saved = new Set<string>();
  const started = Date.now();
  const workerFile = await bundleWorker();

  const save = (finding: Finding) => {
    counts[finding.kind]++;
    const name = `${finding.kind}-${finding.target}-${createHash('sha256').update(finding.input).digest('hex').slice(0, 12)}.json`;
    if (saved.has(name)) return;
    saved.add(name);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, name), `${JSON.stringify({ ...finding, corpus: corpus.data } satisfies Saved, null, 2)}\n`);
    process.stderr.write(`${finding.kind} in ${finding.target} (case ${finding.index}): ${finding.error.split('\n')[0]} → ${relative(process.cwd(), join(outDir, name))}\n`);
  };

  const epoch = Date.now();
  const runWorker = (first: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const heartbeat = new SharedArrayBuffer(8);
      const beat = new Int32Array(heartbeat);
      /** The case the worker is in, and for how long (ms); null between cases. */
      const current = () => {
        const at = Atomics.load(beat, 1);
        return at === 0 ? null : { index: Atomics.load(beat, 0), ms: Date.now() - epoch - (at - 1) };
      };
      const job: WorkerJob = { corpus: corpus.data, seed, first, step: workers, last: cases, deadline, sampleEvery, hangMs: HANG_MS, heartbeat, epoch };
      const worker = new Worker(workerFile.path, { workerData: job });
      let counted = 0;
      let sampledHere = 0;
      let pausesHere = 0;
      let settled = false;
      const watchdog = setInterval(() => {
        const now = current();
        if (!now || now.ms < STOP_AFTER_MS) return;
        // A case that never returns: record it, stop the worker, go on after it.
        clearInterval(watchdog);
        settled = true;
        save({ kind: 'hang', target: maker.target(now.index).name, seed, index: now.index, error: `did not return within ${STOP_AFTER_MS / 1000} s: stopped`, ms: now.ms, input: maker.input(seed, now.index) });
        void worker.terminate().then(() => {
          counts.cases += (now.index - first) / workers + 1 - counted;
          resolve(runWorker(now.index + workers));
        });
      }, 250);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'finding') return save(m.finding);
        counts.cases += m.cases - counted;
        counts.sampled += m.sampled - sampledHere;
        counts.pauses += m.pauses - pausesHere;
        counted = m.cases;
        sampledHere = m.sampled;
        pausesHere = m.pauses;
        if (m.type === 'done') {
          clearInterval(watchdog);
          settled = true;
          resolve();
        }
      });
      worker.on('exit', (code) => {
        clearInterval(watchdog);
        if (!settled) reject(new Error(`a fuzz worker stopped (exit ${code}) before its cases were done`));
      });
      worker.on('error', (e) => {
        clearInterval(watchdog);
        settled = true;
        const now = current();
        // Between cases (starting up): the run itself is broken, not a case.
        if (!now) return reject(new Error(`a fuzz worker failed: ${describeError(e)}`));
        save({ kind: 'crash', target: maker.target(now.index).name, seed, index: now.index, error: `the worker died: ${describeError(e)}`, ms: now.ms, input: maker.input(seed, now.index) });
        counts.cases += (now.index - first) / workers + 1 - counted;
        resolve(runWorker(now.index + workers));
      });
    });

  const report = setInterval(() => process.stderr.write(`… ${summary(counts, started)}\n`), 15_000);
  try {
    await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(i)));
  } finally {
    clearInterval(report);
    workerFile.remove();
  }
  process.stdout.write(`fuzz (seed ${seed}): ${summary(counts, started)}${saved.size ? `; failing cases saved under ${relative(process.cwd(), outDir)}/` : ''}\n`);
  return counts.crash + counts.hang + counts['5xx'] === 0 ? 0 : 1;
}

/** The worker, bundled from source (a worker thread cannot load TypeScript itself). */
async function bundleWorker(): Promise<{ path: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'upi-fuzz-'));
  await build({
    entryPoints: [join(__dirname, 'fuzz', 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(dir, 'worker.cjs'),
    // jsonc-parser's UMD entry requires files by computed paths; its ESM entry bundles.
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return { path: join(dir, 'worker.cjs'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Counts {
  cases: number;
  sampled: number;
  pauses: number;
  crash: number;
  hang: number;
  '5xx': number;
}

function summary(c: Counts, started: number): string {
  const seconds = (Date.now() - started) / 1000;
  const pauses = c.pauses ? ` (and ${c.pauses} case${c.pauses === 1 ? '' : 's'} over 1 s once but fast on a second run: pauses of the machine)` : '';
  return `${c.cases.toLocaleString('en-US')} cases (${c.sampled.toLocaleString('en-US')} also through the browser host) in ${seconds.toFixed(0)} s: ${c.crash} crashes, ${c.hang} hangs, ${c['5xx']} 5xx answers${pauses}`;
}

const args = process.argv.slice(2);
const replayAt = args.indexOf('--replay');
(replayAt >= 0 ? replay(args[replayAt + 1] ?? '') : run(args))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    process.stderr.write(`The fuzz run could not run: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
