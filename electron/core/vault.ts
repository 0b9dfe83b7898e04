/**
 * The key vault: the only place private keys live. Keys are KeyObjects in memory; on disk the whole
 * set is one encrypted blob (PKCS#8 PEM for private keys, SPKI PEM for public ones, plus metadata)
 * inside `vault.json`. What leaves this module through a channel is KeyInfo, never key material.
 *
 * Modes: `session` (memory only), `passphrase` (scrypt + AES-256-GCM, locked until unlocked), or a
 * cipher handed in (Electron safeStorage). There is no plaintext and no machine-derived fallback.
 * A file that cannot be read is reported as damaged and never written over.
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { InspectorError } from '../../shared/result';
import { MIN_SIGNING_BITS, type KeyInfo, type KeyInfoWithWarnings, type KeySize, type PublicKeyExport, type VaultMode, type VaultStatus } from '../../shared/keys';
import { writeFileAtomic } from './atomic-file';
import { keyWarnings } from './key-warnings';
import { createPassphraseCipher, type ScryptParams, type VaultCipher, type VaultCipherMode } from './cipher';
import {
  generateRsaKeyPair,
  jwkThumbprint,
  privateKeyPkcs8Pem,
  publicJwk,
  publicKeyPem,
  readKey,
  rsaBits,
  assertUsableRsa,
  OPENSSL_GENERATE,
} from './keys';

export const VAULT_FILE_NAME = 'vault.json';
export const PASSPHRASE_ENV = 'UPI_INSPECTOR_PASSPHRASE';
export const HOME_ENV = 'UPI_INSPECTOR_HOME';

const FILE_FORMAT = 'upi-inspector-vault';
const FILE_VERSION = 1;
const KEYS_FORMAT = 'upi-inspector-keys';
const KEYS_VERSION = 1;

export interface ImportKeyInput {
  text: string;
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

/** A key as the main side holds it. `privateKey` is absent for public-only entries. */
export interface VaultKey {
  info: KeyInfo;
  publicKey: KeyObject;
  privateKey?: KeyObject;
}

export type OpenVaultOptions =
  | { mode: 'session'; now?: () => number }
  | {
      mode: 'passphrase';
      dataDir: string;
      /** Unlocks at open when given; otherwise the vault stays locked until `unlock`. */
      passphrase?: string;
      /** Where the passphrase came from, for messages (e.g. "UPI_INSPECTOR_PASSPHRASE"). */
      passphraseSource?: string;
      fileName?: string;
      scrypt?: ScryptParams;
      now?: () => number;
    }
  | { mode: 'cipher'; dataDir: string; cipher: VaultCipher; fileName?: string; now?: () => number };

export type PassphrasePrompt = (request: { path: string; isNew: boolean }) => Promise<string | undefined>;

/** `UPI_INSPECTOR_HOME`, else `~/.config/upi-inspector`. */
export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  const home = env[HOME_ENV]?.trim();
  if (home) return resolve(home);
  return join(env.HOME?.trim() || homedir(), '.config', 'upi-inspector');
}

/** Opens a vault; never throws for a damaged or locked file (that is the status), only for bad options. */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const now = options.now ?? Date.now;
  if (options.mode === 'session') return new Vault({ kind: 'session' }, now);
  const path = join(options.dataDir, options.fileName ?? VAULT_FILE_NAME);
  if (options.mode === 'cipher') {
    const vault = new Vault({ kind: 'file', path, mode: options.cipher.mode, cipher: options.cipher }, now);
    await vault.load();
    return vault;
  }
  const vault = new Vault({ kind: 'file', path, mode: 'passphrase', cipher: null, scrypt: options.scrypt }, now);
  await vault.load();
  if (options.passphrase && vault.state === 'locked' && !vault.modeMismatch) {
    try {
      await vault.unlock(options.passphrase);
    } catch (e) {
      // A damaged file is already the vault's status; only a wrong passphrase needs saying here.
      if (!(e instanceof InspectorError) || (e.code !== 'wrong_passphrase' && e.code !== 'vault_damaged')) throw e;
      if (e.code === 'wrong_passphrase') vault.lockedMessage = `${options.passphraseSource ?? 'The passphrase given at start'} does not open the key vault ${path}: unlock it with the right passphrase.`;
    }
  }
  return vault;
}

