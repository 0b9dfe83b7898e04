/**
 * Session finding cases: for every `session.*` id, a log that raises it and a near-identical one that
 * does not. Requests are signed for real (Web Crypto); verdicts come from the shared diagnostics without
 * keys, since session findings are about time, ids and pairing, not signatures.
 */
import type { FindingId } from '../diagnostics/catalog';
import { inspectRequestText } from '../diagnostics/request';
import { buildSession, LogItemFinder, type LogSession } from '../logs';
import { CLAIMS, envelopeOf, KID, makeKey, OTHER_KID, responseObject, signJws } from './requests';

export interface SessionCase {
  id: FindingId;
  name: string;
  raises: string[];
  avoids: string[];
  mentions: string[];
}

/** Reads log lines into a session, judging each request at its log time. */
export function sessionOf(lines: string[]): LogSession {
  const finder = new LogItemFinder();
  const items = [...lines.flatMap((l) => finder.push(l)), ...finder.end()];
  return buildSession(items, (text, now) => inspectRequestText(text, { now }), { now: Date.UTC(2026, 11, 1) });
}

/** A logcat threadtime line at the given device time (epoch ms read as the device's wall clock, here UTC+05:30). */
export function logLine(deviceMs: number, tag: string, message: string, pid = 4211): string {
  const d = new Date(deviceMs + 5.5 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}  ${pid}  ${pid + 7} D ${tag}: ${message}`;
}

export async function sessionFamilies(): Promise<SessionCase[]> {
  const key = await makeKey('session', KID);
  const T = Date.UTC(2026, 11, 1, 4, 45);
  const request = async (signedAt: number, requestId: string, kid = KID) => {
    const env = envelopeOf(await signJws(key, { header: { kid, alg: 'RS256' }, claims: { ...CLAIMS, timestamp: String(signedAt) } }));
    env.requestId = requestId;
    return JSON.stringify(env);
  };
  const response = (requestId: string) => JSON.stringify({ ...responseObject(), requestId });
  const A = '11111111-1111-4111-8111-111111111111';
  const B = '22222222-2222-4222-8222-222222222222';
  const call = async (at: number, id: string, opts: { signedAt?: number; kid?: string; answered?: boolean } = {}) => [
    logLine(at, 'HyperSDK', `process ${await request(opts.signedAt ?? at - 2_000, id, opts.kid)}`),
    ...(opts.answered === false ? [] : [logLine(at + 900, 'HyperSDK', `onEvent ${response(id)}`)]),
  ];
  const good = [...(await call(T, A)), ...(await call(T + 60_000, B))];
  return [
    { id: 'session.request-id-reused', name: 'one requestId twice', raises: [...(await call(T, A)), ...(await call(T + 60_000, A))], avoids: good, mentions: [A, 'DUPLICATE_REQUEST'] },
    { id: 'session.timestamp-backwards', name: 'second signed before the first', raises: [...(await call(T, A)), ...(await call(T + 60_000, B, { signedAt: T - 120_000 }))], avoids: good, mentions: ['backwards'] },
    {
      id: 'session.clock-skew',
      name: 'device 3 minutes ahead',
      raises: [...(await call(T, A, { signedAt: T - 180_000 })), ...(await call(T + 60_000, B, { signedAt: T - 120_000 }))],
      avoids: good,
      mentions: ['3 minutes', 'ahead', 'UTC+05:30'],
    },
    { id: 'session.kid-changed', name: 'UAT then another kid', raises: [...(await call(T, A)), ...(await call(T + 60_000, B, { kid: OTHER_KID }))], avoids: good, mentions: [KID, OTHER_KID] },
    {
      id: 'session.signed-long-before-logged',
      name: 'a payload signed 20 minutes before it was sent',
      raises: [...(await call(T, A)), ...(await call(T + 60_000, B)), ...(await call(T + 120_000, '33333333-3333-4333-8333-333333333333', { signedAt: T + 120_000 - 20 * 60_000 }))],
      avoids: good,
      mentions: ['line 5', '15 minutes'],
    },
    { id: 'session.unanswered', name: 'no callback logged', raises: [...(await call(T, A)), ...(await call(T + 60_000, B, { answered: false }))], avoids: good, mentions: ['line 3'] },
    { id: 'session.orphan-response', name: 'a response alone', raises: [...good, logLine(T + 90_000, 'HyperSDK', `onEvent ${response('44444444-4444-4444-8444-444444444444')}`)], avoids: good, mentions: ['line 5'] },
    {
      id: 'session.unclosed',
      name: 'pretty JSON cut off',
      raises: [...good, ...JSON.stringify(JSON.parse(await request(T, B)), null, 2).split('\n').slice(0, 4).map((l) => logLine(T + 120_000, 'HyperSDK', l)), logLine(T + 121_000, 'HyperSDK', 'process done')],
      avoids: good,
      mentions: ['line 5', '4,000 characters'],
    },
  ];
}
