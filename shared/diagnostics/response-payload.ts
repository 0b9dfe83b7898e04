/**
 * Findings about a response's payload: the status and its next step, device state against the status,
 * the bank prefix, and the accounts. Per-account problems are summarised in one finding per kind, so
 * 10,000 accounts give a handful of findings, not 10,000.
 */
import { describeStatus, type NormalizedAccount, type NormalizedPayload, type NormalizedResponse } from '../response';
import { finding } from './catalog';
import type { Finding } from './types';
import { capitalise, list, plural, show, typeName } from '../words';

/** Allowed lengths per bank practice: MPIN 4 or 6 digits, OTP 4–8, ATM PIN 4 or 6. */
export const LENGTH_RULES = {
  mpinLength: { label: 'MPIN length', allowed: (n: number) => n === 4 || n === 6, words: '4 or 6' },
  otpLength: { label: 'OTP length', allowed: (n: number) => n >= 4 && n <= 8 && Number.isInteger(n), words: '4 to 8' },
  atmPinLength: { label: 'ATM PIN length', allowed: (n: number) => n === 4 || n === 6, words: '4 or 6' },
} as const;

const EXAMPLES = 5;

/** Status (with its meaning and next step), device state, prefix and accounts; none without a payload. */
export function payloadFindings(r: NormalizedResponse): Finding[] {
  const out: Finding[] = [];
  const p = r.payload;
  if (!p) return out;
  const status = p.status;
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

  out.push(...accountFindings(p, status));
  return out;
}

/** The account list against the status, VPAs listed twice, and per-account problems summarised. */
function accountFindings(p: NormalizedPayload, status: NormalizedPayload['status']): Finding[] {
  const out: Finding[] = [];
  const linked = status === 'LINKED';
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

