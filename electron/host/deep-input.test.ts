/**
 * JSON nested 100,000 levels deep, sent through the real browser host and core to every channel that
 * takes text (and as the request body itself): the answer is always a 4xx saying the JSON is too deep, or
 * a 200 whose finding says so. Never a 500, never a hang. (Seen in the field: a paste ~4,200 levels deep
 * made JSON.stringify of the echoed value run out of stack and the host answer 500.)
 */
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { testRsaKey } from '../core/__fixtures__/test-keys';
import { createCore } from '../core';
import { openVault } from '../core/vault/open';
import { startHost, TOKEN_HEADER, type RunningHost } from './server';

const LEVELS = 100_000;
const deepArrays = '['.repeat(LEVELS) + ']'.repeat(LEVELS);
const deepObjects = '{"a":'.repeat(LEVELS) + '1' + '}'.repeat(LEVELS);
const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Deep JSON as a user could paste it: bare, held in a JSON string, inside a request's fields. */
const DEEP_TEXTS: Record<string, string> = {
  arrays: deepArrays,
  objects: deepObjects,
  'arrays in a JSON string': JSON.stringify(deepArrays),
  'objects in a JSON string': JSON.stringify(deepObjects),
  'a request whose payload is a JSON string holding deep JSON': JSON.stringify({
    requestId: 'r',
    payload: `{"protected":${deepArrays},"signaturePayload":"e30","signature":"AA"}`,
  }),
  'a JWK with a deep member': JSON.stringify({ ...testRsaKey().publicJwk, x: 0 }).replace('"x":0', `"x":${deepArrays}`),
};

let host: RunningHost;
let keyId: string;

beforeAll(async () => {
  const vault = await openVault({ mode: 'session' });
  keyId = (await vault.import({ text: testRsaKey().pkcs8Pem, label: 'resign' })).id;
  const core = createCore({ host: 'browser', version: '0.0.0-test', vault });
  host = await startHost({ port: 0, rendererDir: mkdtempSync(join(tmpdir(), 'upi-deep-')), dispatch: (channel, input) => core.dispatch(channel as never, input), token: 'deep-token' });
});
afterAll(() => host.close());

interface Reply {
  status: number;
  body: { ok: boolean; error?: { code: string; message: string }; value?: { findings?: Array<{ message: string }> } };
}

function post(channel: string, body: string): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: 'deep-token' },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolveReply({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const SAYS_TOO_DEEP = /more than \d+ levels deep|nests too deeply/;
/** Key fields take at most 256 KiB: 100,000 levels of objects (600 kB) are refused for their size first. */
const SAYS_TOO_BIG = /over 256 KiB|<=262144 characters/;

function expectRefusedAsTooDeep(reply: Reply, what: string): void {
  expect(reply.status, what).not.toBe(500);
  if (reply.status === 200) {
    const findings = reply.body.value?.findings ?? [];
    expect(findings.some((f) => SAYS_TOO_DEEP.test(f.message)), `${what}: ${JSON.stringify(findings).slice(0, 300)}`).toBe(true);
    return;
  }
  expect(reply.status, what).toBeGreaterThanOrEqual(400);
  expect(reply.status, what).toBeLessThan(500);
  expect(reply.body.ok, what).toBe(false);
  expect(reply.body.error?.message, what).toMatch(reply.body.error?.code === 'invalid_input' ? SAYS_TOO_BIG : SAYS_TOO_DEEP);
}

describe('JSON nested 100,000 levels deep, through the browser host', () => {
  const inputs = (text: string): Array<[string, Record<string, unknown>]> => [
    ['inspect:request', { text }],
    ['inspect:request', { text: '{}', publicKey: text }],
    ['inspect:response', { text }],
    ['envelope:verify', { text }],
    ['envelope:verify', { text: '{"protected":"e30","signaturePayload":"e30","signature":"AA"}', publicKey: text }],
    ['inspect:resign', { text, keyId }],
    ['keys:import', { text }],
  ];

  it.each(Object.keys(DEEP_TEXTS))('in a text field: %s', async (name) => {
    for (const [channel, input] of inputs(DEEP_TEXTS[name] as string)) {
      const field = 'publicKey' in input ? 'publicKey' : 'text';
      expectRefusedAsTooDeep(await post(channel, JSON.stringify(input)), `${channel} ${field}`);
    }
  });

  it('inside a base64 segment, which only the request channels decode', async () => {
    const text = JSON.stringify({
      requestId: 'r',
      service: 'in.juspay.hyperapi',
      payload: { action: 'upiGetSessionToken', protected: base64url(`{"alg":"RS256","x":${deepArrays}}`), signaturePayload: base64url('{"a":1}'), signature: 'AAAA' },
    });
    expectRefusedAsTooDeep(await post('inspect:request', JSON.stringify({ text })), 'inspect:request');
    expectRefusedAsTooDeep(await post('envelope:verify', JSON.stringify({ text })), 'envelope:verify');
    // Re-signing reads only the claims, which are shallow here: an ordinary answer.
    expect((await post('inspect:resign', JSON.stringify({ text, keyId }))).status).toBe(200);
  });

  it('as the request body itself, on every channel: 400 too_deep', async () => {
    for (const body of [deepArrays, deepObjects, `{"text":${deepArrays}}`]) {
      for (const channel of CHANNELS) {
        const reply = await post(channel, body);
        expect(reply.status, channel).toBe(400);
        expect(reply.body.error, channel).toMatchObject({ code: 'too_deep', message: expect.stringMatching(/^The request body is too deep: The JSON is nested more than 256 levels deep at line 1, column \d+/) });
      }
    }
  });

  it('still answers ordinary calls afterwards', async () => {
    const reply = await post('inspect:response', JSON.stringify({ text: '{"payload":{"status":"LINKED"}}' }));
    expect(reply.status).toBe(200);
    expect(reply.body.ok).toBe(true);
  });
});
