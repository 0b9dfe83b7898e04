/**
 * `sign --profile NAME`: the profile's merchant fields and signing key, and the signing guard — a key
 * bound to another profile, or a kid the profile does not hold, is refused unless --allow-mismatch.
 */
import { canSign } from '../../shared/keys';
import type { Profile } from '../../shared/profile';
import { signingRefusal } from '../../shared/profile-match';
import { InspectorError } from '../../shared/result';
import type { SigningKey } from '../core/signer';
import type { SignOptions } from './commands/sign';
import type { CliContext } from './context';
import { usageError } from './errors';

/** The options, with the claims not given on the command line taken from the profile. */
export function withProfileFields(options: SignOptions, profile: Profile): SignOptions {
  return {
    ...options,
    merchantId: options.merchantId ?? profile.merchantId,
    merchantChannelId: options.merchantChannelId ?? profile.merchantChannelId,
    merchantCustomerId: options.merchantCustomerId ?? (profile.merchantCustomerId || undefined),
  };
}

/** The profile's signing key, found in the vault by its thumbprint (ids differ between machines). */
export async function profileSigningKey(ctx: CliContext, profile: Profile): Promise<SigningKey> {
  const wanted = profile.signingKey;
  if (!wanted) {
    throw usageError(`The profile "${profile.name}" has no signing key.`, { fix: 'Pass --key <vault id or kid> or --key-file <file>.' });
  }
  const vault = await ctx.vault();
  const found = (await vault.list()).find((k) => k.thumbprint === wanted.thumbprint && canSign(k));
  if (!found) {
    throw new InspectorError('key_not_found', `The signing key of the profile "${profile.name}" (kid "${wanted.kid}", thumbprint ${wanted.thumbprint}) is not in the vault.`, {
      fix: `Import it with "upi-inspector keys import <file> --kid ${wanted.kid}", or pass --key-file <file>.`,
    });
  }
  return vault.signingKey(found.id);
}

/** Refuses (profile_mismatch) or, with --allow-mismatch, warns on stderr and lets it sign. */
export function guardProfile(ctx: CliContext, signing: { profile: Profile; all: Profile[] }, key: SigningKey, options: SignOptions): void {
  const kid = (options.kid ?? key.info.kid).trim();
  if (kid === '') return; // the signer refuses a missing kid with its own fix
  const refusal = signingRefusal(signing.profile, signing.all, { label: key.info.label, kid, thumbprint: key.info.thumbprint });
  if (!refusal) return;
  if (!options.allowMismatch) throw new InspectorError('profile_mismatch', refusal.message, { fix: refusal.fix, field: 'keyId' });
  ctx.io.stderr(`upi-inspector: warning: signing anyway (--allow-mismatch): ${refusal.message}\n`);
}
