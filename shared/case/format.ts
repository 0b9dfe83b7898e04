/**
 * A case file (`.upicase.json`): one ticket's evidence in one file a support engineer can hand on —
 * the request and its verdict as the main side made it, the response and its findings, the merchant
 * profile without keys, the keys tried by thumbprint, who exported it and when, a note, and, for a log,
 * the session's calls and findings. Personal data is masked on export; `masking` lists every path.
 */
import type { Finding, KeyTried } from '../diagnostics/types';
import type { LogSession } from '../logs/session';
import type { Environment } from '../profile';
import type { Verdict } from '../verdict';

export const CASE_FORMAT = 'upi-inspector.case';

/** True when the text is (or claims to be) a case file: a JSON object whose `format` is the case format. */
export function looksLikeCase(text: string): boolean {
  const head = text.slice(0, 4096);
  return head.trimStart().startsWith('{') && head.includes(`"${CASE_FORMAT}"`);
}
export const CASE_VERSION = 1;
export const CASE_EXTENSION = '.upicase.json';

/** masked: personal data masked, signed segments untouched; full-redaction: merchantCustomerId masked inside the claims too. */
export const MASKING_MODES = ['masked', 'full-redaction'] as const;
export type MaskingMode = (typeof MASKING_MODES)[number];

/** What kind of value a masked path held. */
export const MASK_RULES = [
  'mobile-number',
  'account-number',
  'account-holder-name',
  'device-fingerprint',
  'bank-account-unique-id',
  'reference-id',
  'other-info',
  'vpa',
  'merchant-customer-id',
  'private-key',
] as const;
export type MaskRule = (typeof MASK_RULES)[number];

export interface MaskedPath {
  /** Where in the case: `response.payload.vpaAccounts[0].vpa`, `session.calls[2].request.payload.signaturePayload.merchantCustomerId`. */
  path: string;
  rule: MaskRule;
}

export interface CaseMasking {
  mode: MaskingMode;
  /** True when the signed segments are as received, so the signature can still be checked against this file. */
  signatureCheckable: boolean;
  /** What was masked and what that means for verifying, in plain words. */
  statement: string;
  masked: MaskedPath[];
}

export interface CaseRequest {
  /** What the merchant's app sent, as pasted (masked). */
  text: string;
  /** The reference time the verdict was made at, epoch ms: re-verifying uses it by default. */
  referenceMs: number;
  /** The verdict as the main side made it when the case was exported (masked like the text). */
  verdict: Verdict;
}

export interface CaseResponse {
  text: string;
  findings: Finding[];
  /** The requestId the response was compared with, when it was linked to a request. */
  linkedRequestId: string | null;
}

/** A merchant profile without keys: who the merchant is, and which key Juspay holds per kid. */
export interface CaseProfile {
  name: string;
  environment: Environment;
  merchantId: string;
  merchantChannelId: string;
  registeredKeys: Array<{ kid: string; thumbprint: string }>;
}

/** A key tried against the request's signature, by thumbprint (no vault id, no key material). */
export type CaseKey = Omit<KeyTried, 'keyId'>;

export interface CaseSessionSource {
  kind: 'file' | 'drop' | 'paste' | 'capture' | 'cli';
  /** File name, "Pasted log", or the device serial. */
  name: string;
  lines: number;
  bytes: number;
}

export interface CaseSession {
  source: CaseSessionSource;
  log: LogSession;
}

export interface CaseFile {
  format: typeof CASE_FORMAT;
  version: typeof CASE_VERSION;
  /** ISO 8601. */
  createdAt: string;
  app: { name: string; version: string };
  note: string;
  masking: CaseMasking;
  request?: CaseRequest;
  response?: CaseResponse;
  profile?: CaseProfile;
  keysTried: CaseKey[];
  session?: CaseSession;
}

/** The file's text: pretty JSON, one trailing newline. */
export function caseJson(file: CaseFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name for a case: the requestId (or the log's name) and the day, e.g. `case-9b2f4c1e-2026-12-01.upicase.json`. */
export function caseFileName(file: Pick<CaseFile, 'createdAt' | 'request' | 'response' | 'session'>): string {
  const id = file.request?.verdict.decoded.requestId ?? file.response?.linkedRequestId ?? file.session?.source.name ?? 'request';
  const short = id.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'request';
  return `case-${short}-${file.createdAt.slice(0, 10)}${CASE_EXTENSION}`;
}
