/**
 * The keys a request's signature is checked against: the vault's, a public key pasted next to the request
 * (or given as a CLI file). Identity travels with the KeyObject; key material never leaves the core.
 */
import type { KeyObject } from 'node:crypto';
import type { KeyRef } from '../../shared/diagnostics/types';
import { InspectorError } from '../../shared/result';
import { jwkThumbprint } from './keys/export';
import { readKey } from './keys/read';
import { rsaBits } from './keys/rsa-policy';
import type { Vault } from './vault/vault';

export interface Candidate extends KeyRef {
  key: KeyObject;
}

/** Everything the evidence builder needs besides the request: the keys, and why some are missing. */
export interface KeySet {
  candidates: Candidate[];
  /** The given public key could not be read: why, in words. */
  pastedKeyError?: string;
  /** Why the vault offered no keys (locked, damaged). */
  vaultNote?: string;
  /** kids of the vault's keys, for "no key in the vault has this kid"; absent when the vault was not used. */
  vaultKids?: string[];
}

/** Verification reads weak (1024–2047-bit) keys too: proving a merchant signed with one is the point. */
const VERIFY_READ = { allowWeak: true };

/** A public key given with the request (any supported format; a private key's public half is used). */
export async function givenKeyCandidate(text: string, source: 'pasted' | 'file', name?: string): Promise<Candidate> {
  const read = readKey(text, { field: 'publicKey', ...VERIFY_READ });
  const what = read.description;
  return {
    keyId: source,
    source,
    label: name ? `${name} (${what})` : `Pasted key (${what})`,
    kid: read.kid ?? '',
    thumbprint: await jwkThumbprint(read.publicKey),
    bits: rsaBits(read.publicKey),
    key: read.publicKey,
  };
}

export function vaultCandidates(vault: Vault): Candidate[] {
  return vault.publicKeys().map(({ info, key }) => ({
    keyId: info.id,
    source: 'vault' as const,
    label: info.label,
    kid: info.kid,
    thumbprint: info.thumbprint,
    bits: rsaBits(key),
    key,
  }));
}

/** Why the vault contributed no keys, if it did not. */
export async function vaultNote(vault: Vault): Promise<string | undefined> {
  const status = await vault.status();
  if (status.state === 'locked') return 'the key vault is locked, so its keys were not tried';
  if (status.state === 'damaged') return 'the key vault file is damaged, so its keys were not tried';
  return undefined;
}

/** The window's key set: the vault's keys, plus the public key pasted next to the request when there is one. */
export async function windowKeySet(vault: Vault, publicKey: string | undefined): Promise<KeySet> {
  const fromVault = vaultCandidates(vault);
  const set: KeySet = { candidates: fromVault };
  const note = await vaultNote(vault);
  if (note) set.vaultNote = note;
  // An empty vault knows no kid, so "unknown to the vault" would say nothing: only ask with keys there.
  const kids = fromVault.map((k) => k.kid).filter((kid) => kid !== '');
  if (kids.length > 0) set.vaultKids = kids;
  if (!publicKey?.trim()) return set;
  try {
    set.candidates = [await givenKeyCandidate(publicKey, 'pasted'), ...fromVault];
  } catch (e) {
    // The verdict is the same for every door: what happened, and this occurrence's own fix when it has one.
    set.pastedKeyError = e instanceof InspectorError ? (e.fix ? `${e.message} ${e.fix}` : e.message) : 'it is not a key this inspector can read';
  }
  return set;
}

/** Pasted keys first (the user chose them), then keys with the header's kid, then the rest: the order shown. */
export function orderCandidates(candidates: Candidate[], headerKid: string | undefined): Candidate[] {
  const rank = (c: Candidate) => (c.source !== 'vault' ? 0 : headerKid !== undefined && c.kid === headerKid ? 1 : 2);
  return candidates.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}
