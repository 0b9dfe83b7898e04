/**
 * The vault on disk: where it lives, and its format. `vault.json` is `{format, version, mode, data}`,
 * where `data` is the cipher's encryption of the key list (PKCS#8 PEM for private keys, SPKI PEM for
 * public ones, plus metadata). Anything that does not read as that is a VaultDamage, never a reason to
 * write over the file.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { InspectorError } from '../../../shared/result';
import type { KeyInfo } from '../../../shared/keys';
import { uncapitalise } from '../../../shared/words';
import { sweepTempFiles, writeFileAtomic } from '../atomic-file';
import type { VaultCipher, VaultCipherMode } from '../cipher';
import { processAlive, withFileLock } from '../file-lock';
import { jwkThumbprint, privateKeyPkcs8Pem, publicKeyPem } from '../keys/export';
import { assertUsableRsa, rsaBits } from '../keys/rsa-policy';

export const VAULT_FILE_NAME = 'vault.json';
export const HOME_ENV = 'UPI_INSPECTOR_HOME';

const FILE_FORMAT = 'upi-inspector-vault';
const FILE_VERSION = 1;
const KEYS_FORMAT = 'upi-inspector-keys';
const KEYS_VERSION = 1;

/** `UPI_INSPECTOR_HOME`, else `~/.config/upi-inspector`. */
export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  const home = env[HOME_ENV]?.trim();
  if (home) return resolve(home);
  return join(env.HOME?.trim() || homedir(), '.config', 'upi-inspector');
}

/** A key as the main side holds it. `privateKey` is absent for public-only entries. */
export interface VaultKey {
  info: KeyInfo;
  publicKey: KeyObject;
  privateKey?: KeyObject;
}

/** The file cannot be read as a vault: `detail` completes "The key vault file … is damaged: …". */
export class VaultDamage extends Error {
  constructor(
    readonly detail: string,
    /** What to do about this damage in particular, before the general advice. */
    readonly fix?: string,
  ) {
    super(detail);
    this.name = 'VaultDamage';
  }
}

export interface SealedKeys {
  mode: VaultCipherMode;
  data: Buffer;
}

interface StoredEntry {
  id: string;
  kid: string;
  label: string;
  kind: 'private' | 'public';
  createdAt: string;
  source: KeyInfo['source'];
  pem: string;
}

/** One vault file, and what this process last saw of it (to notice another process writing it). */
export class VaultFile {
  exists = false;
  /** SHA-256 of the file as last read or written. */
  private hash: string | null = null;

  constructor(readonly path: string) {}

