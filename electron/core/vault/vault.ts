/**
 * The key vault: the only place private keys live. Keys are KeyObjects in memory; on disk the whole
 * set is one encrypted blob (store.ts). What leaves this module through a channel is KeyInfo, never key
 * material.
 *
 * Modes: `session` (memory only), `passphrase` (scrypt + AES-256-GCM, locked until unlocked), or a
 * cipher handed in (Electron safeStorage). There is no plaintext and no machine-derived fallback.
 * A file that cannot be read is reported as damaged and never written over.
 */
import type { KeyObject } from 'node:crypto';
import { InspectorError } from '../../../shared/result';
import type { KeyInfo, KeyInfoWithWarnings, PublicKeyExport, VaultMode, VaultStatus } from '../../../shared/keys';
import { createPassphraseCipher, type ScryptParams, type VaultCipher, type VaultCipherMode } from '../cipher';
import { generateRsaKeyPair, jwkThumbprint, publicJwk, publicKeyPem } from '../keys/export';
import { readKey, readKeyFile } from '../keys/read';
import { findKey, generatedEntry, importedEntry, keyNotFound, relabelled, signingEntry, type GenerateKeyInput, type ImportKeyInput } from './keyring';
import { describeMode, HOME_ENV, sealKeys, unsealKeys, VaultDamage, VaultFile, type VaultKey } from './store';

export type { GenerateKeyInput, ImportKeyInput } from './keyring';

type Backing =
  | { kind: 'session' }
  | { kind: 'file'; file: VaultFile; mode: VaultCipherMode; cipher: VaultCipher | null; scrypt?: ScryptParams };

/** Why the vault is locked or damaged: what happened, and what to do. */
export interface VaultReason {
  message: string;
  fix: string;
}

export class Vault {
  /** @internal read by openVault */
  state: VaultStatus['state'] = 'locked';
  /** @internal the file was written by another mode (e.g. safeStorage) and is left alone. */
  modeMismatch = false;
  /** @internal why the vault is locked, when it is not simply waiting for a passphrase. */
  lockedReason: VaultReason | undefined;
  private damage: VaultReason | undefined;
  private keys = new Map<string, VaultKey>();
  private queue: Promise<unknown> = Promise.resolve();
  private unlockListeners: Array<() => void> = [];
  private readonly backing: Backing;

  /** Use openVault; `new Vault()` alone is an empty session vault (memory only). */
  constructor(
    backing: { kind: 'session' } | { kind: 'file'; path: string; mode: VaultCipherMode; cipher: VaultCipher | null; scrypt?: ScryptParams } = { kind: 'session' },
    private readonly now: () => number = Date.now,
  ) {
    this.backing = backing.kind === 'session' ? backing : { kind: 'file', file: new VaultFile(backing.path), mode: backing.mode, cipher: backing.cipher, scrypt: backing.scrypt };
    if (backing.kind === 'session') this.state = 'unlocked';
  }

  get mode(): VaultMode {
    return this.backing.kind === 'session' ? 'session' : this.backing.mode;
  }

  get path(): string | null {
    return this.backing.kind === 'file' ? this.backing.file.path : null;
  }

  async status(): Promise<VaultStatus> {
    const status: VaultStatus = { state: this.state, mode: this.mode, path: this.path, keyCount: this.state === 'unlocked' ? this.keys.size : 0 };
    const reason = this.reason();
    if (reason) status.message = `${reason.message} ${reason.fix}`;
    if (this.backing.kind === 'file' && !this.backing.file.exists && this.state !== 'damaged') status.isNew = true;
    return status;
  }

