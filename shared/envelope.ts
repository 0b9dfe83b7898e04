import { z } from 'zod';
import { UUID_V4 } from './request-ids';

/** The one service this call belongs to; sibling products use others (domain.md §1). */
export const SERVICE = 'in.juspay.hyperapi';
export const ACTION = 'upiGetSessionToken';
export const ALG = 'RS256';
/** Default session/auth expiry (domain.md §2): a captured request stops working after this. */
export const MAX_TIMESTAMP_AGE_MS = 15 * 60 * 1000;
/** Actions that share this envelope and signed triplet (domain.md §6). */
export const SIBLING_ACTIONS = ['initiate', 'onboardingAndPay', 'management', 'updateAuth', 'incomingIntent'] as const;
export const OTHER_SERVICES = ['in.juspay.ec', 'in.juspay.hyperpay'] as const;

export { UUID_V4 };

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