/**
 * The browser host's and the CLI's vault: passphrase mode in `resolveDataDir(env)`, unlocked with
 * UPI_INSPECTOR_PASSPHRASE when set, else by `prompt` (the CLI's no-echo terminal prompt) when given,
 * else locked until `unlock`.
 */
export async function openVaultFromEnv(
  env: Record<string, string | undefined> = process.env,
  options: { prompt?: PassphrasePrompt } = {},
): Promise<Vault> {
  const passphrase = env[PASSPHRASE_ENV] || undefined;
  const vault = await openVault({ mode: 'passphrase', dataDir: resolveDataDir(env), passphrase, passphraseSource: PASSPHRASE_ENV });
  if (!passphrase && options.prompt && vault.state === 'locked' && !vault.modeMismatch) {
    const status = await vault.status();
    const answer = await options.prompt({ path: status.path ?? '', isNew: status.isNew === true });
    if (answer) await vault.unlock(answer);
  }
  return vault;
}

type Backing =
  | { kind: 'session' }
  | { kind: 'file'; path: string; mode: VaultCipherMode; cipher: VaultCipher | null; scrypt?: ScryptParams };

interface StoredEntry {
  id: string;
  kid: string;
  label: string;
  kind: 'private' | 'public';
  createdAt: string;
  source: KeyInfo['source'];
  pem: string;
}

export class Vault {
  /** @internal read by openVault */
  state: VaultStatus['state'] = 'locked';
  /** @internal the file was written by another mode (e.g. safeStorage) and is left alone. */
  modeMismatch = false;
  /** @internal why the vault is locked, when it is not simply waiting for a passphrase. */
  lockedMessage: string | undefined;
  private damagedMessage: string | undefined;
  private keys = new Map<string, VaultKey>();
  private fileExists = false;
  /** SHA-256 of the file as last read or written, to notice another process writing it. */
  private fileHash: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** Use openVault; `new Vault()` alone is an empty session vault (memory only). */
  constructor(
    private readonly backing: Backing = { kind: 'session' },
    private readonly now: () => number = Date.now,
  ) {
    if (backing.kind === 'session') this.state = 'unlocked';
  }

  get mode(): VaultMode {
    return this.backing.kind === 'session' ? 'session' : this.backing.mode;
  }

  get path(): string | null {
    return this.backing.kind === 'file' ? this.backing.path : null;
  }

  async status(): Promise<VaultStatus> {
    const status: VaultStatus = {
      state: this.state,
      mode: this.mode,
      path: this.path,
      keyCount: this.state === 'unlocked' ? this.keys.size : 0,
    };
    const message = this.statusMessage();
    if (message) status.message = message;
    if (this.backing.kind === 'file' && !this.fileExists && this.state !== 'damaged') status.isNew = true;
    return status;
  }

  private statusMessage(): string | undefined {
    if (this.state === 'damaged') return this.damagedMessage;
    if (this.state === 'unlocked') return undefined;
    if (this.lockedMessage) return this.lockedMessage;
    return this.fileExists
      ? `The key vault ${this.path} is locked: type its passphrase to unlock it.`
      : `There is no key vault at ${this.path} yet: choose a passphrase to create it.`;
  }