  private reason(): VaultReason | undefined {
    if (this.state === 'damaged') return this.damage;
    if (this.state === 'unlocked') return undefined;
    if (this.lockedReason) return this.lockedReason;
    return this.backing.kind === 'file' && this.backing.file.exists
      ? { message: `The key vault ${this.path} is locked.`, fix: 'Type its passphrase to unlock it.' }
      : { message: `There is no key vault at ${this.path} yet.`, fix: 'Choose a passphrase to create it.' };
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
      this.keys = sealed === null ? new Map() : await this.guarded(() => unsealKeys(sealed, cipher, backing.file.path));
      backing.cipher = cipher;
      this.state = 'unlocked';
      this.lockedReason = undefined;
      for (const listener of this.unlockListeners) listener();
      return this.status();
    });
  }

  /** Calls `listener` after each unlock: files kept under the vault's protection (history) wait for it. */
  onUnlock(listener: () => void): void {
    this.unlockListeners.push(listener);
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

  // ------------------------------------------------------------------------------------------------

  private entry(id: string): VaultKey {
    this.assertUnlocked();
    const key = this.keys.get(id);
    if (!key) throw keyNotFound(id);
    return key;
  }

  private assertNotDamaged(): void {
    if (this.state !== 'damaged') return;
    const damage = this.damage ?? { message: `The key vault ${this.path} is damaged.`, fix: 'Move it aside to start a new vault, or restore it from a backup.' };
    throw new InspectorError('vault_damaged', damage.message, { fix: damage.fix });
  }

  private assertUnlocked(): void {
    this.assertNotDamaged();
    if (this.state === 'locked') throw this.lockedError();
  }

  /** Locked waiting for a passphrase (`vault_locked`), or by a file this mode must not open (`vault_mode_mismatch`). */
  private lockedError(): InspectorError {
    const reason = this.reason() ?? { message: 'The key vault is locked.', fix: 'Unlock it with its passphrase.' };
    return this.modeMismatch
      ? new InspectorError('vault_mode_mismatch', reason.message, { fix: reason.fix })
      : new InspectorError('vault_locked', reason.message, { fix: reason.fix, field: 'passphrase' });
  }

  /** Serialises vault operations: two imports at once must not write over each other. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies a change to a copy, writes it, and only then makes it current: a failed write changes nothing. */
  private mutate<T>(change: (draft: Map<string, VaultKey>) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.assertUnlocked();
      await this.reloadIfChangedOnDisk();
      const draft = new Map(this.keys);
      const result = await change(draft);
      await this.persist(draft);
      this.keys = draft;
      return result;
    });
  }

  // ------------------------------------------------------------------------------------------------
  // The file

  /** @internal reads the file at open: missing is fine, unreadable or malformed is damaged. */
  async load(): Promise<void> {
    const backing = this.backing;
    if (backing.kind === 'session') return;
    const sealed = await this.guarded(() => backing.file.read()).catch(() => null);
    if (this.state === 'damaged') return;
    if (sealed === null) {
      // No file yet: a cipher vault starts empty and unlocked; a passphrase vault waits for one.
      this.state = backing.cipher ? 'unlocked' : 'locked';
      return;
    }
    if (sealed.mode !== backing.mode) {
      this.modeMismatch = true;
      this.state = 'locked';
      this.lockedReason = {
        message: `The key vault ${backing.file.path} was written with ${describeMode(sealed.mode)}, so ${describeMode(backing.mode)} cannot open it; it is left as it is.`,
        fix: `Open it where it was made, or set ${HOME_ENV} to another folder for a separate vault.`,
      };
      return;
    }
    if (backing.cipher) {
      const cipher = backing.cipher;
      try {
        this.keys = await this.guarded(() => unsealKeys(sealed, cipher, backing.file.path));
        this.state = 'unlocked';
      } catch {
        // A damaged file is already the vault's state.
      }
      return;
    }
    this.state = 'locked';
  }

  /** Runs a file operation; a VaultDamage marks the vault damaged and becomes `vault_damaged`. */
  private async guarded<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (e) {
      if (e instanceof VaultDamage) throw this.markDamaged(e);
      throw e;
    }
  }

  private markDamaged(damage: VaultDamage): InspectorError {
    this.state = 'damaged';
    this.keys = new Map();
    this.damage = {
      message: `The key vault file ${this.path} is damaged: ${damage.detail}. It is kept exactly as it is and nothing will be written over it.`,
      fix: `${damage.fix ? `${damage.fix} Or m` : 'M'}ove it aside (or set ${HOME_ENV} to another folder) to start a new vault, or restore it from a backup; keys pasted directly still work.`,
    };
    return new InspectorError('vault_damaged', this.damage.message, { fix: this.damage.fix });
  }

  /** Another UPI Inspector (window or CLI) may have written the file: start from its keys, not ours. */
  private async reloadIfChangedOnDisk(): Promise<void> {
    const backing = this.backing;
    if (backing.kind !== 'file') return;
    if (!(await this.guarded(() => backing.file.changedOnDisk()))) return;
    const sealed = await this.guarded(() => backing.file.read());
    if (sealed === null) return; // deleted meanwhile: our keys are written back
    if (sealed.mode !== backing.mode) throw this.markDamaged(new VaultDamage(`it was replaced by a ${describeMode(sealed.mode)} vault while open`));
    this.keys = await this.guarded(() => unsealKeys(sealed, backing.cipher!, backing.file.path));
  }

  private async persist(keys: Map<string, VaultKey>): Promise<void> {
    if (this.backing.kind !== 'file') return;
    const cipher = this.backing.cipher;
    if (!cipher) throw this.lockedError();
    await this.backing.file.write(await sealKeys(keys, cipher));
  }
}
