/**
 * `inspectResponseText`: what a pasted upiGetSessionToken response says and what is off about it, as
 * findings, plus the normalised response for tables. Per-account problems are summarised in one finding
 * per kind, so 10,000 accounts give a handful of findings, not 10,000. Total: never throws.
 */
import type { ResponseInspection } from '../contract';
import { ACTION, SERVICE } from '../envelope';
import {
  RESPONSE_EVENT,
  INITIATE_EVENT,
  describeErrorCode,
  describeStatus,
  matchBackendErrors,
  parseResponseText,
  type NormalizedAccount,
  type NormalizedResponse,
  type SpellingReport,
} from '../response';
import { finding, sortFindings } from './catalog';
import { internalError } from './request';
import type { Finding } from './types';
import { list, plural, show, typeName } from '../words';

export interface InspectResponseOptions {
  /** The request's id, to say whether this response answers it. */
  requestId?: string;
}

/** The contract's ResponseInspection, as this module fills it. */
export type ResponseInspectionResult = ResponseInspection;

/** Allowed lengths per bank practice: MPIN 4 or 6 digits, OTP 4–8, ATM PIN 4 or 6. */
export const LENGTH_RULES = {
  mpinLength: { label: 'MPIN length', allowed: (n: number) => n === 4 || n === 6, words: '4 or 6' },
  otpLength: { label: 'OTP length', allowed: (n: number) => n >= 4 && n <= 8 && Number.isInteger(n), words: '4 to 8' },
  atmPinLength: { label: 'ATM PIN length', allowed: (n: number) => n === 4 || n === 6, words: '4 or 6' },
} as const;

const EXAMPLES = 5;

export function inspectResponseText(text: string, options: InspectResponseOptions = {}): ResponseInspectionResult {
  try {
    return inspect(text, options ?? {});
  } catch (error) {
    return { findings: [internalError(error)] };
  }
}

function inspect(text: string, options: InspectResponseOptions): ResponseInspectionResult {
  const parsed = parseResponseText(text);
  if (!parsed.ok) {
    if (parsed.reason === 'empty') {
      return {
        findings: [finding('input.empty', '', 'Nothing to inspect: the text is empty.', 'Paste the upiGetSessionToken response JSON (or the log line that contains it).')],
      };
    }
    if (parsed.reason === 'json') {
      return {
        findings: [
          finding(
            'json.invalid',
            '',
            parsed.message,
            `Fix the JSON at line ${parsed.line ?? 1}, column ${parsed.column ?? 1}, or copy the response again in full.`,
          ),
        ],
      };
    }
    return {
      findings: [
        finding(
          'input.not-response',
          '',
          parsed.message.charAt(0).toUpperCase() + parsed.message.slice(1),
          parsed.looksLikeRequest
            ? 'Inspect it as a request instead.'
            : 'Paste the JSON the SDK returned in its callback for process (event process_result).',
        ),
      ],
    };
  }
  const out: Finding[] = [];
  const r = parsed.response;
  if (parsed.source === 'log-line' && parsed.foundAt) {
    out.push(
      finding('input.found-in-log', '', `The JSON was found inside the text at line ${parsed.foundAt.line}, column ${parsed.foundAt.column}; the text around it was ignored.`, 'Nothing to fix.'),
    );
  }
  if (parsed.source === 'json-string') {
    out.push(finding('input.json-string', '', 'The paste is a JSON string that holds the response; it was unwrapped.', 'Nothing to fix.'));
  }
  out.push(...envelopeChecks(r, options, parsed.shape));
  out.push(...errorChecks(r));
  out.push(...payloadChecks(r));
  out.push(...spellingChecks(parsed.spelling));
  const result: ResponseInspectionResult = { findings: sortFindings(out), response: r, spelling: parsed.spelling, shape: parsed.shape };
  return result;
}

