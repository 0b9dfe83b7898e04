/** Signing and verification channels: the private key is looked up here and never leaves the core. */
import { signEnvelope } from '../signer';
import { pastedCandidate, vaultCandidates, verifyEnvelope } from '../verifier';
import type { Vault } from '../vault';
import type { PartialHandlerTable } from './types';

export const envelopeHandlers: PartialHandlerTable<'envelope:sign' | 'envelope:verify'> = {
  'envelope:sign': async ({ fields, keyId }, ctx) => signEnvelope(fields, ctx.vault.signingKey(keyId)),
  'envelope:verify': async ({ text, publicKey }, ctx) => {
    const pasted = publicKey?.trim() ? [await pastedCandidate(publicKey)] : [];
    return verifyEnvelope(text, [...pasted, ...vaultCandidates(ctx.vault.publicKeys())], { vaultNote: await vaultNote(ctx.vault) });
  },
};

/** Why the vault contributed no keys, if it did not. */
async function vaultNote(vault: Vault): Promise<string | undefined> {
  const status = await vault.status();
  if (status.state === 'locked') return 'the key vault is locked, so its keys were not tried';
  if (status.state === 'damaged') return 'the key vault file is damaged, so its keys were not tried';
  return undefined;
}
