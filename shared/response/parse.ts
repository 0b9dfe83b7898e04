/**
 * Text in, normalised response out: the one reader of a pasted response. Finds the JSON (the whole
 * text, inside a log line, or a JSON string holding it), tells a response from a request or anything
 * else, wraps a bare payload, and normalises it. Never throws.
 */
import { extractJson, parseJson } from '../json';
import { isRecord } from '../guards';
import { describeType } from '../words';
import type { NormalizedResponse, SpellingReport } from './fields';
import { normalizeResponse } from './normalize';

/** Where the response's JSON came from: the whole text, inside a log line, or a JSON string holding JSON. */
export type ResponseJsonSource = 'json' | 'log-line' | 'json-string';

/** `payload-only`: the paste was the inner payload (status, vpaAccounts …) and was wrapped. */
export type ResponseShape = 'envelope' | 'payload-only';

export type ParseResponseResult =
  | {
      ok: true;
      response: NormalizedResponse;
      spelling: SpellingReport;
      /** The object as received. */
      raw: Record<string, unknown>;
      shape: ResponseShape;
      source: ResponseJsonSource;
      /** Where the JSON starts in the text, when it was found inside a log line. */
      foundAt?: { line: number; column: number };
    }
  | {
      ok: false;
      reason: 'empty' | 'json' | 'not-response';
      message: string;
      /** For `json`: 1-based position of the error. */
      line?: number;
      column?: number;
      offset?: number;
      /** The paste looks like a upiGetSessionToken *request*. */
      looksLikeRequest?: boolean;
    };

const NOT_RESPONSE = 'Expected a upiGetSessionToken response: an object with `payload` (or `requestId`/`event`)';

/** Parses pasted text (JSON, or a log line with JSON in it) into a normalised response, or says why not. Never throws. */
export function parseResponseText(text: string): ParseResponseResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, reason: 'empty', message: 'Nothing to inspect: paste a upiGetSessionToken response (JSON).' };
  }
  let source: ResponseJsonSource = 'json';
  let foundAt: { line: number; column: number } | undefined;
  let value: unknown;
  const parsed = parseJson(text);
  if (parsed.ok) value = parsed.value;
  else {
    const trimmed = text.trimStart();
    const extracted = trimmed.startsWith('{') || trimmed.startsWith('[') ? undefined : extractJson(text);
    if (extracted?.ok) {
      value = extracted.value;
      source = 'log-line';
      foundAt = { line: extracted.line, column: extracted.column };
    } else if (extracted && !extracted.error) {
      return { ok: false, reason: 'not-response', message: `${NOT_RESPONSE}; found no JSON object in the text.` };
    } else {
      const error = extracted?.error ?? parsed;
      return {
        ok: false,
        reason: 'json',
        message: `The response is not valid JSON: ${error.message}`,
        line: error.line,
        column: error.column,
        offset: error.offset,
      };
    }
  }
  if (typeof value === 'string') {
    const inner = value.trim().startsWith('{') ? parseJson(value) : undefined;
    if (inner?.ok && isRecord(inner.value)) {
      value = inner.value;
      source = 'json-string';
    }
  }
  if (!isRecord(value)) {
    return { ok: false, reason: 'not-response', message: `${NOT_RESPONSE}, got ${describeType(value)}.` };
  }
  const looksLikeRequest = isRequestLike(value);
  if (looksLikeRequest) {
    return {
      ok: false,
      reason: 'not-response',
      message: `${NOT_RESPONSE}; this looks like a upiGetSessionToken request (it has protected/signaturePayload/signature): inspect it as a request.`,
      looksLikeRequest: true,
    };
  }
  let shape: ResponseShape = 'envelope';
  let target: Record<string, unknown> = value;
  if (!hasAny(value, ['payload', 'requestId', 'event'])) {
    if (hasAny(value, ['status', 'vpaAccounts', 'isDeviceBound'])) {
      shape = 'payload-only';
      target = { payload: value };
    } else {
      const keys = Object.keys(value).slice(0, 8);
      const seen = keys.length ? `; its keys are ${keys.map((k) => `\`${k.slice(0, 40)}\``).join(', ')}` : '; it is an empty object';
      return { ok: false, reason: 'not-response', message: `${NOT_RESPONSE}${seen}.` };
    }
  }
  const { response, spelling } = normalizeResponse(target);
  const result: ParseResponseResult = { ok: true, response, spelling, raw: value, shape, source };
  if (foundAt) result.foundAt = foundAt;
  return result;
}

function hasAny(o: Record<string, unknown>, keys: string[]): boolean {
  return keys.some((k) => Object.hasOwn(o, k));
}

function isRequestLike(o: Record<string, unknown>): boolean {
  const p = isRecord(o.payload) ? o.payload : o;
  return ['protected', 'signaturePayload', 'signature', 'merchantKeyId', 'clientAuthToken'].some((k) => Object.hasOwn(p, k));
}
