/**
 * The key vault: the only place private keys live. Keys are KeyObjects in memory; on disk the whole
 * set is one encrypted blob (store.ts). What leaves this module through a channel is KeyInfo, never key
 * material.
 *
 * Modes: `session` (memory only), `passphrase` (scrypt + AES-256-GCM, locked until unlocked), or a
 * cipher handed in (Electron safeStorage). There is no plaintext and no machine-derived fallback.
 * A file that cannot be read is reported as damaged and never written over. A passphrase vault can be
 * locked now (or by AutoLock) and have its passphrase changed; what it is (state, file, the rules of
 * changing it under the cross-process lock) is in vault-state.ts.
 */
import type { KeyObject } from 'node:crypto';
import { InspectorError } from '../../../shared/result';
import type { KeyInfo, KeyInfoWithWarnings, PublicKeyExport, VaultStatus } from '../../../shared/keys';
import { createPassphraseCipher, type ScryptParams, type VaultCipher, type VaultCipherMode } from '../cipher';
import { generateRsaKeyPair, jwkThumbprint, publicJwk, publicKeyPem } from '../keys/export';
import { readKey, readKeyFile } from '../keys/read';
import { findKey, generatedEntry, importedEntry, keyNotFound, relabelled, signingEntry, type GenerateKeyInput, type ImportKeyInput } from './keyring';
import { assertStrongPassphrase, olderPassphraseNote } from './passphrase-policy';
import { lockedNowReason, unavailableLock } from './reasons';
import { sealKeys, unsealKeys } from './store';
import { VaultState } from './vault-state';

export type { GenerateKeyInput, ImportKeyInput } from './keyring';

export type { VaultReason } from './reasons';
/** Called before the vault forgets its keys and cipher (the history writes what is pending, then closes). */
export type LockListener = () => Promise<void>;
/** Called under the vault's file lock when its passphrase changes: files sealed with the old cipher are sealed anew. */
export type ResealListener = (previous: VaultCipher, next: VaultCipher) => Promise<void>;

export class Vault extends VaultState {
  private unlockListeners: Array<() => void> = [];
  private lockListeners: LockListener[] = [];
  private resealListeners: ResealListener[] = [];

  /** Use openVault; `new Vault()` alone is an empty session vault (memory only). */
  constructor(
    backing: { kind: 'session' } | { kind: 'file'; path: string; mode: VaultCipherMode; cipher: VaultCipher | null; scrypt?: ScryptParams } = { kind: 'session' },
    now: () => number = Date.now,
  ) {
    super(backing, now);
  }

