/**
 * A log session: every request and response found in a log, paired by requestId, each request with its
 * verdict (judged at the time it was logged), and the clock skew between the log and the signed
 * timestamp. The verdict comes from the caller (the main side's evidence builder): this module never
 * verifies anything itself.
 */
import type { Finding } from '../diagnostics/types';
import { findKey, readRequest, type DecodedRequest } from '../request';
import { parseResponseText } from '../response';
import type { Verdict } from '../verdict';
import { isRecord } from '../guards';
import type { LogItem } from './finder';
import { inferZoneOffset, logTimeAsUtc } from './log-time';
import { sessionFindings } from './session-findings';

/** What a row shows of a verdict (the whole verdict is one `inspect` away). */
export interface VerdictBrief {
  valid: boolean | null;
  cause?: string;
  tone: Verdict['summary']['tone'];
  headline: string;
}

export interface LoggedAt {
  line: number;
  lastLine: number;
  /** As logged (`12-01 10:15:02.481`), when the log has times. */
  time?: string;
  tag?: string;
  pid?: number;
  tid?: number;
  /** The log time as epoch ms, once the device's zone is taken out (what Inspect pins as its reference time). */
  loggedAtMs?: number;
}

export interface LoggedRequest extends LoggedAt {
  text: string;
  requestId?: string;
  action?: string;
  merchantId?: string;
  kid?: string;
  /** The claims' timestamp, epoch ms. */
  signedAt?: number;
  verdict: VerdictBrief;
}

export interface LoggedResponse extends LoggedAt {
  text: string;
  requestId?: string;
  status?: string;
  errorCode?: string;
  error?: boolean;
}

export interface SessionCall {
  id: string;
  request?: LoggedRequest;
  response?: LoggedResponse;
  pairing: 'paired' | 'request-only' | 'response-only';
  /** Device clock minus the signed time, once the device's zone is taken out; ms. */
  skewMs?: number;
}

export interface LogSession {
  calls: SessionCall[];
  findings: Finding[];
  /** The device's UTC offset the log's times fit best, when there were requests to fit it on. */
  zoneOffsetMs?: number;
  /** JSON blocks that never closed, by first line. */
  unclosed: LoggedAt[];
  counts: { requests: number; responses: number; paired: number; unpaired: number; errors: number };
  /** Items that could not be judged (e.g. JSON nested too deep to read), with why; set by the main side. */
  skipped?: Array<LoggedAt & { reason: string }>;
}

/**
 * Judges a request text at a reference time (epoch ms): the main side's one verdict (only what a row
 * shows is kept). `decoded` is the text as readRequest read it, to spare reading it again.
 */
export type VerdictOf = (text: string, now: number, decoded: DecodedRequest) => Pick<Verdict, 'valid' | 'cause' | 'summary'>;

export interface BuildOptions {
  /** Year for logcat times that carry none (default: the year of the first signed timestamp, else now's). */
  year?: number;
  /** The device's UTC offset, when known; otherwise inferred. */
  zoneOffsetMs?: number;
  /** When nothing else gives a reference time. */
  now: number;
  /** readRequest, or a reader that remembers what it already read. */
  readRequest?: (text: string) => DecodedRequest;
}

