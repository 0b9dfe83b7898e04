/**
 * Generated logcat sessions for the log tests: noise from other apps and threads, requests and responses
 * in every shape the finder knows (one JSON line, escaped JSON, pretty JSON across lines with other
 * threads in between, a compact JWS), and broken items (a block cut off, a line truncated, a response
 * whose request is not in the log). Each log comes with what a reader must find in it, derived from its
 * plan. Requests are signed for real by the corpus's merchant key; the device clock runs `skewMs` ahead
 * of the signing server, in UTC+05:30.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { responseObject } from '../../../shared/__fixtures__/requests';
import { envelope, keys, KID, signed } from './request-corpus';

export { KID };
export const ZONE_MS = 5.5 * 3600_000;
/** A request is signed this long before the app logs it. */
export const SIGN_LEAD_MS = 800;
export const DEFAULT_START = Date.UTC(2026, 5, 1, 4, 45);

export type Shape = 'one-line' | 'escaped' | 'pretty' | 'compact-jws';
export type Flaw = 'other-key' | 'standard-base64' | 'unanswered' | 'cut-off' | 'truncated-line' | 'failure';

export interface CallPlan {
  shape: Shape;
  flaw?: Flaw;
}

export interface LogPlan {
  calls: CallPlan[];
  /** Responses whose requests are not in the log. */
  orphans?: number;
  /** Noise lines around each item. */
  noise?: number;
  /** The device clock minus the signing server's, ms. */
  skewMs?: number;
  start?: number;
}

/** What a reader must find in a generated log. */
export interface Expected {
  requests: number;
  responses: number;
  paired: number;
  requestOnly: number;
  responseOnly: number;
  unclosed: number;
  /** Requests by verdict: `valid` (verifies, no cause) or the cause's id. */
  verdicts: Record<string, number>;
  /** Requests with a log time and a signed time, whose skew is `skewMs + SIGN_LEAD_MS`. */
  skewed: number;
  /** Response statuses. */
  statuses: Record<string, number>;
}

export interface GeneratedLog {
  lines: string[];
  text: string;
  expected: Expected;
  /** The public key (SPKI PEM) and kid the requests are signed with: import them to see them verify. */
  publicKeyPem: string;
  kid: string;
}

const NOISE: Array<[tag: string, message: (i: number) => string]> = [
  ['ActivityManager', (i) => `Start proc ${4000 + (i % 900)}:com.android.vending/u0a${i % 200} for service`],
  ['Choreographer', (i) => `Skipped ${i % 60} frames!  The application may be doing too much work on its main thread.`],
  ['OkHttp', (i) => `--> POST https://api.merchant.example/v1/cart/${i} http/1.1 {"items":${i % 7}}`],
  ['chatty', (i) => `uid=10${i % 300} com.merchant.app expire ${i % 40} lines`],
  ['WifiStateMachine', () => 'CMD_RSSI_POLL {rssi=-61 linkspeed=433}'],
  ['MerchantApp', (i) => `screen=checkout cartValue=${(i % 5000) / 10} {"screen":"checkout","step":${i % 4}}`],
];

