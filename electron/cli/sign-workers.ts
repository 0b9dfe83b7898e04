/**
 * RS256 on every core: worker threads that each hold the signing key and sign what they are sent.
 * Worker threads run in this process, so the private key never leaves it; the KeyObject is cloned into
 * each worker (node:crypto KeyObjects are cloneable). The worker's code is the one line of `rs256Sign`
 * (core/jws.ts), kept as plain JavaScript so the built CLI, tsx and the tests run it alike; a test holds
 * its signatures to rs256Sign's byte for byte.
 */
import type { KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { constants, sign } = require('node:crypto');
const key = workerData.key;
parentPort.on('message', (inputs) => {
  parentPort.postMessage(inputs.map((input) => sign('sha256', Buffer.from(input, 'utf8'), { key, padding: constants.RSA_PKCS1_PADDING }).toString('base64url')));
});
`;

export interface SignerPool {
  readonly threads: number;
  /** The base64url RS256 signatures of `inputs`, in their order. */
  sign(inputs: string[]): Promise<string[]>;
  close(): Promise<void>;
}

/** A pool of `threads` workers (default: one per core), handed work round-robin. */
export function signerPool(key: KeyObject, threads = availableParallelism()): SignerPool {
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { key } });
    // Each worker answers its messages in order: the oldest waiting promise gets the next answer.
    const waiting: Array<{ resolve(out: string[]): void; reject(e: Error): void }> = [];
    worker.on('message', (out: string[]) => waiting.shift()?.resolve(out));
    worker.on('error', (e) => {
      for (const w of waiting.splice(0)) w.reject(e);
    });
    worker.on('exit', (code) => {
      for (const w of waiting.splice(0)) w.reject(new Error(`a signing thread stopped (exit ${code})`));
    });
    return { worker, waiting };
  });
  let next = 0;
  return {
    threads: workers.length,
    sign(inputs) {
      const w = workers[next++ % workers.length]!;
      return new Promise((resolve, reject) => {
        w.waiting.push({ resolve, reject });
        w.worker.postMessage(inputs);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
