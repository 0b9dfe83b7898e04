/** Signing and verification channels: the private key is looked up here and never leaves the core. */
import { signRecording } from '../history/recordings';
import { inspectRequest } from '../inspect';
import { signEnvelope } from '../signer';
import { recordQuietly } from './history';
import type { PartialHandlerTable } from './types';

export const envelopeHandlers: PartialHandlerTable<'envelope:sign' | 'envelope:verify'> = {
  'envelope:sign': async ({ fields, keyId, record }, ctx) => {
    const result = await signEnvelope(fields, ctx.vault.signingKey(keyId));
    if (record) await recordQuietly(ctx, signRecording(fields, keyId, result, record));
    return result;
  },
  // The same verdict as inspect:request, at the current time: one reader, one evidence builder.
  'envelope:verify': async ({ text, publicKey }, ctx) => inspectRequest({ text, publicKey }, ctx.vault, ctx.now()),
};