/** A logcat timestamp for a device-clock time (epoch ms) in the device's zone. */
function logcatTime(deviceMs: number): string {
  const d = new Date(deviceMs + ZONE_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

const threadtime = (at: number, pid: number, tag: string, msg: string, level = 'D') => `${logcatTime(at)}  ${pid}  ${pid + 11} ${level} ${tag}: ${msg}`;
const timeFormat = (at: number, pid: number, tag: string, msg: string) => `${logcatTime(at)} I/${tag}(${String(pid).padStart(5)}): ${msg}`;

const requestIdOf = (n: number) => `${n.toString(16).padStart(8, '0')}-7e57-4a11-8b0c-${(0x1000_0000_0000 + n).toString(16).slice(-12)}`;

/** Writes a session line by line into `emit`; returns what it holds. Used for small logs and large files alike. */
export function writeSession(plan: LogPlan, emit: (line: string) => void, firstCall = 0): Expected {
  const k = keys();
  const skew = plan.skewMs ?? 0;
  const noiseCount = plan.noise ?? 3;
  let trueTime = plan.start ?? DEFAULT_START;
  let noiseIndex = firstCall * 7;
  const APP = 4211;
  const e: Expected = { requests: 0, responses: 0, paired: 0, requestOnly: 0, responseOnly: 0, unclosed: 0, verdicts: {}, skewed: 0, statuses: {} };
  const bump = (m: Record<string, number>, key: string) => (m[key] = (m[key] ?? 0) + 1);
  const noise = (n = noiseCount) => {
    for (let i = 0; i < n; i++) {
      const [tag, message] = NOISE[noiseIndex % NOISE.length]!;
      trueTime += 37;
      emit(threadtime(trueTime + skew, 1000 + (noiseIndex % 3000), tag, message(noiseIndex++), 'I'));
    }
  };
  const respond = (requestId: string, shape: Shape, failure: boolean) => {
    const r = responseObject();
    r.requestId = requestId;
    if (failure) Object.assign(r, { error: true, errorCode: 'JP_007', errorMessage: 'Device binding failed' }, { payload: { action: 'upiGetSessionToken', status: 'FAILURE' } });
    bump(e.statuses, failure ? 'FAILURE' : 'LINKED');
    e.responses++;
    trueTime += 900;
    if (shape === 'pretty') for (const l of JSON.stringify(r, null, 2).split('\n')) emit(threadtime(trueTime + skew, APP, 'HyperSDK', l));
    else emit(threadtime(trueTime + skew, APP, 'HyperSDK', `onEvent ${JSON.stringify(r)}`));
  };

  plan.calls.forEach((call, index) => {
    noise();
    trueTime += 2_000;
    const n = firstCall + index;
    const requestId = requestIdOf(n + 1);
    const logAt = trueTime + skew;
    const claims = { merchantId: 'stock', merchantCustomerId: `cust-${n}`, merchantChannelId: 'stockapp', timestamp: String(trueTime - SIGN_LEAD_MS) };
    let segs = signed({ claims, ...(call.flaw === 'other-key' ? { key: k.regenerated } : {}) });
    if (call.flaw === 'standard-base64') segs = { ...segs, signature: Buffer.from(segs.signature, 'base64url').toString('base64') };
    const env = envelope(segs, { requestId });
    const json = JSON.stringify(env);
    const verdict = call.flaw === 'other-key' ? 'signature.invalid' : call.flaw === 'standard-base64' ? 'signature.standard-base64' : 'valid';
    if (call.flaw === 'cut-off') {
      // A pretty block logcat cut short: the same tag and pid go on with something else.
      for (const l of JSON.stringify(env, null, 2).split('\n').slice(0, 4)) emit(threadtime(logAt, APP, 'HyperSDK', l));
      emit(threadtime(logAt + 5, APP, 'HyperSDK', 'process: request sent'));
      e.unclosed++;
      return;
    }
    if (call.flaw === 'truncated-line') {
      // Cut in the middle of the JSON: it may go on in the next lines, and never does.
      emit(threadtime(logAt, APP, 'HyperSDK', `process ${json.slice(0, 300)}`));
      e.unclosed++;
      return;
    }
    e.requests++;
    e.skewed++;
    bump(e.verdicts, verdict);
    if (call.shape === 'one-line') emit(threadtime(logAt, APP, 'HyperSDK', `process ${json}`));
    else if (call.shape === 'escaped') emit(timeFormat(logAt, APP, 'MerchantApp', `payload="${json.replace(/"/g, '\\"')}"`));
    else if (call.shape === 'compact-jws') emit(threadtime(logAt, APP, 'Signer', `token=${segs.protected}.${segs.signaturePayload}.${segs.signature}`));
    else {
      JSON.stringify(env, null, 2)
        .split('\n')
        .forEach((l, i) => {
          emit(threadtime(logAt, APP, 'HyperSDK', l));
          // Another thread of another process logs in the middle of the block.
          if (i === 2) emit(threadtime(logAt, 1900, 'HyperSDK', '  "noise": "from another pid"'));
          if (i === 4) emit(threadtime(logAt, APP, 'OkHttp', '<-- 200 OK (31ms)'));
        });
    }
    // A compact JWS carries no requestId: nothing can answer it in the log.
    if (call.flaw === 'unanswered' || call.shape === 'compact-jws') {
      e.requestOnly++;
      return;
    }
    noise(1);
    respond(requestId, call.shape === 'pretty' ? 'pretty' : 'one-line', call.flaw === 'failure');
    e.paired++;
  });
  for (let i = 0; i < (plan.orphans ?? 0); i++) {
    noise();
    respond(requestIdOf(900_000 + firstCall + i), 'one-line', false);
    e.responseOnly++;
  }
  noise();
  return e;
}

/** A whole log in memory. */
export function makeLog(plan: LogPlan): GeneratedLog {
  const lines: string[] = [];
  const expected = writeSession(plan, (l) => lines.push(l));
  return { lines, text: `${lines.join('\n')}\n`, expected, publicKeyPem: keys().merchant.spkiPem, kid: KID };
}

/** Every shape, clean, then every flaw once, and an orphan response. */
export function mixedPlan(options: Partial<LogPlan> = {}): LogPlan {
  const shapes: Shape[] = ['one-line', 'escaped', 'pretty', 'compact-jws'];
  const flaws: Flaw[] = ['other-key', 'standard-base64', 'unanswered', 'cut-off', 'truncated-line', 'failure'];
  return { calls: [...shapes.map((shape) => ({ shape })), ...flaws.map((flaw) => ({ shape: 'one-line' as const, flaw }))], orphans: 1, noise: 4, skewMs: 120_000, ...options };
}

/**
 * Writes a log of about `mb` megabytes to `path`, a few calls at a time (never the whole log in memory):
 * `noise` lines per call make it mostly noise, as real logcat is.
 */
export function writeLargeLog(path: string, options: { mb: number; noise?: number; skewMs?: number }): { bytes: number; expected: Expected } {
  const fd = openSync(path, 'w');
  const target = options.mb * 1024 * 1024;
  let bytes = 0;
  let pending: string[] = [];
  const total: Expected = { requests: 0, responses: 0, paired: 0, requestOnly: 0, responseOnly: 0, unclosed: 0, verdicts: {}, skewed: 0, statuses: {} };
  const flush = () => {
    const chunk = `${pending.join('\n')}\n`;
    writeSync(fd, chunk);
    bytes += Buffer.byteLength(chunk);
    pending = [];
  };
  const shapes: Shape[] = ['one-line', 'escaped', 'pretty', 'compact-jws'];
  try {
    for (let batch = 0; bytes < target; batch++) {
      const calls = shapes.map((shape) => ({ shape }));
      const start = DEFAULT_START + batch * 4 * 60_000;
      const e = writeSession({ calls, noise: options.noise ?? 400, skewMs: options.skewMs ?? 120_000, start }, (l) => pending.push(l), batch * calls.length);
      for (const key of ['requests', 'responses', 'paired', 'requestOnly', 'responseOnly', 'unclosed', 'skewed'] as const) total[key] += e[key];
      for (const [v, n] of Object.entries(e.verdicts)) total.verdicts[v] = (total.verdicts[v] ?? 0) + n;
      for (const [v, n] of Object.entries(e.statuses)) total.statuses[v] = (total.statuses[v] ?? 0) + n;
      flush();
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, expected: total };
}
