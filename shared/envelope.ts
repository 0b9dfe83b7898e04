import { z } from 'zod';

/** The one service this call belongs to; sibling products use others (domain.md §1). */
export const SERVICE = 'in.juspay.hyperapi';
export const ACTION = 'upiGetSessionToken';
export const ALG = 'RS256';
/** Default session/auth expiry (domain.md §2): a captured request stops working after this. */
export const MAX_TIMESTAMP_AGE_MS = 15 * 60 * 1000;
/** Actions that share this envelope and signed triplet (domain.md §6). */
export const SIBLING_ACTIONS = ['initiate', 'onboardingAndPay', 'management', 'updateAuth', 'incomingIntent'] as const;
export const OTHER_SERVICES = ['in.juspay.ec', 'in.juspay.hyperpay'] as const;

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const nonEmpty = (name: string) =>
  z.string({ error: `${name} is required: type the value Juspay issued for this merchant.` }).trim().min(1, {
    error: `${name} is required: type the value Juspay issued for this merchant.`,
  });

/** What a support engineer types in the compose form; everything the signer needs but the key. */
export const envelopeFieldsSchema = z.object({
  requestId: z
    .string({ error: 'requestId is required: generate a uuid v4.' })
    .regex(UUID_V4, { error: 'requestId must be a uuid v4 (xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx): generate a new one.' }),
  service: z.string().trim().min(1, { error: `service is required: use ${SERVICE}.` }),
  action: z.string().trim().min(1, { error: `action is required: use ${ACTION}.` }),
  merchantId: nonEmpty('merchantId'),
  merchantCustomerId: z
    .string({ error: 'merchantCustomerId is required: use the merchant’s profile id for this customer.' })
    .trim()
    .min(1, { error: 'merchantCustomerId is required: use the merchant’s profile id for this customer.' }),
  merchantChannelId: nonEmpty('merchantChannelId'),
  timestamp: z
    .string({ error: 'timestamp is required: epoch milliseconds as a string, e.g. "1668389349848".' })
    .regex(/^\d{13}$/, {
      error: 'timestamp must be epoch milliseconds as a 13-digit string, e.g. "1668389349848" (seconds have 10 digits).',
    }),
});
export type EnvelopeFields = z.infer<typeof envelopeFieldsSchema>;

/** Longest value exact-bytes mode signs in one field: far past any real one, short of a flood. */
export const MAX_EXACT_FIELD_LENGTH = 2000;
const exactField = (name: string) =>
  z.string({ error: `${name} must be a string (it may be empty in exact-bytes mode).` }).max(MAX_EXACT_FIELD_LENGTH, {
    error: `${name} is longer than ${MAX_EXACT_FIELD_LENGTH} characters: shorten it.`,
  });

/**
 * Exact-bytes mode, for negative tests: every field signed byte for byte as typed — no trimming, any
 * timestamp string (seconds, ISO, empty), no uuid check. The inspector's findings say what is wrong.
 */
export const exactFieldsSchema = z.object({
  requestId: exactField('requestId'),
  service: exactField('service'),
  action: exactField('action'),
  merchantId: exactField('merchantId'),
  merchantCustomerId: exactField('merchantCustomerId'),
  merchantChannelId: exactField('merchantChannelId'),
  timestamp: exactField('timestamp'),
});

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

/** A fresh uuid v4 from any runtime with Web Crypto (browsers, Node ≥ 19). */
export function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}