  /**
   * Runs `run` holding the vault's cross-process lock (other processes' saves wait for it), after
   * sweeping the temp files a writer killed mid-save left (they may hold keys deleted since).
   */
  async locked<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await withFileLock(this.path, async () => {
        await sweepTempFiles(this.path, processAlive);
        return run();
      });
    } catch (e) {
      if (e instanceof InspectorError || e instanceof VaultDamage) throw e;
      const code = (e as NodeJS.ErrnoException).code ?? 'lock error';
      throw new InspectorError('vault_write_failed', `Could not lock the key vault ${this.path} for writing (${code}); nothing was changed.`, { fix: "Check the folder's permissions and free space." });
    }
  }

  /** At open: sweeps what killed writers left, when the folder exists and can be written (else nothing to do). */
  async sweep(): Promise<void> {
    const exists = await fs.stat(dirname(this.path)).then(() => true, () => false);
    if (exists) await this.locked(async () => undefined).catch(() => undefined);
  }

  /** The sealed keys, or null when there is no file. VaultDamage when it is not a vault file. */
  async read(): Promise<SealedKeys | null> {
    const bytes = await this.readBytes();
    this.exists = bytes !== null;
    this.hash = bytes && sha256(bytes);
    if (bytes === null) return null;
    let parsed: { format?: unknown; version?: unknown; mode?: unknown; data?: unknown };
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new VaultDamage('it is not valid JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || parsed.format !== FILE_FORMAT) throw new VaultDamage('it is not a UPI Inspector key vault');
    if (parsed.version !== FILE_VERSION) throw new VaultDamage(`it is version ${String(parsed.version)}, and this UPI Inspector reads version ${FILE_VERSION}`);
    if (parsed.mode !== 'passphrase' && parsed.mode !== 'safeStorage') throw new VaultDamage(`its storage mode "${String(parsed.mode)}" is unknown`);
    if (typeof parsed.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(parsed.data) || parsed.data === '') throw new VaultDamage('its encrypted data is missing or not base64');
    return { mode: parsed.mode, data: Buffer.from(parsed.data, 'base64') };
  }

  /** True when the bytes on disk are not the ones last read or written here. */
  async changedOnDisk(): Promise<boolean> {
    const bytes = await this.readBytes();
    return (bytes && sha256(bytes)) !== this.hash;
  }

  async write(sealed: SealedKeys): Promise<void> {
    const text = `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, mode: sealed.mode, data: sealed.data.toString('base64') }, null, 2)}\n`;
    try {
      await writeFileAtomic(this.path, text);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'write error';
      throw new InspectorError('vault_write_failed', `Could not save the key vault ${this.path} (${code}); nothing was changed.`, { fix: "Check the folder's permissions and free space." });
    }
    this.exists = true;
    this.hash = sha256(Buffer.from(text, 'utf8'));
  }

  private async readBytes(): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new VaultDamage(`it cannot be read (${code ?? 'read error'})`);
    }
  }
}

/** Encrypts the key list with `cipher`; the plaintext is wiped afterwards. */
export async function sealKeys(keys: Map<string, VaultKey>, cipher: VaultCipher): Promise<SealedKeys> {
  const plain = encodeKeys(keys);
  try {
    return { mode: cipher.mode, data: await cipher.encrypt(plain) };
  } finally {
    plain.fill(0);
  }
}

/**
 * Decrypts and reads the key list. A wrong passphrase is `wrong_passphrase` (the vault stays locked);
 * anything else that fails is a VaultDamage.
 */
export async function unsealKeys(sealed: SealedKeys, cipher: VaultCipher, path: string): Promise<Map<string, VaultKey>> {
  let plain: Buffer;
  try {
    plain = await cipher.decrypt(sealed.data);
  } catch (e) {
    if (e instanceof InspectorError && e.code === 'wrong_passphrase') {
      throw new InspectorError('wrong_passphrase', `The passphrase does not open the key vault ${path}.`, { fix: 'Check it and try again.', field: 'passphrase' });
    }
    if (e instanceof InspectorError) throw new VaultDamage(uncapitalise(e.message).replace(/\.$/, ''), e.fix);
    throw new VaultDamage(`it cannot be decrypted with ${describeMode(cipher.mode)}`);
  }
  try {
    return await decodeKeys(plain);
  } finally {
    plain.fill(0);
  }
}

export function describeMode(mode: VaultCipherMode): string {
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
    throw new VaultDamage('its decrypted contents are not valid JSON');
  }
  if (parsed?.format !== KEYS_FORMAT || parsed.version !== KEYS_VERSION || !Array.isArray(parsed.keys)) {
    throw new VaultDamage('its decrypted contents are not a key list this UPI Inspector reads');
  }
  const keys = new Map<string, VaultKey>();
  for (const [index, raw] of (parsed.keys as unknown[]).entries()) {
    const entry = raw as Partial<StoredEntry>;
    if (!entry || typeof entry.id !== 'string' || typeof entry.pem !== 'string' || (entry.kind !== 'private' && entry.kind !== 'public')) {
      throw new VaultDamage(`key #${index + 1} in it is incomplete`);
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
      throw new VaultDamage(`key #${index + 1} ("${String(entry.label)}") in it cannot be read`);
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
