/**
 * What a pasted upiGetSessionToken response says and what is off about it, as findings.
 * `responseFindings` works on a response already read by `parseResponseText`, so the window reads a
 * paste once and gets its tables and its findings from that one read; `inspectResponseText` is read +
 * findings for the CLI and the `inspect:response` channel. Total: never throws.
 */
import type { ResponseInspection } from '../contract';
import { ACTION, SERVICE } from '../envelope';
import {
  RESPONSE_EVENT,
  INITIATE_EVENT,
  describeErrorCode,
  matchBackendErrors,
  parseResponseText,
  type NormalizedResponse,
  type ParseResponseResult,
  type ResponseShape,
  type SpellingReport,
} from '../response';
import { finding, sortFindings } from './catalog';
import { internalError } from './request';
import { payloadFindings } from './response-payload';
import type { Finding } from './types';
import { capitalise, list, plural, show, typeName } from '../words';

export { LENGTH_RULES } from './response-payload';

export interface InspectResponseOptions {
  /**
   * The id of the request this response was linked to. Only a linked response is compared: without
   * it, the response's requestId is simply read, never called wrong.
   */
  requestId?: string;
  /** The linked request in words, for the message (e.g. "the request open in Inspect"); default "the requestId given". */
  requestLabel?: string;
}

/** The contract's ResponseInspection, as this module fills it. */
export type ResponseInspectionResult = ResponseInspection;

/** Reads a response's text and says what is off about it: findings, and how the JSON was found. */
export function inspectResponseText(text: string, options: InspectResponseOptions = {}): ResponseInspectionResult {
  try {
    const parsed = parseResponseText(text);
    const findings = responseFindings(parsed, options);
    return parsed.ok ? { findings, shape: parsed.shape, source: parsed.source } : { findings };
  } catch (error) {
    return { findings: [internalError(error)] };
  }
}

/** Findings about a response already read by `parseResponseText`, errors first. Pure; never throws. */
export function responseFindings(parsed: ParseResponseResult, options: InspectResponseOptions = {}): Finding[] {
  try {
    if (!parsed.ok) return inputFindings(parsed);
    const out: Finding[] = [];
    if (parsed.source === 'log-line' && parsed.foundAt) {
      out.push(
        finding(
          'input.found-in-log',
          '',
          `The JSON was found inside the text at line ${parsed.foundAt.line}, column ${parsed.foundAt.column}; the text around it was ignored.`,
          'Nothing to fix.',
        ),
      );
    }
    if (parsed.source === 'json-string') {
      out.push(finding('input.json-string', '', 'The paste is a JSON string that holds the response; it was unwrapped.', 'Nothing to fix.'));
    }
    const r = parsed.response;
    out.push(...envelopeFindings(r, parsed.shape));
    out.push(...pairingFindings(r, options ?? {}));
    out.push(...errorFindings(r));
    out.push(...payloadFindings(r));
    out.push(...spellingFindings(parsed.spelling));
    return sortFindings(out);
  } catch (error) {
    return [internalError(error)];
  }
}

function inputFindings(parsed: Extract<ParseResponseResult, { ok: false }>): Finding[] {
  if (parsed.reason === 'empty') {
    return [finding('input.empty', '', 'Nothing to inspect: the text is empty.', 'Paste the upiGetSessionToken response JSON (or the log line that contains it).')];
  }
  if (parsed.reason === 'json') {
    return [finding('json.invalid', '', parsed.message, `Fix the JSON at line ${parsed.line ?? 1}, column ${parsed.column ?? 1}, or copy the response again in full.`)];
  }
  return [
    finding(
      'input.not-response',
      '',
      capitalise(parsed.message),
      parsed.looksLikeRequest ? 'Inspect it as a request instead.' : 'Paste the JSON the SDK returned in its callback for process (event process_result).',
    ),
  ];
}

function envelopeFindings(r: NormalizedResponse, shape: ResponseShape): Finding[] {
  const out: Finding[] = [];
  if (shape === 'envelope') {
    if (r.event !== RESPONSE_EVENT) {
      const msg =
        r.event === undefined
          ? `The response has no event; a process call answers with event "${RESPONSE_EVENT}".`
          : r.event === INITIATE_EVENT
            ? `event is "${INITIATE_EVENT}": this is the answer to initiate, not to the upiGetSessionToken process call.`
            : `event is ${typeof r.event === 'string' ? show(r.event) : typeName(r.event)}, not "${RESPONSE_EVENT}".`;
      out.push(finding('event.unexpected', 'event', msg, `Paste the callback whose event is "${RESPONSE_EVENT}" for this requestId.`));
    }
    if (r.service !== undefined && r.service !== null && r.service !== SERVICE) {
      out.push(
        finding(
          'response.service-unexpected',
          'service',
          `service is ${typeof r.service === 'string' ? show(r.service) : typeName(r.service)}, not "${SERVICE}".`,
          'Check that this is the response of the upiGetSessionToken call.',
        ),
      );
    }
  }
  const p = r.payload;
  if (!p) {
    if (r.error !== true) {
      out.push(finding('response.no-payload', 'payload', 'The response has no readable payload object, so there is no status or account list.', 'Paste the complete response.'));
    }
    return out;
  }
  if (p.action !== undefined && p.action !== null && p.action !== ACTION) {
    out.push(
      finding(
        'response.action-unexpected',
        'payload.action',
        `payload.action is ${typeof p.action === 'string' ? show(p.action) : typeName(p.action)}, not "${ACTION}": this is the answer to another action.`,
        `Paste the response whose payload.action is "${ACTION}".`,
      ),
    );
  }
  return out;
}

