/**
 * What the vault is, apart from what can be done with it (vault.ts): unlocked, locked or damaged and why,
 * its keys in memory, its file, and the two rules of changing it — one operation at a time in this
 * process, and under the file's lock, from the file as it is then, across processes.
 */
import { InspectorError } from '../../../shared/result';
import type { VaultMode, VaultStatus } from '../../../shared/keys';
import type { ScryptParams, VaultCipher, VaultCipherMode } from '../cipher';
import { keyNotFound } from './keyring';
import { damagedReason, lockedError, passphraseChangedElsewhere, waitingReason, type VaultReason } from './reasons';
import { describeMode, HOME_ENV, sealKeys, unsealKeys, VaultDamage, VaultFile, type VaultKey } from './store';

export type Backing =
  | { kind: 'session' }
  | { kind: 'file'; file: VaultFile; mode: VaultCipherMode; cipher: VaultCipher | null; scrypt?: ScryptParams };

export abstract class VaultState {
  /** @internal read by openVault */
  state: VaultStatus['state'] = 'locked';
  /** @internal the file was written by another mode (e.g. safeStorage) and is left alone. */
  modeMismatch = false;
  /** @internal why the vault is locked, when it is not simply waiting for a passphrase. */
  lockedReason: VaultReason | undefined;
  protected damage: VaultReason | undefined;
  /** Said while unlocked: the passphrase predates the policy for new ones. */
  protected notice: string | null = null;
  protected keys = new Map<string, VaultKey>();
  private queue: Promise<unknown> = Promise.resolve();
  protected readonly backing: Backing;

  constructor(
    backing: { kind: 'session' } | { kind: 'file'; path: string; mode: VaultCipherMode; cipher: VaultCipher | null; scrypt?: ScryptParams },
    protected readonly now: () => number,
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
    else if (this.notice && this.state === 'unlocked') status.message = this.notice;
    if (this.backing.kind === 'file' && !this.backing.file.exists && this.state !== 'damaged') status.isNew = true;
    return status;
  }

  private reason(): VaultReason | undefined {
    if (this.state === 'damaged') return this.damage;
    if (this.state === 'unlocked') return undefined;
    if (this.lockedReason) return this.lockedReason;
    return waitingReason(this.path, this.backing.kind === 'file' && this.backing.file.exists);
  }

  protected entry(id: string): VaultKey {
    this.assertUnlocked();
    const key = this.keys.get(id);
    if (!key) throw keyNotFound(id);
    return key;
  }

  protected assertNotDamaged(): void {
    if (this.state !== 'damaged') return;
    const damage = this.damage ?? { message: `The key vault ${this.path} is damaged.`, fix: 'Move it aside to start a new vault, or restore it from a backup.' };
    throw new InspectorError('vault_damaged', damage.message, { fix: damage.fix });
  }

  protected assertUnlocked(): void {
    this.assertNotDamaged();
    if (this.state === 'locked') throw this.lockedError();
  }

  /** Locked waiting for a passphrase (`vault_locked`), or by a file this mode must not open (`vault_mode_mismatch`). */
  protected lockedError(): InspectorError {
    return lockedError(this.reason() ?? { message: 'The key vault is locked.', fix: 'Unlock it with its passphrase.' }, this.modeMismatch);
  }

  /** Keys and derived key out of memory; locked, saying why. */
  protected forget(reason: VaultReason): void {
    if (this.backing.kind === 'file' && this.backing.mode === 'passphrase') {
      this.backing.cipher?.forget?.();
      this.backing.cipher = null;
    }
    this.keys = new Map();
    this.notice = null;
    this.state = 'locked';
    this.lockedReason = reason;
  }

  /** Serialises vault operations: two imports at once must not write over each other. */
  protected exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies a change to a copy, writes it, and only then makes it current: a failed write changes nothing.
   * Under the vault's file lock, and from the file as it is then: another process's save is never lost.
   */
  protected mutate<T>(change: (draft: Map<string, VaultKey>) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.assertUnlocked();
      const backing = this.backing;
      const apply = async () => {
        await this.reloadIfChangedOnDisk();
        const draft = new Map(this.keys);
        const result = await change(draft);
        await this.persist(draft);
        this.keys = draft;
        return result;
      };
      return backing.kind === 'file' ? backing.file.locked(apply) : apply();
    });
  }

  // ------------------------------------------------------------------------------------------------
  // The file

  /** @internal reads the file at open: missing is fine, unreadable or malformed is damaged. */
  async load(): Promise<void> {
    const backing = this.backing;
    if (backing.kind === 'session') return;
    await backing.file.sweep();
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
  protected async guarded<T>(operation: () => Promise<T>): Promise<T> {
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
    this.damage = damagedReason(this.path, damage);
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
    try {
      this.keys = await this.guarded(() => unsealKeys(sealed, backing.cipher!, backing.file.path));
    } catch (e) {
      if (!(e instanceof InspectorError && e.code === 'wrong_passphrase')) throw e;
      // Its passphrase was changed elsewhere: what this process holds must not be written over it.
      this.forget(passphraseChangedElsewhere(this.path));
      throw this.lockedError();
    }
  }

  private async persist(keys: Map<string, VaultKey>): Promise<void> {
    if (this.backing.kind !== 'file') return;
    const cipher = this.backing.cipher;
    if (!cipher) throw this.lockedError();
    await this.backing.file.write(await sealKeys(keys, cipher));
  }
}