export function buildSession(items: readonly LogItem[], verdictOf: VerdictOf, options: BuildOptions): LogSession {
  const unclosed: LoggedAt[] = [];
  const requests: Array<{ at: LoggedAt; text: string; decoded: DecodedRequest; signedAt?: number }> = [];
  const responses: LoggedResponse[] = [];
  for (const item of items) {
    const at = loggedAt(item);
    if (item.kind === 'unclosed') {
      unclosed.push(at);
      continue;
    }
    const response = parseResponseText(item.text);
    if (response.ok) {
      const r = response.response;
      responses.push({ ...at, text: item.text, ...strings({ requestId: r.requestId, status: r.payload?.status, errorCode: r.errorCode }), ...(typeof r.error === 'boolean' ? { error: r.error } : {}) });
      continue;
    }
    const decoded = (options.readRequest ?? readRequest)(item.text);
    if (decoded.kind === 'unknown') continue;
    const signedAt = signedTime(decoded);
    requests.push({ at, text: item.text, decoded, ...(signedAt !== undefined ? { signedAt } : {}) });
  }
  const year = options.year ?? new Date(requests.find((r) => r.signedAt !== undefined)?.signedAt ?? options.now).getUTCFullYear();
  const logUtc = (at: LoggedAt) => (at.time ? logTimeAsUtc(at.time, year) : Number.NaN);
  const zone =
    options.zoneOffsetMs ??
    inferZoneOffset(requests.filter((r) => r.signedAt !== undefined && Number.isFinite(logUtc(r.at))).map((r) => ({ logUtc: logUtc(r.at), signedAt: r.signedAt! })));
  const deviceTime = (at: LoggedAt) => logUtc(at) - (zone ?? 0);
  const stamp = (at: LoggedAt) => {
    const when = deviceTime(at);
    if (Number.isFinite(when)) at.loggedAtMs = when;
  };
  requests.forEach((r) => stamp(r.at));
  responses.forEach(stamp);

  const calls: SessionCall[] = [];
  const open = new Map<string, SessionCall>();
  for (const r of requests) {
    const when = deviceTime(r.at);
    const verdict = verdictOf(r.text, Number.isFinite(when) ? when : (r.signedAt ?? options.now), r.decoded);
    const request: LoggedRequest = { ...r.at, text: r.text, verdict: brief(verdict), ...requestFacts(r.decoded), ...(r.signedAt !== undefined ? { signedAt: r.signedAt } : {}) };
    const call: SessionCall = { id: `L${r.at.line}`, request, pairing: 'request-only' };
    if (zone !== undefined && r.signedAt !== undefined && Number.isFinite(when)) call.skewMs = when - r.signedAt;
    calls.push(call);
    if (request.requestId && !open.has(request.requestId)) open.set(request.requestId, call);
  }
  for (const response of responses) {
    const call = response.requestId ? open.get(response.requestId) : undefined;
    if (call && !call.response) {
      call.response = response;
      call.pairing = 'paired';
    } else calls.push({ id: `L${response.line}`, response, pairing: 'response-only' });
  }
  calls.sort((a, b) => firstLine(a) - firstLine(b));
  const session: LogSession = { calls, unclosed, findings: [], counts: count(calls) };
  if (zone !== undefined) session.zoneOffsetMs = zone;
  session.findings = sessionFindings(session);
  return session;
}

function loggedAt(item: LogItem): LoggedAt {
  const at: LoggedAt = { line: item.line, lastLine: item.lastLine };
  if (item.log?.time) at.time = item.log.time;
  if (item.log?.tag) at.tag = item.log.tag;
  if (item.log) at.pid = item.log.pid;
  if (item.log?.tid !== undefined) at.tid = item.log.tid;
  return at;
}

export function brief(v: Pick<Verdict, 'valid' | 'cause' | 'summary'>): VerdictBrief {
  const b: VerdictBrief = { valid: v.valid, tone: v.summary.tone, headline: v.summary.headline };
  if (v.cause) b.cause = v.cause;
  return b;
}

function signedTime(d: DecodedRequest): number | undefined {
  const ts = isRecord(d.claims?.json) ? findKey(d.claims.json, 'timestamp')?.value : undefined;
  const n = typeof ts === 'string' && /^\d{13}$/.test(ts.trim()) ? Number(ts) : typeof ts === 'number' && ts > 1e12 && ts < 1e13 ? ts : undefined;
  return n;
}

function requestFacts(d: DecodedRequest): Pick<LoggedRequest, 'requestId' | 'action' | 'merchantId' | 'kid'> {
  const header = isRecord(d.header?.json) ? d.header.json : {};
  const claims = isRecord(d.claims?.json) ? d.claims.json : {};
  return strings({
    requestId: d.root ? findKey(d.root, 'requestId')?.value : undefined,
    action: d.payload ? findKey(d.payload, 'action')?.value : undefined,
    merchantId: findKey(claims, 'merchantId')?.value,
    kid: findKey(header, 'kid')?.value,
  });
}

/** Only the string values of an object of maybes. */
function strings<K extends string>(o: Record<K, unknown>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [k, v] of Object.entries(o) as Array<[K, unknown]>) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

function firstLine(c: SessionCall): number {
  return c.request?.line ?? c.response?.line ?? 0;
}

function count(calls: SessionCall[]): LogSession['counts'] {
  return {
    requests: calls.filter((c) => c.request).length,
    responses: calls.filter((c) => c.response).length,
    paired: calls.filter((c) => c.pairing === 'paired').length,
    unpaired: calls.filter((c) => c.pairing !== 'paired').length,
    errors: calls.filter((c) => c.request?.verdict.tone === 'error').length,
  };
}
