/** Signing and verification channels: the private key is looked up here and never leaves the core. */
import { signRecording } from '../history/recordings';
import { inspectRequest } from '../inspect';
import { profilesOf } from '../profiles';
import { assertMaySignFor } from '../profiles/guard';
import { signEnvelope } from '../signer';
import { recordQuietly } from './history';
import type { PartialHandlerTable } from './types';

export const envelopeHandlers: PartialHandlerTable<'envelope:sign' | 'envelope:verify'> = {
  'envelope:sign': async ({ fields: checked, exact, keyId, profileId, record }, ctx) => {
    // The contract lets exactly one through: checked fields, or exact bytes (signed as given, kid override and all).
    const fields = exact?.fields ?? checked!;
    const key = ctx.vault.signingKey(keyId);
    // Signing for a profile: a key bound to another profile, or a kid it does not register, is refused here, not in the window.
    // A key without a kid is refused by the signer first (kid_missing), with its own fix.
    if (profileId !== undefined && key.info.kid.trim() !== '') await assertMaySignFor(profilesOf(ctx), profileId, { label: key.info.label, kid: key.info.kid, thumbprint: key.info.thumbprint });
    const result = exact ? signEnvelope(fields, key, { exact: true, ...(exact.kid !== undefined ? { kid: exact.kid } : {}) }) : signEnvelope(fields, key);
    // The entry names the profile signed for, as the window chose it.
    const profile = record && record.profile === undefined && profileId !== undefined ? (await profilesOf(ctx).get(profileId)).name : record?.profile;
    // Not awaited: the answer is what a typist waits for. The history records in its own queue, so a
    // history call made after this answer still finds the entry.
    if (record) void recordQuietly(ctx, signRecording(fields, keyId, result, profile === undefined ? record : { ...record, profile }));
    return result;
  },
  // The same verdict as inspect:request, at the current time: one reader, one evidence builder.
  'envelope:verify': async ({ text, publicKey, profile }, ctx) => inspectRequest({ text, publicKey, profile }, ctx.vault, ctx.now(), profilesOf(ctx)),
};
