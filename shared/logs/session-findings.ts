/** What only shows across a whole log: reused requestIds, clocks, kids that change, requests never answered. */
import { MAX_TIMESTAMP_AGE_MS } from '../envelope';
import { finding } from '../diagnostics/catalog';
import type { Finding } from '../diagnostics/types';
import { describeDuration, list, plural, show } from '../words';
import { describeOffset } from './log-time';
import type { LogSession, SessionCall } from './session';

/** Past this, the device clock is called skewed (the server's tolerance is not documented). */
export const SKEW_LIMIT_MS = 60_000;
const EXAMPLES = 5;

const at = (c: SessionCall) => `line ${c.request?.line ?? c.response?.line}`;

export function sessionFindings(s: Pick<LogSession, 'calls' | 'unclosed' | 'zoneOffsetMs'>): Finding[] {
  const out: Finding[] = [];
  const requests = s.calls.filter((c) => c.request);
  // The same requestId twice.
  const byId = new Map<string, SessionCall[]>();
  for (const c of requests) if (c.request!.requestId) byId.set(c.request!.requestId, [...(byId.get(c.request!.requestId) ?? []), c]);
  for (const [id, calls] of byId) {
    if (calls.length < 2) continue;
    out.push(
      finding(
        'session.request-id-reused',
        'requestId',
        `requestId ${show(id)} is used by ${plural(calls.length, 'request')} (${list(calls.map(at))}): a requestId must be fresh for every call, and Juspay answers a reused one with DUPLICATE_REQUEST.`,
        'Generate a new uuid v4 (and a new signature) for every call; never resend a captured request.',
      ),
    );
  }
  // Signed timestamps going backwards.
  let previous: SessionCall | undefined;
  const backwards: string[] = [];
  for (const c of requests) {
    const t = c.request!.signedAt;
    if (t === undefined) continue;
    if (previous && t < previous.request!.signedAt!) backwards.push(`${at(c)} signed ${describeDuration(previous.request!.signedAt! - t)} before ${at(previous)}`);
    previous = c;
  }
  if (backwards.length) {
    out.push(
      finding(
        'session.timestamp-backwards',
        'payload.signaturePayload.timestamp',
        `Signed timestamps go backwards: ${list(backwards, EXAMPLES)}. The app reuses signed payloads, or signs on servers whose clocks disagree.`,
        'Sign a fresh payload at call time on a clock synced with NTP; do not cache signed payloads.',
      ),
    );
  }
  // The device clock.
  const skews = requests.map((c) => c.skewMs).filter((x): x is number => x !== undefined);
  if (skews.length) {
    const sorted = [...skews].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    if (Math.abs(median) > SKEW_LIMIT_MS) {
      const zone = s.zoneOffsetMs !== undefined ? ` (log times read in ${describeOffset(s.zoneOffsetMs)}, the zone that fits them best)` : '';
      out.push(
        finding(
          'session.clock-skew',
          '',
          `The device clock is ${describeDuration(median)} ${median > 0 ? 'ahead of' : 'behind'} the signing server's${zone}, judged from ${plural(skews.length, 'request')}.`,
          'Check the device time (automatic network time) and the signing server’s NTP; a skew of minutes makes fresh requests look expired or from the future.',
        ),
      );
    }
    // Signed long before it was logged: rejected as expired when sent.
    const late = requests.filter((c) => c.skewMs !== undefined && c.skewMs - median > MAX_TIMESTAMP_AGE_MS);
    if (late.length) {
      out.push(
        finding(
          'session.signed-long-before-logged',
          'payload.signaturePayload.timestamp',
          `${plural(late.length, 'request')} ${late.length === 1 ? 'was' : 'were'} logged more than 15 minutes after signing (${list(late.map((c) => `${at(c)}: ${describeDuration(c.skewMs! - median)}`), EXAMPLES)}): Juspay rejects them as expired.`,
          'Sign right before calling the SDK; do not cache or replay signed payloads.',
        ),
      );
    }
  }
  // The kid changing mid-session.
  const kids = requests.map((c) => c.request!.kid).filter((k): k is string => !!k);
  const distinct = [...new Set(kids)];
  if (distinct.length > 1) {
    out.push(
      finding(
        'session.kid-changed',
        'payload.protected.kid',
        `The kid changes during the session: ${list(distinct.map((k) => show(k)))}. Mixed kids usually mean two builds, two environments (UAT and production), or a key rotation half done.`,
        'Use one kid per environment; make sure the server signs with the key whose public key Juspay holds for that kid.',
      ),
    );
  }
  // Pairing.
  const unanswered = s.calls.filter((c) => c.pairing === 'request-only');
  if (unanswered.length) {
    out.push(
      finding(
        'session.unanswered',
        '',
        `${plural(unanswered.length, 'request')} ${unanswered.length === 1 ? 'has' : 'have'} no response in the log (${list(unanswered.map(at), EXAMPLES)}): the log may end first, the app may not log responses, or the SDK never answered.`,
        'Capture the log until the callback with event process_result arrives, or log the response in the app.',
      ),
    );
  }
  const orphans = s.calls.filter((c) => c.pairing === 'response-only');
  if (orphans.length) {
    out.push(
      finding(
        'session.orphan-response',
        '',
        `${plural(orphans.length, 'response')} ${orphans.length === 1 ? 'answers' : 'answer'} no request in the log (${list(orphans.map(at), EXAMPLES)}): the request was logged before the capture began, or without its requestId.`,
        'Start the capture before the call, or log the request envelope in the app.',
      ),
    );
  }
  if (s.unclosed.length) {
    out.push(
      finding(
        'session.unclosed',
        '',
        `${plural(s.unclosed.length, 'JSON block')} in the log never ${s.unclosed.length === 1 ? 'closes' : 'close'} (${list(s.unclosed.map((u) => `line ${u.line}`), EXAMPLES)}): cut off by logcat's line limit or by the end of the capture. The rest of the log was read.`,
        'Log the request and response on one line each (logcat truncates lines at about 4,000 characters), or capture the whole session.',
      ),
    );
  }
  return out;
}