/** At most one finding, and only when the response was linked to a request: does it answer that request? */
function pairingFindings(r: NormalizedResponse, options: InspectResponseOptions): Finding[] {
  const want = options.requestId;
  if (want === undefined || want === '' || r.requestId === want) return [];
  const label = options.requestLabel || 'the requestId given';
  const got = r.requestId;
  return [
    finding(
      'response.request-id-mismatch',
      'requestId',
      got === undefined || got === null || got === ''
        ? `The response has no requestId, so it cannot be matched to ${show(want)} (${label}).`
        : `The response's requestId ${typeof got === 'string' ? show(got) : typeName(got)} differs from ${show(want)} (${label}): this response answers another call.`,
      'Find the response with the same requestId (the SDK echoes it), or compare it with the request that produced it.',
    ),
  ];
}

function errorFindings(r: NormalizedResponse): Finding[] {
  const out: Finding[] = [];
  const code = typeof r.errorCode === 'string' ? r.errorCode.trim() : r.errorCode;
  const hasCode = code !== undefined && code !== null && code !== '' && code !== 'null';
  if (r.error === true && !hasCode) {
    out.push(
      finding(
        'error.without-code',
        'errorCode',
        `error is true but there is no errorCode${typeof r.errorMessage === 'string' && r.errorMessage ? `; errorMessage says ${show(r.errorMessage, 200)}` : ''}.`,
        'Read errorMessage and the SDK logs around the call for the reason.',
      ),
    );
  }
  if (hasCode) {
    const info = describeErrorCode(code);
    const flag = r.error === false ? ' (although error is false)' : '';
    if (info.kind === 'documented') {
      out.push(finding('error.code', 'errorCode', `errorCode ${info.code}${flag}: ${info.meaning}`, capitalise(info.check)));
    } else if (info.kind === 'unconfirmed') {
      const msg = info.meaning
        ? `errorCode ${info.code}${flag}: probably ${info.meaning}`
        : `errorCode ${info.code}${flag}: an SDK code Juspay does not document (codes up to JP_019 exist; their meanings are unconfirmed).`;
      out.push(finding('error.code-unconfirmed', 'errorCode', msg, capitalise(info.check)));
    } else {
      out.push(finding('error.code-unknown', 'errorCode', `errorCode ${show(info.code)}${flag} is not one of the SDK codes JP_000–JP_019.`, capitalise(info.check)));
    }
  }
  const matches = matchBackendErrors(r.errorMessage);
  for (const m of matches) {
    out.push(finding('error.backend-message', 'errorMessage', `errorMessage says "${m.key}": ${m.meaning}`, capitalise(m.check)));
  }
  if (matches.length === 0 && typeof r.errorMessage === 'string' && r.errorMessage.trim() !== '' && (r.error === true || hasCode)) {
    out.push(finding('error.message', 'errorMessage', `errorMessage: ${show(r.errorMessage, 300)}`, 'Use it together with errorCode to find the cause.'));
  }
  return out;
}

function spellingFindings(s: SpellingReport): Finding[] {
  const out: Finding[] = [];
  const fields = Object.keys(s.strings);
  if (fields.length > 0) {
    const total = fields.reduce((n, f) => n + (s.strings[f] ?? 0), 0);
    const named = fields.map((f) => `${short(f)}${(s.strings[f] ?? 0) > 1 ? ` (×${s.strings[f]})` : ''}`);
    out.push(
      finding(
        'response.string-spelling',
        '',
        `${plural(total, 'value')} ${total === 1 ? 'was spelled as a string standing for a boolean, number or object' : 'were spelled as strings standing for booleans, numbers or objects'} (as in Juspay's own samples): ${list(named, 12)}. They were read as their real types.`,
        'Nothing to fix in the response; code reading it must accept both "true" and true, "6" and 6.',
      ),
    );
  }
  if (s.unreadableCount > 0) {
    const examples = s.unreadable.map((u) => `${u.path} = ${show(u.value)} (expected ${u.expected})`);
    out.push(
      finding(
        'response.unreadable',
        s.unreadable.length === 1 && s.unreadableCount === 1 ? s.unreadable[0]!.path : '',
        `${plural(s.unreadableCount, 'value')} could not be read as ${s.unreadableCount === 1 ? 'its' : 'their'} field's type and ${s.unreadableCount === 1 ? 'is' : 'are'} shown as received: ${list(examples, 5)}.`,
        'Report the values to Juspay with the requestId; an app parsing them strictly will fail here.',
      ),
    );
  }
  return out;
}

function short(pattern: string): string {
  return pattern.replace('payload.vpaAccounts[].accounts[].', 'accounts[].').replace('payload.vpaAccounts[].', 'vpaAccounts[].');
}
