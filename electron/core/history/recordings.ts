/**
 * What each recorded operation becomes in the history: a sign (keyed by its requestId, so editing the
 * form updates one entry), an inspection (keyed by the window's draft, from the verdict already made:
 * nothing is verified twice) and a response reading (the facts the window already read).
 */
import { randomUUID } from 'node:crypto';
import type { SignResult } from '../../../shared/contract';
import type { EnvelopeFields } from '../../../shared/envelope';
import { inspectResponseText } from '../../../shared/diagnostics';
import { requestFacts, responseFacts, type HistorySource, type RecordOption, type RecordResponseInput } from '../../../shared/history';
import type { RecordLogInput } from '../../../shared/history-log';
import { parseResponseText } from '../../../shared/response';
import type { Verdict } from '../../../shared/verdict';
import type { NewEntry } from './entries';

export function signRecording(fields: EnvelopeFields, keyId: string, result: SignResult, option: RecordOption): NewEntry {
  return {
    kind: 'sign',
    source: 'window',
    draftId: result.envelope.requestId,
    facts: {
      profile: option.profile ?? null,
      merchantId: result.claims.merchantId,
      channel: result.claims.merchantChannelId,
      kid: result.header.kid,
      requestId: result.envelope.requestId,
      status: null,
      errorCode: null,
      valid: null,
      cause: null,
      summary: `Signed with "${result.key.label}" (kid ${result.key.kid || 'none'})`,
    },
    text: result.json,
    decoded: `${JSON.stringify(result.header)}\n${JSON.stringify(result.claims)}`,
    reopen: { kind: 'sign', fields: { ...fields }, keyId },
  };
}

export interface InspectedText {
  text: string;
  publicKey?: string | undefined;
  /** The reference time the verdict was made at, epoch ms. */
  referenceMs: number;
}

export function inspectRecording(input: InspectedText, verdict: Verdict, option: RecordOption, source: HistorySource = 'window'): NewEntry {
  const decoded = [verdict.decoded.headerText, verdict.decoded.claimsText].filter((t): t is string => typeof t === 'string').join('\n');
  return {
    kind: 'inspect',
    source,
    draftId: option.draftId ?? randomUUID(),
    facts: requestFacts(verdict, option.profile ?? verdict.profile?.name ?? null),
    text: input.text,
    publicKey: input.publicKey ?? null,
    decoded,
    reopen: { kind: 'inspect', referenceMs: input.referenceMs },
  };
}

export function responseRecording(input: RecordResponseInput, source: HistorySource = 'window'): NewEntry {
  return {
    kind: 'response',
    source,
    draftId: input.draftId,
    facts: {
      profile: input.profile ?? null,
      merchantId: null,
      channel: null,
      kid: null,
      requestId: input.requestId?.trim() || null,
      status: input.status ?? null,
      errorCode: input.errorCode ?? null,
      valid: input.valid,
      cause: input.cause ?? null,
      summary: input.summary ?? null,
    },
    text: input.text,
    reopen: { kind: 'response', linkedRequestId: input.linkedRequestId ?? null },
  };
}

/**
 * A log session's calls as entries: each request an inspection at its log time, with the row's verdict
 * (nothing is verified again); each response a reading linked to its request. Keyed by the log and the
 * line, so saving the same session twice updates the same entries.
 */
export function logRecordings(input: RecordLogInput, now: number): NewEntry[] {
  const key = (line: number) => `log:${input.source.slice(0, 80)}:${line}`;
  return input.calls.flatMap((call) => {
    const out: NewEntry[] = [];
    const r = call.request;
    if (r) {
      out.push({
        kind: 'inspect',
        source: 'window',
        draftId: key(r.line),
        facts: { profile: null, merchantId: r.merchantId ?? null, channel: null, kid: r.kid ?? null, requestId: r.requestId ?? null, status: null, errorCode: null, valid: r.verdict.valid, cause: r.verdict.cause ?? null, summary: r.verdict.headline },
        text: r.text,
        reopen: { kind: 'inspect', referenceMs: Math.round(r.loggedAtMs ?? now) },
      });
    }
    const s = call.response;
    if (s) {
      const linked = r?.requestId ?? null;
      const facts = responseFacts(parseResponseText(s.text), inspectResponseText(s.text, linked ? { requestId: linked } : {}).findings);
      out.push(responseRecording({ draftId: key(s.line), text: s.text, ...facts, linkedRequestId: linked }));
    }
    return out;
  });
}
