/**
 * RS256 verifications started ahead of need, on a worker thread: the `logs` reader starts each
 * request's as it reads (evidence.ts verifyEvidenceAhead), and by the time the session is judged the
 * answers wait here for rs256Verify (jws.ts) to take. The worker runs in this process and is handed
 * public keys only. Its code is rs256Verify's one call, in plain JavaScript so the built CLI, tsx and
 * the tests run it alike; a test holds its answers to rs256Verify's.
 */
import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { constants, verify } = require('node:crypto');
parentPort.on('message', ({ keys, jobs }) => {
  parentPort.postMessage(jobs.map(([k, input, signature]) => {
    try {
      return verify('sha256', Buffer.from(input, 'utf8'), { key: keys[k], padding: constants.RSA_PKCS1_PADDING }, signature);
    } catch {
      return false;
    }
  }));
});
`;

/** Jobs per message: messaging costs nothing next to 64 verifications. */
const BATCH = 64;
/** Past this many answers not yet taken, nothing more is started ahead (memory stays bounded). */
const MAX_WAITING = 20_000;

type Answer = boolean | 'pending';

/** By key, then by signing input and signature: the answer, or `pending` until the worker gives it. */
const answers = new WeakMap<KeyObject, Map<string, Answer>>();
let waiting = 0;
let batch: { keys: KeyObject[]; jobs: Array<[number, string, Uint8Array]>; slots: Array<[Map<string, Answer>, string]> } | undefined;
let worker: Worker | undefined;
const inFlight = new Set<Promise<void>>();
/** Each reply answers the oldest batch sent. */
const replies: Array<(out: boolean[]) => void> = [];

const entryKey = (signingInput: string, signature: Uint8Array) => `${signingInput}\u0000${Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('latin1')}`;

/** Starts verifying, on the worker, what rs256Verify(signingInput, signature, publicKey) will be asked. */
export function verifyAhead(signingInput: string, signature: Uint8Array, publicKey: KeyObject): void {
  let entries = answers.get(publicKey);
  if (!entries) answers.set(publicKey, (entries = new Map()));
  const key = entryKey(signingInput, signature);
  if (waiting >= MAX_WAITING || entries.has(key)) return;
  entries.set(key, 'pending');
  waiting++;
  batch ??= { keys: [], jobs: [], slots: [] };
  let k = batch.keys.indexOf(publicKey);
  if (k < 0) k = batch.keys.push(publicKey) - 1;
  batch.jobs.push([k, signingInput, signature]);
  batch.slots.push([entries, key]);
  if (batch.jobs.length >= BATCH) send();
  else if (batch.jobs.length === 1) queueMicrotask(send);
}

/** The answer verifyAhead got, taken out; undefined when none was started or it has not come yet. */
export function takeAhead(publicKey: KeyObject, signingInput: string, signature: Uint8Array): boolean | undefined {
  if (waiting === 0) return undefined;
  const entries = answers.get(publicKey);
  const key = entryKey(signingInput, signature);
  const answer = entries?.get(key);
  if (answer === undefined) return undefined;
  // Taken either way: a pending one is verified by the caller, and its late answer is dropped.
  entries!.delete(key);
  waiting--;
  return answer === 'pending' ? undefined : answer;
}

/** Resolves once every verification started so far has its answer. */
export async function settleAhead(): Promise<void> {
  send();
  while (inFlight.size > 0) await Promise.all(inFlight);
}

function send(): void {
  const sent = batch;
  if (!sent || sent.jobs.length === 0) return;
  batch = undefined;
  const done = new Promise<boolean[]>((resolve) => replies.push(resolve)).then((out) => {
    sent.slots.forEach(([entries, key], i) => {
      if (entries.get(key) !== 'pending') return;
      if (out.length === sent.jobs.length) entries.set(key, out[i] === true);
      else {
        // The worker failed: rs256Verify verifies these itself.
        entries.delete(key);
        waiting--;
      }
    });
  });
  inFlight.add(done);
  void done.finally(() => {
    inFlight.delete(done);
    // Idle: the worker is no reason for the process to stay.
    if (inFlight.size === 0) worker?.unref();
  });
  const w = theWorker();
  w.ref();
  w.postMessage({ keys: sent.keys, jobs: sent.jobs });
}

function theWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_SOURCE, { eval: true });
  // A failure answers every waiting batch with "not verified ahead".
  started.on('message', (out: boolean[]) => replies.shift()?.(out));
  const fail = () => {
    worker = undefined;
    for (const reply of replies.splice(0)) reply([]);
  };
  started.on('error', fail);
  started.on('exit', fail);
  worker = started;
  return started;
}
