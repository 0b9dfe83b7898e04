/** Signing and verification channels: the private key is looked up here and never leaves the core. */
import { inspectRequest } from '../inspect';
import { profilesOf } from '../profiles';
import { assertMaySignFor } from '../profiles/guard';
import { signEnvelope } from '../signer';
import type { PartialHandlerTable } from './types';

export const envelopeHandlers: PartialHandlerTable<'envelope:sign' | 'envelope:verify'> = {
  'envelope:sign': async ({ fields, keyId, profileId }, ctx) => {
    const key = ctx.vault.signingKey(keyId);
    // Signing for a profile: a key bound to another profile, or a kid it does not register, is refused here, not in the window.
    // A key without a kid is refused by the signer first (kid_missing), with its own fix.
    if (profileId !== undefined && key.info.kid.trim() !== '') await assertMaySignFor(profilesOf(ctx), profileId, { label: key.info.label, kid: key.info.kid, thumbprint: key.info.thumbprint });
    return signEnvelope(fields, key);
  },
  // The same verdict as inspect:request, at the current time: one reader, one evidence builder.
  'envelope:verify': async ({ text, publicKey, profile }, ctx) => inspectRequest({ text, publicKey, profile }, ctx.vault, ctx.now(), profilesOf(ctx)),
};
