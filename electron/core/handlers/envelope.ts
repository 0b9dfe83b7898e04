/** Signing and verification channels: the private key is looked up here and never leaves the core. */
import { inspectRequest } from '../inspect';
import { signEnvelope } from '../signer';
import type { PartialHandlerTable } from './types';

export const envelopeHandlers: PartialHandlerTable<'envelope:sign' | 'envelope:verify'> = {
  'envelope:sign': async ({ fields, keyId }, ctx) => signEnvelope(fields, ctx.vault.signingKey(keyId)),
  // The same verdict as inspect:request, at the current time: one reader, one evidence builder.
  'envelope:verify': async ({ text, publicKey }, ctx) => inspectRequest({ text, publicKey }, ctx.vault, ctx.now()),
};
