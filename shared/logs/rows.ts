/** A timeline row in words, the same for the window's table and the CLI's: one call, its verdict, its clock. */
import type { Finding } from '../diagnostics/types';
import { describeSkew } from './log-time';
import type { LogSession, SessionCall, VerdictBrief } from './session';

export type VerdictFilter = 'valid' | 'invalid' | 'not-verified' | 'no-request';

/** `valid`, the cause's id, `invalid` or `not verified`; `no request` for a response alone. */
export function verdictLabel(verdict: VerdictBrief | undefined): string {
  if (!verdict) return 'no request';
  if (verdict.cause) return verdict.cause;
  return verdict.valid === true ? 'valid' : verdict.valid === false ? 'invalid' : 'not verified';
}

/** Which of the window's verdict filters a call falls under. */
export function verdictKind(call: SessionCall): VerdictFilter {
  const v = call.request?.verdict;
  if (!v) return 'no-request';
  if (v.valid === true && v.tone !== 'error') return 'valid';
  return v.valid === false || v.tone === 'error' ? 'invalid' : 'not-verified';
}

export interface CallRow {
  id: string;
  /** As logged, of the request (else the response). */
  time: string;
  line: number;
  tag: string;
  action: string;
  requestId: string;
  merchantId: string;
  kid: string;
  verdict: string;
  tone: VerdictBrief['tone'] | 'none';
  /** The response's status, or why there is none. */
  status: string;
  errorCode: string;
  skew: string;
  pairing: SessionCall['pairing'];
}

export function callRow(call: SessionCall): CallRow {
  const r = call.request;
  const s = call.response;
  return {
    id: call.id,
    time: r?.time ?? s?.time ?? '',
    line: r?.line ?? s?.line ?? 0,
    tag: r?.tag ?? s?.tag ?? '',
    action: r?.action ?? '',
    requestId: r?.requestId ?? s?.requestId ?? '',
    merchantId: r?.merchantId ?? '',
    kid: r?.kid ?? '',
    verdict: verdictLabel(r?.verdict),
    tone: r?.verdict.tone ?? 'none',
    status: s ? (s.status ?? (s.error ? 'error' : '')) : 'no response',
    errorCode: s?.errorCode ?? '',
    skew: describeSkew(call.skewMs),
    pairing: call.pairing,
  };
}

/** True when a call's verdict or a session finding is an error: the CLI exits 1. */
export function sessionHasErrors(session: Pick<LogSession, 'calls' | 'findings'>): boolean {
  return session.calls.some((c) => c.request?.verdict.tone === 'error') || session.findings.some((f: Finding) => f.severity === 'error');
}