function envelopeChecks(r: NormalizedResponse, options: InspectResponseOptions, shape: 'envelope' | 'payload-only'): Finding[] {
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
  const want = options.requestId;
  if (want !== undefined && want !== '' && r.requestId !== want) {
    out.push(
      finding(
        'response.request-id-mismatch',
        'requestId',
        r.requestId === undefined || r.requestId === null
          ? `The response has no requestId, so it cannot be matched to the request ${show(want)}.`
          : `The response's requestId ${typeof r.requestId === 'string' ? show(r.requestId) : typeName(r.requestId)} is not the request's ${show(want)}: this answers another call.`,
        'Find the response with the same requestId (the SDK echoes it), or compare against the request that produced this response.',
      ),
    );
  }
  const p = r.payload;
  if (!p) {
    if (r.error !== true) {
      out.push(
        finding('response.no-payload', 'payload', 'The response has no readable payload object, so there is no status or account list.', 'Paste the complete response.'),
      );
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

function errorChecks(r: NormalizedResponse): Finding[] {
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
      out.push(
        finding(
          'error.code-unconfirmed',
          'errorCode',
          info.meaning
            ? `errorCode ${info.code}${flag}: probably ${info.meaning}`
            : `errorCode ${info.code}${flag}: an SDK code Juspay does not document (codes up to JP_019 exist; their meanings are unconfirmed).`,
          capitalise(info.check),
        ),
      );
    } else {
      out.push(
        finding(
          'error.code-unknown',
          'errorCode',
          `errorCode ${show(info.code)}${flag} is not one of the SDK codes JP_000–JP_019.`,
          capitalise(info.check),
        ),
      );
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

function payloadChecks(r: NormalizedResponse): Finding[] {
  const out: Finding[] = [];
  const p = r.payload;
  if (!p) return out;
  const status = p.status;
  const linked = status === 'LINKED';
  if (status === undefined || status === null || status === '') {
    if (r.error !== true) {
      out.push(finding('status.missing', 'payload.status', 'payload.status is missing, so the user’s state is unknown.', 'Paste the complete response; a successful call always has a status.'));
    }
  } else if (typeof status !== 'string') {
    out.push(finding('status.unknown', 'payload.status', `payload.status is ${typeName(status)}, not a status name.`, 'Check which SDK and version produced this response.'));
  } else {
    const info = describeStatus(status);
    const id = info.kind === 'documented' ? 'status.meaning' : info.kind === 'sibling' ? 'status.sibling' : 'status.unknown';
    out.push(finding(id, 'payload.status', info.kind === 'unknown' ? info.meaning : `Status ${status}: ${info.meaning}`, `Next: ${info.nextStep}`));
  }

  // Device state vs status.
  if (typeof status === 'string' && typeof p.isDeviceBound === 'boolean') {
    if ((status === 'LINKED' || status === 'BOUND') && p.isDeviceBound === false) {
      out.push(
        finding(
          'device.state-mismatch',
          'payload.isDeviceBound',
          `status is ${status} (registered on this device) but isDeviceBound is false.`,
          'Ask Juspay which one holds; bind the device again if payments fail.',
        ),
      );
    } else if ((status === 'FRESH' || status === 'NOPERMISSION') && p.isDeviceBound === true) {
      out.push(
        finding(
          'device.state-mismatch',
          'payload.isDeviceBound',
          `status is ${status} (not registered) but isDeviceBound is true.`,
          'Ask Juspay which one holds; the device binding may be stale.',
        ),
      );
    }
  }
  if (p.prefix !== undefined && p.prefix !== null && p.prefix !== '' && !(typeof p.prefix === 'string' && /^[A-Za-z]{3}$/.test(p.prefix))) {
    out.push(
      finding(
        'prefix.unusual',
        'payload.prefix',
        `prefix is ${typeof p.prefix === 'string' ? show(p.prefix) : typeName(p.prefix)}; it is normally the 3-letter bank handle prefix (e.g. AXB), the first 3 characters of every upiRequestId.`,
        'Check the value with Juspay if upiRequestIds built from it are rejected.',
      ),
    );
  }

  // Accounts.
  const vpas = p.vpaAccounts;
  let accountCount = 0;
  for (const v of vpas) accountCount += v.accounts.length;
  if (linked && accountCount === 0) {
    out.push(
      finding(
        'accounts.linked-without-accounts',
        'payload.vpaAccounts',
        vpas.length === 0
          ? 'status is LINKED but vpaAccounts is empty or missing: LINKED means accounts were found.'
          : `status is LINKED but none of the ${plural(vpas.length, 'VPA')} has any account.`,
        'Paste the complete response; if it really has no accounts, report it to Juspay with the requestId.',
      ),
    );
  }
  if (!linked && typeof status === 'string' && accountCount > 0) {
    out.push(
      finding(
        'accounts.unexpected',
        'payload.vpaAccounts',
        `status is ${show(status)} but ${plural(accountCount, 'account')} ${accountCount === 1 ? 'is' : 'are'} listed; accounts appear only when status is LINKED.`,
        'Treat the status as authoritative and report the inconsistency to Juspay with the requestId.',
      ),
    );
  }

  // VPAs seen twice.
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  for (const v of vpas) {
    if (typeof v.vpa !== 'string' || v.vpa === '') continue;
    const key = v.vpa.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 2) duplicates.push(v.vpa);
  }
  if (duplicates.length > 0) {
    out.push(
      finding(
        'vpa.duplicate',
        'payload.vpaAccounts',
        `${duplicates.length === 1 ? 'The VPA' : 'The VPAs'} ${list(duplicates.map((d) => show(d)), EXAMPLES)} appear${duplicates.length === 1 ? 's' : ''} more than once in vpaAccounts (VPAs are case-insensitive).`,
        'Show each VPA once (merge their accounts) and report the duplicate to Juspay with the requestId.',
      ),
    );
  }

  // Per-account checks, summarised.
  const noMpin: string[] = [];
  let firstNoMpin = '';
  let topupPending = 0;
  let firstTopup = '';
  const notNumeric = new Map<string, { count: number; first: string; examples: string[] }>();
  const unusual = new Map<string, { count: number; first: string; examples: string[] }>();
  for (let vi = 0; vi < vpas.length; vi++) {
    const accounts = vpas[vi]!.accounts;
    for (let ai = 0; ai < accounts.length; ai++) {
      const a = accounts[ai]!;
      const at = `payload.vpaAccounts[${vi}].accounts[${ai}]`;
      if (a.mpinSet === false) {
        if (noMpin.length === 0) firstNoMpin = `${at}.mpinSet`;
        noMpin.push(accountName(a, vpas[vi]!.vpa));
      }
      if (a.isInitialTopUpDone === 'topup_txn_pending') {
        if (topupPending === 0) firstTopup = `${at}.isInitialTopUpDone`;
        topupPending++;
      }
      for (const field of ['mpinLength', 'otpLength', 'atmPinLength'] as const) {
        const v = a[field];
        if (v === undefined || v === null) continue;
        if (typeof v !== 'number') {
          bump(notNumeric, field, `${at}.${field}`, `${accountName(a, vpas[vi]!.vpa)}: ${show(v)}`);
        } else if (!LENGTH_RULES[field].allowed(v)) {
          bump(unusual, field, `${at}.${field}`, `${accountName(a, vpas[vi]!.vpa)}: ${v}`);
        }
      }
    }
  }
  if (noMpin.length > 0) {
    out.push(
      finding(
        'account.mpin-not-set',
        noMpin.length === 1 ? firstNoMpin : 'payload.vpaAccounts[].accounts[].mpinSet',
        `${noMpin.length === 1 ? 'One account has' : `${noMpin.length} accounts have`} mpinSet false: ${list(noMpin, EXAMPLES)}. The user cannot pay from ${noMpin.length === 1 ? 'it' : 'them'} until an MPIN is set.`,
        'Take the user through "set UPI PIN" (debit card or Aadhaar OTP) for these accounts before paying.',
      ),
    );
  }
  for (const [field, s] of notNumeric) {
    const rule = LENGTH_RULES[field as keyof typeof LENGTH_RULES];
    out.push(
      finding(
        'account.length-not-numeric',
        s.count === 1 ? s.first : `payload.vpaAccounts[].accounts[].${field}`,
        `${capitalise(rule.label)} is not a number in ${plural(s.count, 'account')}: ${list(s.examples, EXAMPLES)}. The PIN/OTP screen needs a digit count.`,
        `Report it to Juspay with the requestId; banks use ${rule.words} digits.`,
      ),
    );
  }
  for (const [field, s] of unusual) {
    const rule = LENGTH_RULES[field as keyof typeof LENGTH_RULES];
    out.push(
      finding(
        'account.length-unusual',
        s.count === 1 ? s.first : `payload.vpaAccounts[].accounts[].${field}`,
        `${capitalise(rule.label)} is outside what banks use (${rule.words} digits) in ${plural(s.count, 'account')}: ${list(s.examples, EXAMPLES)}.`,
        'Check with Juspay/the bank; a PIN pad sized from this value will not accept the user’s PIN.',
      ),
    );
  }
  if (topupPending > 0) {
    out.push(
      finding(
        'account.topup-pending',
        topupPending === 1 ? firstTopup : 'payload.vpaAccounts[].accounts[].isInitialTopUpDone',
        `${plural(topupPending, 'UPI Lite account')} ${topupPending === 1 ? 'has' : 'have'} isInitialTopUpDone "topup_txn_pending": the first top-up is still being processed (rare; it updates about every 10 minutes).`,
        'Wait and call upiGetSessionToken again later.',
      ),
    );
  }
  return out;
}

function bump(m: Map<string, { count: number; first: string; examples: string[] }>, field: string, path: string, example: string): void {
  const s = m.get(field);
  if (!s) m.set(field, { count: 1, first: path, examples: [example] });
  else {
    s.count++;
    if (s.examples.length < EXAMPLES + 1) s.examples.push(example);
  }
}

function accountName(a: NormalizedAccount, vpa: unknown): string {
  const bank = typeof a.bankName === 'string' ? a.bankName : typeof a.bankCode === 'string' ? a.bankCode : 'account';
  const number = typeof a.maskedAccountNumber === 'string' ? ` ${a.maskedAccountNumber}` : '';
  const on = typeof vpa === 'string' && vpa ? ` (${vpa})` : '';
  return `${bank}${number}${on}`;
}

function spellingChecks(s: SpellingReport): Finding[] {
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
        `${plural(s.unreadableCount, 'value')} could not be read as ${s.unreadableCount === 1 ? 'its' : 'their'} field's type and ${s.unreadableCount === 1 ? 'is' : 'are'} shown as received: ${list(examples, EXAMPLES)}.`,
        'Report the values to Juspay with the requestId; an app parsing them strictly will fail here.',
      ),
    );
  }
  return out;
}

function short(pattern: string): string {
  return pattern.replace('payload.vpaAccounts[].accounts[].', 'accounts[].').replace('payload.vpaAccounts[].', 'vpaAccounts[].');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
