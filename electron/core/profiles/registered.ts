/**
 * Registered keys in and out: pasted text is read with the one key reader and reduced to its public key
 * (SPKI PEM) and thumbprint — a private key pasted here keeps only its public half, and the caller is
 * told so; a vault key gives its public half; an imported file's keys are re-read and their stated
 * thumbprints checked. Out: each registered key as a verification candidate.
 */
import { createPublicKey } from 'node:crypto';
import type { Profile, RegisteredKey } from '../../../shared/profile';
import type { RegisteredKeyInput } from '../../../shared/profile-channels';
import { jsonDepthFailure } from '../../../shared/json';
import { InspectorError } from '../../../shared/result';
import { uncapitalise } from '../../../shared/words';
import type { Candidate } from '../candidates';
import { jwkThumbprint, publicKeyPem } from '../keys/export';
import { readKey } from '../keys/read';
import { rsaBits } from '../keys/rsa-policy';
import type { Vault } from '../vault/vault';

export interface RegisteredKeyRead {
  key: RegisteredKey;
  /** Set when a private key was pasted: what was kept. */
  note?: string;
}

/** One registered key from the save form; `index` names the field in errors (`registeredKeys.2.text`). */
export async function readRegisteredKey(input: RegisteredKeyInput, index: number, stored: Profile | undefined, vault: Vault): Promise<RegisteredKeyRead> {
  const field = (name: string) => `registeredKeys.${index}.${name}`;
  const meta = { registeredAt: input.registeredAt?.trim() ?? '', registeredBy: input.registeredBy?.trim() ?? '' };
  const kidOr = (fallback: string | undefined): string => {
    const kid = input.kid?.trim() || fallback?.trim() || '';
    if (!kid) throw new InspectorError('invalid_input', `registered key #${index + 1} has no kid.`, { fix: 'Type the kid Juspay issued for this key.', field: field('kid') });
    return kid;
  };
  if (input.thumbprint !== undefined) {
    const kept = stored?.registeredKeys.find((k) => k.thumbprint === input.thumbprint);
    if (!kept) {
      throw new InspectorError('invalid_input', `registered key #${index + 1}: this profile holds no key with thumbprint ${input.thumbprint}.`, {
        fix: 'Paste the public key itself, or pick it from the vault.',
        field: field('thumbprint'),
      });
    }
    return { key: { kid: kidOr(kept.kid), thumbprint: kept.thumbprint, publicKeyPem: kept.publicKeyPem, ...meta } };
  }
  if (input.keyId !== undefined) {
    const exported = await vault.exportPublic(input.keyId);
    return { key: { kid: kidOr(exported.kid), thumbprint: exported.thumbprint, publicKeyPem: exported.pem, ...meta } };
  }
  const text = input.text ?? '';
  // Nested inside the input, so dispatch's check of top-level text fields did not see it.
  const deep = jsonDepthFailure(text);
  if (deep) throw new InspectorError('too_deep', `registered key #${index + 1}: ${uncapitalise(deep.message)}`, { field: field('text') });
  const read = readKey(text, { field: field('text'), allowWeak: true });
  const thumbprint = await jwkThumbprint(read.publicKey);
  const kid = kidOr(read.kid);
  const key: RegisteredKey = { kid, thumbprint, publicKeyPem: publicKeyPem(read.publicKey), ...meta };
  if (read.kind !== 'private') return { key };
  return {
    key,
    note: `The key pasted for kid "${kid}" is a private key (${read.description}): only its public half was kept (thumbprint ${thumbprint}); the private part was not stored.`,
  };
}

/**
 * Checks an imported profile's keys: each publicKeyPem must read as an RSA public key whose thumbprint
 * is the one stated beside it. `at` is the profile's field path in the file.
 */
export async function checkImportedKeys(profile: Pick<Profile, 'registeredKeys'>, at: string): Promise<void> {
  for (const [i, k] of profile.registeredKeys.entries()) {
    const field = `${at}.registeredKeys[${i}]`;
    let actual: string;
    try {
      actual = await jwkThumbprint(readKey(k.publicKeyPem, { field, allowWeak: true }).publicKey);
    } catch (e) {
      const why = e instanceof InspectorError ? e.message : 'it is not a public key';
      throw new InspectorError('profiles_file_invalid', `The profiles file is refused at ${field}.publicKeyPem: ${why}`, { field: `${field}.publicKeyPem` });
    }
    if (actual !== k.thumbprint) {
      throw new InspectorError(
        'profiles_file_invalid',
        `The profiles file is refused at ${field}.thumbprint: it says ${k.thumbprint}, but the public key beside it has thumbprint ${actual}.`,
        { field: `${field}.thumbprint` },
      );
    }
  }
}

/** A profile's registered keys as candidates for the evidence builder, labelled "Juspay holds (Acme UAT)". */
export function profileCandidates(profile: Profile): Candidate[] {
  return profile.registeredKeys.map((k) => {
    const key = createPublicKey(k.publicKeyPem);
    return { keyId: `profile:${profile.id}:${k.kid}`, source: 'profile' as const, label: `Juspay holds (${profile.name})`, kid: k.kid, thumbprint: k.thumbprint, bits: rsaBits(key), key };
  });
}
