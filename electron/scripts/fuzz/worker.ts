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
  /** Float64Array(2): the case index running, and when it started (0: between cases). */
  heartbeat: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'finding'; finding: Finding }
  | { type: 'progress'; cases: number; sampled: number; next: number }
  | { type: 'done'; cases: number; sampled: number };

async function main(): Promise<void> {
  const job = workerData as WorkerJob;
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  const corpus = await corpusFrom(job.corpus);
  const maker = new CaseMaker(corpus);
  const host = job.sampleEvery > 0 ? await startSampleHost() : null;
  const beat = new Float64Array(job.heartbeat);
  let cases = 0;
  let sampled = 0;
  for (let index = job.first; index < job.last && Date.now() < job.deadline; index += job.step) {
    const target = maker.target(index);
    const input = maker.input(job.seed, index);
    beat[0] = index;
    beat[1] = Date.now();
    const started = performance.now();
    const finding = (kind: Finding['kind'], error: string, ms: number) => post({ type: 'finding', finding: { kind, target: target.name, seed: job.seed, index, error, ms, input } });
    try {
      target.run(corpus, input);
    } catch (e) {
      finding('crash', describeError(e), performance.now() - started);
    }
    const ms = performance.now() - started;
    if (ms > job.hangMs) finding('hang', `took ${Math.round(ms)} ms (over ${job.hangMs} ms)`, ms);
    if (host && index % job.sampleEvery === 0) {
      const { channel, body } = target.call(input);
      const answer = await host.call(channel, body);
      sampled++;
      if (answer.problem) finding('5xx', `${channel}: ${answer.problem}`, 0);
    }
    beat[1] = 0;
    cases++;
    if (cases % 500 === 0) post({ type: 'progress', cases, sampled, next: index + job.step });
  }
  await host?.close();
  post({ type: 'done', cases, sampled });
}

main().catch((e: unknown) => {
  parentPort!.postMessage({ type: 'finding', finding: { kind: 'crash', target: 'reader', seed: 0, index: -1, error: `the worker failed: ${describeError(e)}`, ms: 0, input: '' } });
  process.exit(1);
});
