/**
 * The browser host under load it must refuse, through a real server: many large bodies at once
 * (measured: 40 parallel 95 MB bodies took it to 3.6 GB), one body sent too slowly (held ~300 s),
 * one body too large, more connections than a browser and its tools need.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/result';
import { DEFAULT_INTAKE_LIMITS } from './intake';
import { MAX_CONNECTIONS, startHost, TOKEN_HEADER, type HostLimits, type RunningHost } from './server';
import { rawRequest } from './__fixtures__/raw-http';

const MiB = 1024 * 1024;
const rendererDir = mkdtempSync(join(tmpdir(), 'upi-limits-'));
const running: RunningHost[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

async function hostWith(limits: Partial<HostLimits>, dispatch: Dispatch = async () => ({ ok: true, value: null })): Promise<RunningHost> {
  const host = await startHost({ port: 0, rendererDir, dispatch, token: 'limits-token', limits });
  running.push(host);
  return host;
}

interface Reply {
  status: number;
  retryAfter: string | undefined;
  code: string | undefined;
}

/** POSTs `{"text":"aaa…"}` of `bytes` bytes, declared (Content-Length) or chunked, from one shared buffer. */
function postBody(host: RunningHost, bytes: number, declared: boolean): Promise<Reply> {
  const filler = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolveReply, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: host.port,
      path: '/api/inspect:response',
      method: 'POST',
      headers: {
        [TOKEN_HEADER]: 'limits-token',
        'content-type': 'application/json',
        ...(declared ? { 'content-length': String(bytes) } : {}),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        const body = text ? (JSON.parse(text) as { error?: { code: string } }) : {};
        resolveReply({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, code: body.error?.code });
      });
    });
    // A refused body may be cut off while it is still being written: the answer is what counts.
    req.on('error', reject);
    const prefix = '{"text":"';
    let left = bytes - prefix.length - 2;
    req.write(prefix);
    const pump = () => {
      while (left > 0) {
        const piece = filler.subarray(0, Math.min(filler.length, left));
        left -= piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end('"}');
    };
    pump();
  });
}

describe('the browser host takes in bounded bodies', () => {
  it('answers 503 with Retry-After once 40 parallel large bodies would pass the shared cap, and never holds more', async () => {
    const cap = 16 * MiB;
    const bodyBytes = 6 * MiB;
    // Accepted bodies stay held (their answer unsent) until every request has been answered or
    // refused: the cap is then met by bodies truly in flight together, whatever the timing.
    let answered = 0;
    let openGate!: () => void;
    const gate = new Promise<void>((done) => (openGate = done));
    const settled = () => {
      answered += 1;
      if (answered === 40) openGate();
    };
    const dispatch = vi.fn(async () => {
      settled();
      await gate;
      return { ok: true as const, value: null };
    });
    // More connections than the 40 allowed here, so that only the byte cap refuses.
    const host = await hostWith({ maxBufferedBytes: cap, maxBodyBytes: 8 * MiB, maxConnections: 64 }, dispatch);

    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postBody(host, bodyBytes, i % 2 === 0).then((reply) => {
          if (reply.status !== 200) settled();
          return reply;
        }),
      ),
    );

    const accepted = replies.filter((r) => r.status === 200);
    const busy = replies.filter((r) => r.status === 503);
    expect(accepted.length + busy.length).toBe(40);
    expect(accepted.length).toBeLessThanOrEqual(Math.floor(cap / bodyBytes));
    expect(busy.length).toBeGreaterThanOrEqual(40 - Math.floor(cap / bodyBytes));
    for (const reply of busy) {
      expect(reply.code).toBe('host_busy');
      expect(Number(reply.retryAfter)).toBeGreaterThan(0);
    }
    expect(host.budget.peak).toBeLessThanOrEqual(cap);
    expect(host.budget.peak).toBeGreaterThan(0);
    // Everything reserved is given back: the next body is taken in.
    await vi.waitFor(() => expect(host.budget.inUse).toBe(0));
    expect((await postBody(host, bodyBytes, true)).status).toBe(200);
  });

  it('refuses one body over the per-body cap with 413, declared or chunked', async () => {
    const host = await hostWith({ maxBodyBytes: 1 * MiB });
    for (const declared of [true, false]) {
      const reply = await postBody(host, 2 * MiB, declared);
      expect(reply, declared ? 'declared' : 'chunked').toMatchObject({ status: 413, code: 'too_large' });
    }
    expect(host.budget.inUse).toBe(0);
  });

  it('cuts a body that trickles in off with 408 at the body deadline, not after minutes', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: null }));
    const host = await hostWith({ bodyTimeoutMs: 400 }, dispatch);
    const head = ['POST /api/app:info HTTP/1.1', `Host: 127.0.0.1:${host.port}`, `${TOKEN_HEADER}: limits-token`, 'Content-Type: application/json', 'Content-Length: 1000'];
    const reply = rawRequest({ port: host.port, head, body: '{"text":"' });
    const answer = await reply;
    reply.socket.destroy();
    expect(answer.status).toBe(408);
    expect(answer.body?.error?.code).toBe('body_timeout');
    expect(answer.headers.connection).toBe('close');
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(350);
    expect(answer.elapsedMs).toBeLessThan(10_000);
    expect(dispatch).not.toHaveBeenCalled();
    expect(host.budget.inUse).toBe(0);
    // The default deadline is a few seconds, not Node's 300.
    expect(DEFAULT_INTAKE_LIMITS.bodyTimeoutMs).toBeLessThanOrEqual(10_000);
  });

  it(`holds at most ${MAX_CONNECTIONS} connections: the rest are closed at once, and calls work again after`, async () => {
    const host = await hostWith({});
    const sockets: Socket[] = [];
    const closedEarly: Socket[] = [];
    await Promise.all(
      Array.from({ length: MAX_CONNECTIONS + 8 }, () => {
        const socket = connect(host.port, '127.0.0.1');
        sockets.push(socket);
        return new Promise<void>((done) => socket.once('connect', () => done()));
      }),
    );
    for (const socket of sockets) {
      socket.on('error', () => undefined);
      socket.once('close', () => closedEarly.push(socket));
    }
    await vi.waitFor(() => expect(closedEarly.length).toBe(8));
    const open = await new Promise<number>((done, fail) => host.server.getConnections((e, n) => (e ? fail(e) : done(n))));
    expect(open).toBe(MAX_CONNECTIONS);
    for (const socket of sockets) socket.destroy();
    await vi.waitFor(async () => expect((await postBody(host, 100, true)).status).toBe(200));
  });
});
