/**
 * The request envelope's zod schema for the contract and the CLI, built from the rules and messages in
 * `envelope-rules.ts` (re-exported here, so either module names the same constants and types).
 */
import { z } from 'zod';
import { EPOCH_MS, EXACT_MESSAGES, FIELD_MESSAGES as M, MAX_EXACT_FIELD_LENGTH, UUID_V4, type EnvelopeFields } from './envelope-rules';

export * from './envelope-rules';

/** A string that must not be blank; it is trimmed. */
const required = (message: string) => z.string({ error: message }).trim().min(1, { error: message });

/** What a support engineer types in the compose form; everything the signer needs but the key. */
export const envelopeFieldsSchema = z.object({
  requestId: z.string({ error: M.requestId.required }).regex(UUID_V4, { error: M.requestId.format }),
  service: required(M.service.required),
  action: required(M.action.required),
  merchantId: required(M.merchantId.required),
  merchantCustomerId: required(M.merchantCustomerId.required),
  merchantChannelId: required(M.merchantChannelId.required),
  timestamp: z.string({ error: M.timestamp.required }).regex(EPOCH_MS, { error: M.timestamp.format }),
});

const exactField = (name: string) => z.string({ error: EXACT_MESSAGES.type(name) }).max(MAX_EXACT_FIELD_LENGTH, { error: EXACT_MESSAGES.length(name) });

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

// The schema reads exactly the fields the rules module declares.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesFields: Same<z.infer<typeof envelopeFieldsSchema>, EnvelopeFields> = true;
void schemaMatchesFields;
