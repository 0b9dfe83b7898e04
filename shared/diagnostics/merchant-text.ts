/**
 * Findings as plain text people can forward: one finding (its message, where, the fix) and a whole
 * verdict for the merchant (the cause and the fix in their words, what else to change, one line per key
 * checked). The one home for both, so the window's copy buttons and the CLI's `--format merchant` say
 * the same thing. No finding ids, no "Nothing to fix", no walls of thumbprints: the merchant reads about
 * their request, not about the inspector.
 */
import { ENVIRONMENT_WORDS, merchantWords, type MerchantFacts } from '../case/merchant-words';
import { isRecord } from '../guards';
import type { Verdict } from '../verdict';
import { pickCause } from './cause';
import type { FindingId } from './catalog';
import type { Finding, KeyTried, Severity } from './types';

/** Findings about the inspector's own keys and input handling: nothing the merchant can change. */
const INSPECTOR_SIDE = new Set<string>([
  'header.kid-unknown',
  'header.kid-shared',
  'signature.no-keys',
  'signature.not-checked',
  'signature.pasted-key-invalid',
  'case.redacted',
  'inspector.internal-error',
] satisfies FindingId[]);

const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** True when a fix only says there is nothing to do (those lines are noise, never shown). */
export function isNothingToFix(fix: string): boolean {
  return fix.trim() === '' || /^Nothing to fix\b/i.test(fix.trim());
}

/** Where a finding points, in words: the field's path, or the whole input. */
export function whereText(path: string): string {
  return path ? path : 'the whole input';
}

/** One finding as plain text: severity and message, where, and the fix (when there is one). */
export function findingText(f: Finding): string {
  const lines = [`${SEVERITY_WORD[f.severity]}: ${f.message}`, `Where: ${whereText(f.path)}`];
  if (!isNothingToFix(f.fix)) lines.push(`Fix: ${f.fix}`);
  return lines.join('\n');
}

export interface MerchantTextOptions {
  /** Thumbprint of the key Juspay holds for the header's kid (from the profile). */
  registered?: string;
}

/** A request's verdict for the merchant: what is wrong, what to change, what else to fix, which keys were checked. */
export function merchantTextForVerdict(verdict: Verdict, options: MerchantTextOptions = {}): string {
  const header = isRecord(verdict.decoded.header) ? verdict.decoded.header : {};
  const kid = typeof header.kid === 'string' && header.kid ? header.kid : undefined;
  const signer = verdict.verifiedBy ?? verdict.tried.find((k) => k.verifiesIf !== undefined);
  const facts: MerchantFacts = {
    ...(kid ? { kid } : {}),
    ...(verdict.profile ? { environment: ENVIRONMENT_WORDS[verdict.profile.environment] } : {}),
    ...(signer ? { signedBy: signer.thumbprint } : {}),
    ...(options.registered ? { registered: options.registered } : {}),
  };
  const cause = verdict.cause ? verdict.findings.find((f) => f.id === verdict.cause && !f.causedBy) : undefined;
  const lines: string[] = [];
  if (cause) {
    const words = merchantWords(cause, facts);
    lines.push('Why your upiGetSessionToken call fails', '', `Cause: ${words.cause}`, `Fix: ${words.fix}`);
  } else if (verdict.valid === true) {
    lines.push('Your upiGetSessionToken request is signed correctly', '', 'Cause: none found — the signature verifies over the bytes you sent.', 'Fix: nothing to change in how the request is signed.');
  } else {
    lines.push('About your upiGetSessionToken request', '', 'Cause: nothing in the request explains a failure, but the signature could not be checked here.');
  }
  lines.push(...alsoLines(verdict.findings, cause, facts));
  const keys = keyLines(verdict.tried);
  if (keys.length) lines.push('', 'Keys checked:', ...keys);
  const facts2 = requestFacts(verdict, kid);
  if (facts2.length) lines.push('', ...facts2);
  return lines.join('\n');
}

/** A response's findings for the merchant: the first error as the cause, then what else to check. */
export function merchantTextForResponse(findings: Finding[]): string {
  const id = pickCause(findings);
  const cause = (id ? findings.find((f) => f.id === id && !f.causedBy) : undefined) ?? findings.find((f) => f.severity === 'error' && !f.causedBy);
  const lines: string[] = [];
  if (cause) {
    const words = merchantWords(cause, {});
    lines.push('What the upiGetSessionToken response says went wrong', '', `Cause: ${words.cause}`);
    if (!isNothingToFix(words.fix)) lines.push(`Fix: ${words.fix}`);
  } else {
    lines.push('The upiGetSessionToken response shows no error', '');
    const meaning = findings.find((f) => f.id === 'status.meaning');
    lines.push(meaning ? meaning.message : 'Nothing in the response needs fixing.');
  }
  lines.push(...alsoLines(findings, cause, {}));
  return lines.join('\n');
}

/** Every other problem (errors and warnings that are not consequences), one line each. */
function alsoLines(findings: Finding[], cause: Finding | undefined, facts: MerchantFacts): string[] {
  const others = findings.filter((f) => f !== cause && f.severity !== 'info' && !f.causedBy && !INSPECTOR_SIDE.has(f.id));
  if (others.length === 0) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of others) {
    const words = merchantWords(f, facts);
    const line = `- ${f.path ? `${f.path}: ` : ''}${words.cause}${isNothingToFix(words.fix) ? '' : ` ${words.fix}`}`;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return ['', 'Also to check:', ...out];
}

/** One line per key: its kid, size and the start of its thumbprint, and whether it verifies. */
function keyLines(tried: KeyTried[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of tried) {
    if (seen.has(k.thumbprint)) continue;
    seen.add(k.thumbprint);
    const kid = k.kid ? `kid ${k.kid}` : 'no kid';
    const bits = k.bits > 0 ? `, ${k.bits}-bit` : '';
    const thumb = k.thumbprint ? `, thumbprint ${k.thumbprint.slice(0, 12)}…` : '';
    const result = k.valid ? 'verifies this request' : k.verifiesIf ? 'made this signature, but not over the bytes sent' : 'does not verify it';
    out.push(`- ${k.source === 'pasted' ? 'the public key you sent' : 'key'} (${kid}${bits}${thumb}): ${result}`);
  }
  return out;
}

function requestFacts(verdict: Verdict, kid: string | undefined): string[] {
  const claims = isRecord(verdict.decoded.claims) ? verdict.decoded.claims : {};
  const out: string[] = [];
  if (verdict.decoded.requestId) out.push(`requestId: ${verdict.decoded.requestId}`);
  if (typeof claims.merchantId === 'string' && claims.merchantId) out.push(`merchantId: ${claims.merchantId}`);
  if (kid) out.push(`kid: ${kid}`);
  return out;
}
