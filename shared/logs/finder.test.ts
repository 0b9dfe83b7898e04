import { describe, expect, it } from 'vitest';
import { CLAIMS, HEADER, envelopeOf, makeKey, signJws, KID, responseObject } from '../__fixtures__/requests';
import { LogItemFinder, type LogItem } from './finder';

const key = await makeKey('k', KID);
const env = envelopeOf(await signJws(key));
const T = (s: number) => `12-01 10:15:${String(s).padStart(2, '0')}.481`;
const line = (s: number, tag: string, msg: string, pid = 4211) => `${T(s)}  ${pid}  ${pid + 1} D ${tag}: ${msg}`;

function find(lines: string[]): LogItem[] {
  const f = new LogItemFinder();
  return [...lines.flatMap((l) => f.push(l)), ...f.end()];
}

describe('LogItemFinder', () => {
  it('finds one-line JSON, escaped JSON and a compact JWS among noise, with where each was logged', () => {
    const items = find([
      line(1, 'ActivityManager', 'Start proc 4211:com.merchant/u0a123'),
      line(2, 'HyperSDK', `process ${JSON.stringify(env)}`),
      line(3, 'Choreographer', 'Skipped 31 frames! {main}'),
      line(4, 'MerchantApp', `payload="${JSON.stringify(env).replace(/"/g, '\\"')}"`),
      line(5, 'Signer', `token=${env.payload.protected}.${env.payload.signaturePayload}.${env.payload.signature}`),
      line(6, 'HyperSDK', `onEvent ${JSON.stringify(responseObject())}`),
    ]);
    expect(items.map((i) => [i.kind, i.line, i.log?.tag])).toEqual([
      ['candidate', 2, 'HyperSDK'],
      ['candidate', 4, 'MerchantApp'],
      ['candidate', 5, 'Signer'],
      ['candidate', 6, 'HyperSDK'],
    ]);
    expect(items[0]!.log).toMatchObject({ time: T(2), pid: 4211, tid: 4212, level: 'D' });
  });

  it('joins pretty-printed JSON spread over lines of one tag and pid, even with other threads interleaved', () => {
    const pretty = JSON.stringify(env, null, 2).split('\n');
    const lines: string[] = [];
    pretty.forEach((p, i) => {
      lines.push(line(10, 'HyperSDK', p));
      if (i === 3) lines.push(line(10, 'HyperSDK', '  "noise": "another pid"', 999));
      if (i === 5) lines.push(line(10, 'OkHttp', '--> POST https://api.example/x'));
    });
    const items = find(lines);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'candidate', line: 1, lastLine: lines.length });
    expect(JSON.parse(items[0]!.text)).toEqual(env);
  });

  it('reports a block that never closes, and goes on reading the rest of the log', () => {
    const pretty = JSON.stringify(env, null, 2).split('\n');
    const cut = pretty.slice(0, 5).map((p) => line(20, 'HyperSDK', p));
    const items = find([...cut, line(21, 'HyperSDK', 'process done'), line(22, 'HyperSDK', JSON.stringify(env))]);
    expect(items.map((i) => [i.kind, i.line])).toEqual([
      ['unclosed', 1],
      ['candidate', 7],
    ]);
  });

  it('reads plain text (no logcat prefix) and skips JSON that is not a request or response', () => {
    const items = find(['{', '  "user": "x",', '  "screen": "home"', '}', JSON.stringify({ claims: CLAIMS, header: HEADER }), 'done']);
    expect(items).toEqual([]);
  });

  it('is linear: 200,000 noise lines take no memory beyond the open blocks', () => {
    const f = new LogItemFinder();
    let found = 0;
    for (let i = 0; i < 200_000; i++) found += f.push(line(30, 'Noise', `tick ${i} {state=ok}`)).length;
    expect(found).toBe(0);
    expect(f.end()).toEqual([]);
  });
});
