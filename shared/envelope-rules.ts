/**
 * The upiGetSessionToken request's constants, fields and field rules, without zod: the window's first
 * screen (Compose) checks each field with these while zod stays out of its script. `envelope.ts` builds
 * the contract's schema from the same messages, and a test holds the two to the same answers.
 */
import { UUID_V4 } from './request-ids';

/** The one service this call belongs to; sibling products use others (domain.md §1). */
export const SERVICE = 'in.juspay.hyperapi';
export const ACTION = 'upiGetSessionToken';
export const ALG = 'RS256';
/** Default session/auth expiry (domain.md §2): a captured request stops working after this. */
export const MAX_TIMESTAMP_AGE_MS = 15 * 60 * 1000;
/** A timestamp this far ahead of `now` is still accepted as clock skew. The server's real tolerance is not documented. */
export const FUTURE_SKEW_MS = 2 * 60 * 1000;
/** Actions that share this envelope and signed triplet (domain.md §6). */
export const SIBLING_ACTIONS = ['initiate', 'onboardingAndPay', 'management', 'updateAuth', 'incomingIntent'] as const;
export const OTHER_SERVICES = ['in.juspay.ec', 'in.juspay.hyperpay'] as const;

export { UUID_V4 };
export const EPOCH_MS = /^\d{13}$/;

/** What a support engineer types in the compose form; everything the signer needs but the key. */
export interface EnvelopeFields {
  requestId: string;
  service: string;
  action: string;
  merchantId: string;
  merchantCustomerId: string;
  merchantChannelId: string;
  timestamp: string;
}

export type EnvelopeFieldName = keyof EnvelopeFields;

const issuedByJuspay = (name: string) => `${name} is required: type the value Juspay issued for this merchant.`;

/** Each field's messages: `required` (absent, or blank where blanks are trimmed) and `format` (a pattern broken). */
export const FIELD_MESSAGES = {
  requestId: { required: 'requestId is required: generate a uuid v4.', format: 'requestId must be a uuid v4 (xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx): generate a new one.' },
  service: { required: `service is required: use ${SERVICE}.` },
  action: { required: `action is required: use ${ACTION}.` },
  merchantId: { required: issuedByJuspay('merchantId') },
  merchantCustomerId: { required: 'merchantCustomerId is required: use the merchant’s profile id for this customer.' },
  merchantChannelId: { required: issuedByJuspay('merchantChannelId') },
  timestamp: {
    required: 'timestamp is required: epoch milliseconds as a string, e.g. "1668389349848".',
    format: 'timestamp must be epoch milliseconds as a 13-digit string, e.g. "1668389349848" (seconds have 10 digits).',
  },
} as const satisfies Record<EnvelopeFieldName, { required: string; format?: string }>;

/** The first rule `value` breaks as field `name`, in the schema's words; undefined when it keeps them all. */
export function envelopeFieldError(name: EnvelopeFieldName, value: unknown): string | undefined {
  const messages: { required: string; format?: string } = FIELD_MESSAGES[name];
  if (typeof value !== 'string') return messages.required;
  if (name === 'requestId') return UUID_V4.test(value) ? undefined : messages.format;
  if (name === 'timestamp') return EPOCH_MS.test(value) ? undefined : messages.format;
  return value.trim() === '' ? messages.required : undefined;
}

/** The fields in the schema's order (the order its first complaint follows). */
export const ENVELOPE_FIELD_NAMES = ['requestId', 'service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'] as const satisfies readonly EnvelopeFieldName[];
/** The schema trims these before its checks; the others are read as typed. */
const TRIMMED: ReadonlySet<EnvelopeFieldName> = new Set(['service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId']);

export type ReadFields = { ok: true; fields: EnvelopeFields } | { ok: false; field: EnvelopeFieldName; message: string };

/** The fields as the schema reads them (trimmed where it trims), or the first rule broken, in field order. */
export function readEnvelopeFields(input: Partial<Record<EnvelopeFieldName, unknown>>): ReadFields {
  const fields: Partial<EnvelopeFields> = {};
  for (const name of ENVELOPE_FIELD_NAMES) {
    const value = input[name];
    const message = envelopeFieldError(name, value);
    if (message !== undefined) return { ok: false, field: name, message };
    fields[name] = TRIMMED.has(name) ? (value as string).trim() : (value as string);
  }
  return { ok: true, fields: fields as EnvelopeFields };
}

/** The decoded `protected` header, in the order the signer writes it. */
export interface JwsHeader {
  kid: string;
  alg: string;
  [extra: string]: unknown;
}

/** The decoded `signaturePayload` claims, in the documented order. */
export interface SessionClaims {
  merchantId: string;
  merchantCustomerId: string;
  merchantChannelId: string;
  timestamp: string;
  [extra: string]: unknown;
}

export interface SignedPayload {
  action: string;
  protected: string;
  signaturePayload: string;
  signature: string;
}

/** The envelope the merchant's app hands to the SDK. */
export interface SessionTokenRequest {
  requestId: string;
  service: string;
  payload: SignedPayload;
}

/** Request ids come from one generator (pinned by UPI_INSPECTOR_REQUEST_IDS, otherwise uuid v4). */
export { newRequestId } from './request-ids';

/** Longest value exact-bytes mode signs in one field: far past any real one, short of a flood. */
export const MAX_EXACT_FIELD_LENGTH = 2000;
export const EXACT_MESSAGES = {
  type: (name: string) => `${name} must be a string (it may be empty in exact-bytes mode).`,
  length: (name: string) => `${name} is longer than ${MAX_EXACT_FIELD_LENGTH} characters: shorten it.`,
};

/** Exact-bytes mode (negative tests) signs any string byte for byte; only a non-string or a flood is refused. */
export function exactFieldProblem(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return EXACT_MESSAGES.type(name);
  if (value.length > MAX_EXACT_FIELD_LENGTH) return EXACT_MESSAGES.length(name);
  return undefined;
}
