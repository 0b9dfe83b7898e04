/**
 * The vault's keys as a map from id to key, and the rules for changing it: no key twice, labels and
 * ids made up when not given, warnings (shared kid, weak key) instead of refusals, and which key may sign.
 * Pure: the Vault applies these to a draft copy and writes it before making it current.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { basename, extname } from 'node:path';
import { InspectorError } from '../../../shared/result';
import { MIN_SIGNING_BITS, type KeyInfo, type KeyInfoWithWarnings, type KeySize } from '../../../shared/keys';
import { keyWarnings } from '../key-warnings';
import type { ReadKey } from '../keys/read';
import { OPENSSL_GENERATE } from '../keys/rsa-policy';
import type { VaultKey } from './store';

export interface ImportKeyInput {
  /** The key as text (PEM, JWK…); or */
  text?: string;
  /** a key file's bytes, base64 (DER, and files that turn out to be text). */
  bytes?: string;
  passphrase?: string;
  label?: string;
  kid?: string;
  fileName?: string;
}

export interface GenerateKeyInput {
  bits: KeySize;
  label?: string;
  kid?: string;
}

type Keys = Map<string, VaultKey>;

export function keyNotFound(id: string): InspectorError {
  return new InspectorError('key_not_found', `There is no key "${id}" in the vault.`, { fix: 'Pick a key from the list (keys may have been deleted).', field: 'keyId' });
}

/** Adds a key read from text, unless the vault already holds it (the same public key, or its private half). */
export function importedEntry(keys: Keys, read: ReadKey, thumbprint: string, input: ImportKeyInput, now: number): KeyInfoWithWarnings {
  const same = [...keys.values()].find((k) => k.info.thumbprint === thumbprint && (k.info.kind === 'private' || read.kind === 'public'));
  if (same) {
    throw new InspectorError('duplicate_key', `This key is already in the vault as "${same.info.label}" (id ${same.info.id}, kid ${same.info.kid || 'not set'}).`, { field: 'text' });
  }
  const fileName = input.fileName?.trim() || undefined;
  const info: KeyInfo = {
    id: newId(keys),
    kid: input.kid?.trim() || read.kid || '',
    label: input.label?.trim() || (fileName ? basename(fileName, extname(fileName)) : `Imported ${read.bits}-bit RSA ${read.kind} key`),
    kind: read.kind,
    bits: read.bits,
    thumbprint,
    createdAt: new Date(now).toISOString(),
    source: fileName ? { format: read.format, description: read.description, fileName } : { format: read.format, description: read.description },
  };
  keys.set(info.id, read.privateKey ? { info, publicKey: read.publicKey, privateKey: read.privateKey } : { info, publicKey: read.publicKey });
  return { ...info, warnings: keyWarnings(info, infos(keys), { weak: true, kid: true }) };
}

export function generatedEntry(keys: Keys, pair: { privateKey: KeyObject; publicKey: KeyObject }, thumbprint: string, input: GenerateKeyInput, now: number): KeyInfoWithWarnings {
  const info: KeyInfo = {
    id: newId(keys),
    kid: input.kid?.trim() ?? '',
    label: input.label?.trim() || `Generated ${input.bits}-bit RSA key`,
    kind: 'private',
    bits: input.bits,
    thumbprint,
    createdAt: new Date(now).toISOString(),
    source: { format: 'generated', description: `Generated here: RSA ${input.bits} bits, exponent 65537` },
  };
  keys.set(info.id, { info, ...pair });
  return { ...info, warnings: keyWarnings(info, infos(keys), { weak: false, kid: true }) };
}

/** A new label (already trimmed and checked) and/or kid for key `id`. */
export function relabelled(keys: Keys, id: string, change: { label?: string | undefined; kid?: string | undefined }): KeyInfoWithWarnings {
  const key = keys.get(id);
  if (!key) throw keyNotFound(id);
  const info: KeyInfo = { ...key.info, ...(change.label ? { label: change.label } : {}), ...(change.kid !== undefined ? { kid: change.kid.trim() } : {}) };
  keys.set(id, { ...key, info });
  return { ...info, warnings: keyWarnings(info, infos(keys), { weak: false, kid: info.kid !== key.info.kid }) };
}

/** The private key to sign with: `public_only` or (under 2048 bits) `weak_key` otherwise. */
export function signingEntry(key: VaultKey): { info: KeyInfo; privateKey: KeyObject } {
  if (!key.privateKey) {
    throw new InspectorError('public_only', `Key "${key.info.label}" is a public key: signing needs its private key.`, {
      fix: 'Import the private key, or pick a private key from the vault.',
      field: 'keyId',
    });
  }
  if (key.info.bits < MIN_SIGNING_BITS) {
    throw new InspectorError(
      'weak_key',
      `Key "${key.info.label}" is ${key.info.bits}-bit RSA: it is kept for verifying, but it cannot sign, because the UPI SDK needs RSA ${MIN_SIGNING_BITS} bits or more.`,
      { fix: `Make a ${MIN_SIGNING_BITS}-bit key (Generate on the Keys screen, or ${OPENSSL_GENERATE}) and register its public key with Juspay.`, field: 'keyId' },
    );
  }
  return { info: key.info, privateKey: key.privateKey };
}

/** A key by id, else by kid; with several kid matches, the one private key among them. */
export function findKey(keys: Keys, idOrKid: string): KeyInfo {
  const byId = keys.get(idOrKid);
  if (byId) return byId.info;
  const byKid = [...keys.values()].filter((k) => k.info.kid !== '' && k.info.kid === idOrKid);
  const privates = byKid.filter((k) => k.privateKey);
  if (byKid.length === 1) return byKid[0]!.info;
  if (privates.length === 1) return privates[0]!.info;
  if (byKid.length > 1) {
    throw new InspectorError('ambiguous_key', `${byKid.length} keys in the vault have kid "${idOrKid}".`, {
      fix: `Use the key id instead (${byKid.map((k) => k.info.id).join(', ')}).`,
      field: 'keyId',
    });
  }
  throw keyNotFound(idOrKid);
}

function infos(keys: Keys): KeyInfo[] {
  return [...keys.values()].map((k) => k.info);
}

function newId(keys: Keys): string {
  for (;;) {
    const id = randomBytes(6).toString('hex');
    if (!keys.has(id)) return id;
  }
}