  /** Passphrase mode: opens (or, when there is no file yet, starts) the vault. Other modes: reloads. */
  async unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.backing.kind === 'session') return this.status();
      this.assertNotDamaged();
      if (this.modeMismatch) throw new InspectorError('vault_mode_mismatch', this.lockedMessage ?? 'The vault file was written by another storage mode.');
      const cipher = this.backing.mode === 'passphrase' ? createPassphraseCipher(passphrase, this.backing.scrypt) : this.backing.cipher!;
      const file = await this.readFile();
      if (file === null) {
        this.keys = new Map();
      } else {
        this.keys = await this.decryptFile(file, cipher);
      }
      this.backing.cipher = cipher;
      this.state = 'unlocked';
      this.lockedMessage = undefined;
      return this.status();
    });
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
    const read = readKey(input.text, input.passphrase === undefined ? { allowWeak: true } : { passphrase: input.passphrase, allowWeak: true });
    const thumbprint = await jwkThumbprint(read.publicKey);
    const fileName = input.fileName?.trim() || undefined;
    return this.mutate(async (keys) => {
      const same = [...keys.values()].find((k) => k.info.thumbprint === thumbprint && (k.info.kind === 'private' || read.kind === 'public'));
      if (same) {
        throw new InspectorError('duplicate_key', `This key is already in the vault as "${same.info.label}" (id ${same.info.id}, kid ${same.info.kid || 'not set'}).`, 'text');
      }
      const info: KeyInfo = {
        id: this.newId(keys),
        kid: input.kid?.trim() || read.kid || '',
        label: input.label?.trim() || (fileName ? basename(fileName, extname(fileName)) : `Imported ${read.bits}-bit RSA ${read.kind} key`),
        kind: read.kind,
        bits: read.bits,
        thumbprint,
        createdAt: new Date(this.now()).toISOString(),
        source: fileName ? { format: read.format, description: read.description, fileName } : { format: read.format, description: read.description },
      };
      keys.set(info.id, read.privateKey ? { info, publicKey: read.publicKey, privateKey: read.privateKey } : { info, publicKey: read.publicKey });
      return { ...info, warnings: keyWarnings(info, infos(keys), { weak: true, kid: true }) };
    });
  }

  async generate(input: GenerateKeyInput): Promise<KeyInfoWithWarnings> {
    this.assertUnlocked();
    const { privateKey, publicKey } = await generateRsaKeyPair(input.bits);
    const thumbprint = await jwkThumbprint(publicKey);
    return this.mutate(async (keys) => {
      const info: KeyInfo = {
        id: this.newId(keys),
        kid: input.kid?.trim() ?? '',
        label: input.label?.trim() || `Generated ${input.bits}-bit RSA key`,
        kind: 'private',
        bits: input.bits,
        thumbprint,
        createdAt: new Date(this.now()).toISOString(),
        source: { format: 'generated', description: `Generated here: RSA ${input.bits} bits, exponent 65537` },
      };
      keys.set(info.id, { info, publicKey, privateKey });
      return { ...info, warnings: keyWarnings(info, infos(keys), { weak: false, kid: true }) };
    });
  }

  async exportPublic(id: string): Promise<PublicKeyExport> {
    const key = this.entry(id);
    return {
      id: key.info.id,
      kid: key.info.kid,
      pem: publicKeyPem(key.publicKey),
      jwk: publicJwk(key.publicKey, key.info.kid),
      thumbprint: key.info.thumbprint,
    };
  }

  /** Changes label and/or kid; a kid another key already carries is warned about, not refused. */
  async rename(id: string, change: { label?: string; kid?: string }): Promise<KeyInfoWithWarnings> {
    this.entry(id);
    const label = change.label?.trim();
    if (change.label !== undefined && !label) throw new InspectorError('invalid_input', 'label cannot be empty: type a name for the key.', 'label');
    return this.mutate(async (keys) => {
      const key = keys.get(id);
      if (!key) throw keyNotFound(id);
      const info: KeyInfo = { ...key.info, ...(label ? { label } : {}), ...(change.kid !== undefined ? { kid: change.kid.trim() } : {}) };
      keys.set(id, { ...key, info });
      return { ...info, warnings: keyWarnings(info, infos(keys), { weak: false, kid: info.kid !== key.info.kid }) };
    });
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

  /** The private key for signing; `key_not_found`, `public_only` or (under 2048 bits) `weak_key` otherwise. */
  privateKey(id: string): KeyObject {
    return this.signingKey(id).privateKey;
  }

  signingKey(id: string): { info: KeyInfo; privateKey: KeyObject } {
    const key = this.entry(id);
    if (!key.privateKey) {
      throw new InspectorError(
        'public_only',
        `Key "${key.info.label}" is a public key: signing needs its private key. Import the private key, or pick a private key from the vault.`,
        'keyId',
      );
    }
    if (key.info.bits < MIN_SIGNING_BITS) {
      throw new InspectorError(
        'weak_key',
        `Key "${key.info.label}" is ${key.info.bits}-bit RSA: it is kept for verifying, but it cannot sign, because the UPI SDK needs RSA ${MIN_SIGNING_BITS} bits or more. Make a ${MIN_SIGNING_BITS}-bit key (Generate on the Keys screen, or ${OPENSSL_GENERATE}) and register its public key with Juspay.`,
        'keyId',
      );
    }
    return { info: key.info, privateKey: key.privateKey };
  }

  /** Every key's public half, for verification (weak keys included). Empty while locked or damaged. */
  publicKeys(): Array<{ info: KeyInfo; key: KeyObject }> {
    if (this.state !== 'unlocked') return [];
    return [...this.keys.values()].map((k) => ({ info: k.info, key: k.publicKey }));
  }

  /** Finds a key by id, else by kid (the CLI takes either); with several kid matches, the private one. */
  find(idOrKid: string): KeyInfo {
    this.assertUnlocked();
    const byId = this.keys.get(idOrKid);
    if (byId) return byId.info;
    const byKid = [...this.keys.values()].filter((k) => k.info.kid !== '' && k.info.kid === idOrKid);
    const privates = byKid.filter((k) => k.privateKey);
    if (byKid.length === 1) return byKid[0]!.info;
    if (privates.length === 1) return privates[0]!.info;
    if (byKid.length > 1) {
      throw new InspectorError('ambiguous_key', `${byKid.length} keys in the vault have kid "${idOrKid}": use the key id instead (${byKid.map((k) => k.info.id).join(', ')}).`, 'keyId');
    }
    throw keyNotFound(idOrKid);
  }

  // ------------------------------------------------------------------------------------------------

  private entry(id: string): VaultKey {
    this.assertUnlocked();
    const key = this.keys.get(id);
    if (!key) throw keyNotFound(id);
    return key;
  }

  private assertNotDamaged(): void {
    if (this.state === 'damaged') throw new InspectorError('vault_damaged', this.damagedMessage ?? `The key vault ${this.path} is damaged.`);
  }

  private assertUnlocked(): void {
    this.assertNotDamaged();
    if (this.state === 'locked') {
      throw new InspectorError('vault_locked', this.statusMessage() ?? 'The key vault is locked: unlock it with its passphrase.', 'passphrase');
    }
  }

  private newId(keys: Map<string, VaultKey>): string {
    for (;;) {
      const id = randomBytes(6).toString('hex');
      if (!keys.has(id)) return id;
    }
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
    if (this.backing.kind === 'session') return;
    const file = await this.readFile().catch(() => null);
    if (this.state === 'damaged') return;
    if (file === null) {
      // No file yet: a cipher vault starts empty and unlocked; a passphrase vault waits for one.
      this.state = this.backing.cipher ? 'unlocked' : 'locked';
      return;
    }
    if (file.mode !== this.backing.mode) {
      this.modeMismatch = true;
      this.state = 'locked';
      this.lockedMessage = `The key vault ${this.backing.path} was written with ${describeMode(file.mode)}, so ${describeMode(this.backing.mode)} cannot open it; it is left as it is. Open it where it was made, or set ${HOME_ENV} to another folder for a separate vault.`;
      return;
    }
    if (this.backing.cipher) {
      try {
        this.keys = await this.decryptFile(file, this.backing.cipher);
        this.state = 'unlocked';
      } catch {
        // decryptFile already marked the vault damaged.
      }
      return;
    }
    this.state = 'locked';
  }

  /** Reads and checks the outer file; null when it does not exist. Marks the vault damaged otherwise. */
  private async readFile(): Promise<{ mode: VaultCipherMode; data: Buffer } | null> {
    const path = (this.backing as Extract<Backing, { kind: 'file' }>).path;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.fileExists = false;
        this.fileHash = null;
        return null;
      }
      throw this.markDamaged(`it cannot be read (${code ?? 'read error'})`);
    }
    this.fileExists = true;
    this.fileHash = sha256(bytes);
    let parsed: { format?: unknown; version?: unknown; mode?: unknown; data?: unknown };
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw this.markDamaged('it is not valid JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || parsed.format !== FILE_FORMAT) throw this.markDamaged('it is not a UPI Inspector key vault');
    if (parsed.version !== FILE_VERSION) throw this.markDamaged(`it is version ${String(parsed.version)}, and this UPI Inspector reads version ${FILE_VERSION}`);
    if (parsed.mode !== 'passphrase' && parsed.mode !== 'safeStorage') throw this.markDamaged(`its storage mode "${String(parsed.mode)}" is unknown`);
    if (typeof parsed.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(parsed.data) || parsed.data === '') throw this.markDamaged('its encrypted data is missing or not base64');
    return { mode: parsed.mode, data: Buffer.from(parsed.data, 'base64') };
  }

  private async decryptFile(file: { data: Buffer }, cipher: VaultCipher): Promise<Map<string, VaultKey>> {
    let plain: Buffer;
    try {
      plain = await cipher.decrypt(file.data);
    } catch (e) {
      if (e instanceof InspectorError && e.code === 'wrong_passphrase') {
        throw new InspectorError('wrong_passphrase', `The passphrase does not open the key vault ${this.path}: check it and try again.`, 'passphrase');
      }
      const detail =
        e instanceof InspectorError
          ? e.message.charAt(0).toLowerCase() + e.message.slice(1).replace(/\.$/, '')
          : `it cannot be decrypted with ${describeMode(cipher.mode)}`;
      throw this.markDamaged(detail);
    }
    try {
      return await decodeKeys(plain);
    } catch (e) {
      throw this.markDamaged(e instanceof Error ? e.message : 'its keys cannot be read');
    } finally {
      plain.fill(0);
    }
  }

  private markDamaged(detail: string): InspectorError {
    this.state = 'damaged';
    this.keys = new Map();
    this.damagedMessage = `The key vault file ${this.path} is damaged: ${detail}. It is kept exactly as it is and nothing will be written over it. Move it aside (or set ${HOME_ENV} to another folder) to start a new vault, or restore it from a backup; keys pasted directly still work.`;
    return new InspectorError('vault_damaged', this.damagedMessage);
  }

  /** Another UPI Inspector (window or CLI) may have written the file: start from its keys, not ours. */
  private async reloadIfChangedOnDisk(): Promise<void> {
    if (this.backing.kind !== 'file') return;
    let bytes: Buffer | null;
    try {
      bytes = await fs.readFile(this.backing.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw this.markDamaged(`it cannot be read (${(e as NodeJS.ErrnoException).code ?? 'read error'})`);
      bytes = null;
    }
    const hash = bytes ? sha256(bytes) : null;
    if (hash === this.fileHash) return;
    const file = await this.readFile();
    if (file === null) return; // deleted meanwhile: our keys are written back
    if (file.mode !== this.backing.mode) throw this.markDamaged(`it was replaced by a ${describeMode(file.mode)} vault while open`);
    this.keys = await this.decryptFile(file, this.backing.cipher!);
  }

  private async persist(keys: Map<string, VaultKey>): Promise<void> {
    if (this.backing.kind !== 'file') return;
    const cipher = this.backing.cipher;
    if (!cipher) throw new InspectorError('vault_locked', this.statusMessage() ?? 'The key vault is locked.', 'passphrase');
    const plain = encodeKeys(keys);
    let data: Buffer;
    try {
      data = await cipher.encrypt(plain);
    } finally {
      plain.fill(0);
    }
    const file = `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, mode: cipher.mode, data: data.toString('base64') }, null, 2)}\n`;
    try {
      await writeFileAtomic(this.backing.path, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'write error';
      throw new InspectorError('vault_write_failed', `Could not save the key vault ${this.backing.path} (${code}); nothing was changed. Check the folder's permissions and free space.`);
    }
    this.fileExists = true;
    this.fileHash = sha256(Buffer.from(file, 'utf8'));
  }
}

function infos(keys: Map<string, VaultKey>): KeyInfo[] {
  return [...keys.values()].map((k) => k.info);
}

function keyNotFound(id: string): InspectorError {
  return new InspectorError('key_not_found', `There is no key "${id}" in the vault: pick a key from the list (keys may have been deleted).`, 'keyId');
}

function describeMode(mode: VaultCipherMode): string {
  return mode === 'safeStorage' ? 'the OS keychain (safeStorage, the desktop app)' : 'a passphrase';
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function encodeKeys(keys: Map<string, VaultKey>): Buffer {
  const entries: StoredEntry[] = [...keys.values()].map(({ info, publicKey, privateKey }) => ({
    id: info.id,
    kid: info.kid,
    label: info.label,
    kind: info.kind,
    createdAt: info.createdAt,
    source: info.source,
    pem: privateKey ? privateKeyPkcs8Pem(privateKey) : publicKeyPem(publicKey),
  }));
  return Buffer.from(JSON.stringify({ format: KEYS_FORMAT, version: KEYS_VERSION, keys: entries }), 'utf8');
}

async function decodeKeys(plain: Buffer): Promise<Map<string, VaultKey>> {
  let parsed: { format?: unknown; version?: unknown; keys?: unknown };
  try {
    parsed = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new Error('its decrypted contents are not valid JSON');
  }
  if (parsed?.format !== KEYS_FORMAT || parsed.version !== KEYS_VERSION || !Array.isArray(parsed.keys)) {
    throw new Error('its decrypted contents are not a key list this UPI Inspector reads');
  }
  const keys = new Map<string, VaultKey>();
  for (const [index, raw] of (parsed.keys as unknown[]).entries()) {
    const entry = raw as Partial<StoredEntry>;
    if (!entry || typeof entry.id !== 'string' || typeof entry.pem !== 'string' || (entry.kind !== 'private' && entry.kind !== 'public')) {
      throw new Error(`key #${index + 1} in it is incomplete`);
    }
    let publicKey: KeyObject;
    let privateKey: KeyObject | undefined;
    try {
      if (entry.kind === 'private') {
        privateKey = createPrivateKey(entry.pem);
        publicKey = createPublicKey(privateKey);
      } else {
        publicKey = createPublicKey(entry.pem);
      }
      assertUsableRsa(publicKey, 'the stored key', 'text', { allowWeak: true });
    } catch {
      throw new Error(`key #${index + 1} ("${String(entry.label)}") in it cannot be read`);
    }
    const info: KeyInfo = {
      id: entry.id,
      kid: typeof entry.kid === 'string' ? entry.kid : '',
      label: typeof entry.label === 'string' ? entry.label : entry.id,
      kind: entry.kind,
      bits: rsaBits(publicKey),
      thumbprint: await jwkThumbprint(publicKey),
      createdAt: typeof entry.createdAt === 'string' ? entry.createdAt : new Date(0).toISOString(),
      source: entry.source && typeof entry.source === 'object' ? entry.source : { format: entry.kind === 'private' ? 'pkcs8-pem' : 'spki-pem', description: 'stored key' },
    };
    keys.set(info.id, privateKey ? { info, publicKey, privateKey } : { info, publicKey });
  }
  return keys;
}
