/**
 * A fuzz worker (worker_threads): runs cases first, first + step, … until `last` or the deadline, each
 * through its target and, for a sample, through the browser host's HTTP door. It publishes the case it
 * is in (index, start time) in shared memory, so the runner can see a case that never returns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CaseMaker, describeError, type Finding } from './cases';
import { corpusFrom, type CorpusData } from './corpus';
import { startSampleHost } from './host-sample';

export interface WorkerJob {
  corpus: CorpusData;
  seed: number;
  first: number;
  step: number;
  last: number;
  deadline: number;
  /** Every Nth case also goes through the browser host (0: none). */
  sampleEvery: number;
  hangMs: number;
  /**
   * Int32Array(2), written with Atomics (a plain Float64 store can be read torn from another thread): the
   * case index running, and when it started as ms since `epoch` plus one (0: between cases).
   */
  heartbeat: SharedArrayBuffer;
  epoch: number;
}

export type WorkerMessage =
  | { type: 'finding'; finding: Finding }
  | { type: 'progress'; cases: number; sampled: number; pauses: number; next: number }
  | { type: 'done'; cases: number; sampled: number; pauses: number };

async function main(): Promise<void> {
  const job = workerData as WorkerJob;
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  const corpus = await corpusFrom(job.corpus);
  const maker = new CaseMaker(corpus);
  const host = job.sampleEvery > 0 ? await startSampleHost() : null;
  const beat = new Int32Array(job.heartbeat);
  let cases = 0;
  let sampled = 0;
  /** Cases over the limit once but not on a second run: pauses of the machine, not of the code. */
  let pauses = 0;
  for (let index = job.first; index < job.last && Date.now() < job.deadline; index += job.step) {
    const target = maker.target(index);
    const input = maker.input(job.seed, index);
    Atomics.store(beat, 0, index);
    Atomics.store(beat, 1, Date.now() - job.epoch + 1);
    const started = performance.now();
    const finding = (kind: Finding['kind'], error: string, ms: number) => post({ type: 'finding', finding: { kind, target: target.name, seed: job.seed, index, error, ms, input } });
    try {
      target.run(corpus, input);
    } catch (e) {
      finding('crash', describeError(e), performance.now() - started);
    }
    const ms = performance.now() - started;
    if (ms > job.hangMs) {
      // Slow once may be the machine (a GC pause, another process on the cores): a hang is slow again.
      const again = performance.now();
      try {
        target.run(corpus, input);
      } catch {
        // already reported
      }
      const second = performance.now() - again;
      if (second > job.hangMs) finding('hang', `took ${Math.round(ms)} ms, and ${Math.round(second)} ms again (over ${job.hangMs} ms)`, Math.min(ms, second));
      else pauses++;
    }
    if (host && index % job.sampleEvery === 0) {
      const { channel, body } = target.call(input);
      const answer = await host.call(channel, body);
      sampled++;
      if (answer.problem) finding('5xx', `${channel}: ${answer.problem}`, 0);
    }
    Atomics.store(beat, 1, 0);
    cases++;
    if (cases % 500 === 0) post({ type: 'progress', cases, sampled, pauses, next: index + job.step });
  }
  await host?.close();
  post({ type: 'done', cases, sampled, pauses });
}

main().catch((e: unknown) => {
  // Not a case's failure (each is caught above): the runner sees the worker stop and says why.
  process.stderr.write(`fuzz worker: ${describeError(e)}\n`);
  process.exit(1);
});