  /** Passphrase mode: opens (or, when there is no file yet, starts) the vault. Other modes: reloads. */
  async unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const backing = this.backing;
      if (backing.kind === 'session') return this.status();
      this.assertNotDamaged();
      if (this.modeMismatch) throw this.lockedError();
      const cipher = backing.mode === 'passphrase' ? createPassphraseCipher(passphrase, backing.scrypt) : backing.cipher!;
      const sealed = await this.guarded(() => backing.file.read());
      // A new vault is made with this passphrase: it must be strong; an existing one opens with what it has.
      if (sealed === null && backing.mode === 'passphrase') await assertStrongPassphrase(passphrase, 'The new vault passphrase');
      this.keys = sealed === null ? new Map() : await this.guarded(() => unsealKeys(sealed, cipher, backing.file.path));
      this.notice = backing.mode === 'passphrase' ? olderPassphraseNote(passphrase) : null;
      backing.cipher = cipher;
      this.state = 'unlocked';
      this.lockedReason = undefined;
      for (const listener of this.unlockListeners) listener();
      return this.status();
    });
  }

  /**
   * Lock now: the history writes what is pending, then the keys and the derived key leave memory until
   * the passphrase is typed again. Only a passphrase vault locks (`lock_unavailable` otherwise).
   */
  async lock(why: { idleMinutes?: number } = {}): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.backing.kind === 'session' || this.backing.mode === 'safeStorage') throw unavailableLock(this.backing.kind === 'session' ? 'session' : 'safeStorage');
      if (this.state !== 'unlocked') return this.status();
      for (const listener of this.lockListeners) await listener().catch(() => undefined);
      this.forget(lockedNowReason(this.path, why.idleMinutes));
      return this.status();
    });
  }

  /**
   * Re-encrypts the vault under `next`, in one atomic write under the vault's file lock, and the files
   * sealed with its cipher (the history) too. `current` must open the vault file as it is on disk: a
   * wrong one changes nothing (`wrong_passphrase`, field `current`); a weak `next` is refused first.
   */
  async changePassphrase(current: string, next: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const backing = this.backing;
      if (backing.kind === 'session' || backing.mode !== 'passphrase') throw unavailableLock(backing.kind === 'session' ? 'session' : 'safeStorage');
      this.assertUnlocked();
      await assertStrongPassphrase(next, 'The new passphrase', 'next');
      const previous = backing.cipher!;
      const fresh = createPassphraseCipher(next, backing.scrypt);
      await backing.file.locked(async () => {
        const sealed = await this.guarded(() => backing.file.read());
        const check = createPassphraseCipher(current, backing.scrypt);
        // No file yet (a new vault, no key added): `current` is checked against the passphrase it was unlocked with.
        const keys = sealed === null ? (await assertSamePassphrase(previous, check, this.path), this.keys) : await unsealKeys(sealed, check, backing.file.path).catch((e: unknown) => wrongCurrent(e, this.path));
        for (const listener of this.resealListeners) await listener(check, fresh);
        await backing.file.write(await sealKeys(keys, fresh));
        this.keys = keys;
      });
      backing.cipher = fresh;
      previous.forget?.();
      this.notice = null;
      return this.status();
    });
  }

  /** Calls `listener` after each unlock: files kept under the vault's protection (history) wait for it. */
  onUnlock(listener: () => void): void {
    this.unlockListeners.push(listener);
  }

  onLock(listener: LockListener): void {
    this.lockListeners.push(listener);
  }

  onReseal(listener: ResealListener): void {
    this.resealListeners.push(listener);
  }

  async list(): Promise<KeyInfo[]> {
    this.assertUnlocked();
    return [...this.keys.values()].map((k) => k.info);
  }

  /** Adds a key; a shared kid or a 1024–2047-bit key is taken in with a warning, not refused. */
  async import(input: ImportKeyInput): Promise<KeyInfoWithWarnings> {
    this.assertUnlocked();
    // Read before taking the write lock: a bad key is refused without touching the file. Weak keys are
    // read so a merchant's old key can verify; signingKey refuses them.
    const options = { allowWeak: true, ...(input.passphrase === undefined ? {} : { passphrase: input.passphrase }), ...(input.fileName ? { fileName: input.fileName } : {}) };
    const read = input.bytes !== undefined ? readKeyFile(Buffer.from(input.bytes, 'base64'), options) : readKey(input.text ?? '', options);
    const thumbprint = await jwkThumbprint(read.publicKey);
    return this.mutate(async (keys) => importedEntry(keys, read, thumbprint, input, this.now()));
  }

  async generate(input: GenerateKeyInput): Promise<KeyInfoWithWarnings> {
    this.assertUnlocked();
    const pair = await generateRsaKeyPair(input.bits);
    const thumbprint = await jwkThumbprint(pair.publicKey);
    return this.mutate(async (keys) => generatedEntry(keys, pair, thumbprint, input, this.now()));
  }

  async exportPublic(id: string): Promise<PublicKeyExport> {
    const key = this.entry(id);
    return { id: key.info.id, kid: key.info.kid, pem: publicKeyPem(key.publicKey), jwk: publicJwk(key.publicKey, key.info.kid), thumbprint: key.info.thumbprint };
  }

  /** Changes label and/or kid; a kid another key already carries is warned about, not refused. */
  async rename(id: string, change: { label?: string; kid?: string }): Promise<KeyInfoWithWarnings> {
    this.entry(id);
    const label = change.label?.trim();
    if (change.label !== undefined && !label) throw new InspectorError('invalid_input', 'label cannot be empty.', { fix: 'Type a name for the key.', field: 'label' });
    return this.mutate(async (keys) => relabelled(keys, id, { label, kid: change.kid }));
  }

  async delete(id: string): Promise<{ id: string }> {
    this.entry(id);
    return this.mutate(async (keys) => {
      if (!keys.delete(id)) throw keyNotFound(id);
      return { id };
    });
  }

  // ------------------------------------------------------------------------------------------------
  // Main-side only: these return KeyObjects and must never be wired to a channel.

  /** The key to sign with; `key_not_found`, `public_only` or (under 2048 bits) `weak_key` otherwise. */
  signingKey(id: string): { info: KeyInfo; privateKey: KeyObject } {
    return signingEntry(this.entry(id));
  }

  /** Every key's public half, for verification (weak keys included). Empty while locked or damaged. */
  publicKeys(): Array<{ info: KeyInfo; key: KeyObject }> {
    if (this.state !== 'unlocked') return [];
    return [...this.keys.values()].map((k) => ({ info: k.info, key: k.publicKey }));
  }

  /**
   * The cipher the vault file is sealed with, for other files kept under the same at-rest protection
   * (the history); null for a session vault, or while the vault is locked or damaged.
   */
  atRestCipher(): VaultCipher | null {
    if (this.backing.kind !== 'file' || this.state !== 'unlocked') return null;
    return this.backing.cipher;
  }

  /** Finds a key by id, else by kid (the CLI takes either); with several kid matches, the private one. */
  find(idOrKid: string): KeyInfo {
    this.assertUnlocked();
    return findKey(this.keys, idOrKid);
  }
}

/** A wrong current passphrase says which field and that nothing changed; other failures pass through. */
function wrongCurrent(e: unknown, path: string | null): never {
  if (!(e instanceof InspectorError && e.code === 'wrong_passphrase')) throw e;
  throw new InspectorError('wrong_passphrase', `The current passphrase does not open the key vault ${path}: nothing was changed.`, { fix: 'Type the passphrase the vault opens with now.', field: 'current' });
}

/** Whether two passphrase ciphers share a passphrase: what one seals, the other opens. */
async function assertSamePassphrase(unlocked: VaultCipher, given: VaultCipher, path: string | null): Promise<void> {
  await given.decrypt(await unlocked.encrypt(Buffer.alloc(0))).catch((e: unknown) => wrongCurrent(e, path));
}
