/**
 * How the browser host takes in request bodies: one body is capped, all bodies being received (and
 * held until their answer is sent) share one byte budget, and a body must arrive within a deadline.
 * Without these, 40 parallel 95 MB bodies took the host to 3.6 GB, and a body sent one byte at a time
 * held its connection for Node's default 300 s.
 */
import type { IncomingMessage } from 'node:http';

export interface IntakeLimits {
  /** One body: responses of tens of MB are pasted for inspection; beyond this is not a single call. */
  maxBodyBytes: number;
  /** All bodies being received or answered at once: two of the largest. */
  maxBufferedBytes: number;
  /** From the headers to the last byte of the body; loopback delivers 96 MiB in well under a second. */
  bodyTimeoutMs: number;
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  maxBodyBytes: 96 * 1024 * 1024,
  maxBufferedBytes: 192 * 1024 * 1024,
  bodyTimeoutMs: 5_000,
};

/** Bytes reserved by bodies in flight; `peak` is the most ever reserved at once. */
export class ByteBudget {
  private used = 0;
  private highest = 0;

  constructor(readonly limit: number) {}

  get inUse(): number {
    return this.used;
  }

  get peak(): number {
    return this.highest;
  }

  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    this.highest = Math.max(this.highest, this.used);
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

export type Intake =
  | { kind: 'body'; body: Buffer }
  /** Over `maxBodyBytes` (declared or received). */
  | { kind: 'too-large' }
  /** The shared budget cannot hold this body now: try again shortly. */
  | { kind: 'busy' }
  /** The body did not arrive within `bodyTimeoutMs`. */
  | { kind: 'timeout' }
  /** The client went away. */
  | { kind: 'aborted' };

export interface Reception {
  intake: Promise<Intake>;
  /** Gives back what this body reserved; call it once the answer is sent (safe to call twice). */
  release(): void;
}

/**
 * Receives `req`'s body within the limits. A declared Content-Length is reserved whole before a byte
 * is read; a chunked body reserves each chunk as it comes. The reservation is held until `release`.
 */
export function receiveBody(req: IncomingMessage, budget: ByteBudget, limits: IntakeLimits): Reception {
  let reserved = 0;
  const release = () => {
    budget.release(reserved);
    reserved = 0;
  };
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (declared !== null && declared > limits.maxBodyBytes) return { intake: Promise.resolve({ kind: 'too-large' }), release };
  if (declared !== null && declared > 0) {
    if (!budget.tryReserve(declared)) return { intake: Promise.resolve({ kind: 'busy' }), release };
    reserved = declared;
  }

  const intake = new Promise<Intake>((settle) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    const finish = (outcome: Intake) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // The 'error' listener stays: a client resetting later must not become an uncaught error.
      req.off('data', onData).off('end', onEnd).off('close', onClosed);
      // Whatever still arrives is read and dropped by Node once the answer is sent, never buffered.
      if (outcome.kind !== 'body') chunks.length = 0;
      settle(outcome);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBodyBytes) return finish({ kind: 'too-large' });
      if (received > reserved) {
        if (!budget.tryReserve(received - reserved)) return finish({ kind: 'busy' });
        reserved = received;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'body', body: Buffer.concat(chunks, received) });
    // 'close' before 'end': the client went away mid-body.
    const onClosed = () => finish({ kind: 'aborted' });
    const timer = setTimeout(() => finish({ kind: 'timeout' }), limits.bodyTimeoutMs);
    req.on('data', onData).on('end', onEnd).on('close', onClosed).on('error', onClosed);
  });
  return { intake, release };
}
