/**
 * At-rest encryption for the key vault. The vault never writes plaintext and never invents a key of
 * its own (no fixed or machine-derived key): it is handed a VaultCipher, either the OS keychain
 * (Electron safeStorage, implemented in electron/main) or the passphrase cipher below.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { InspectorError } from '../../shared/result';

export type VaultCipherMode = 'safeStorage' | 'passphrase';

/**
 * What the vault needs from an at-rest cipher: whole-file encrypt and decrypt.
 *
 * - `mode` is written into the vault file, so a file made by another mode is reported, not misread.
 * - `encrypt` returns opaque bytes that `decrypt` of the same cipher turns back into `plain`.
 * - `decrypt` rejects when the bytes cannot be decrypted. The passphrase cipher rejects with
 *   InspectorError `wrong_passphrase`; any other rejection marks the vault file damaged.
 * Implementations must not log or keep `plain` beyond the call.
 */
export interface VaultCipher {
  readonly mode: VaultCipherMode;
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(data: Buffer): Promise<Buffer>;
  /** Wipes what the cipher keeps in memory (the passphrase cipher's derived key) when the vault locks. */
  forget?(): void;
}

export interface ScryptParams {
  /** CPU/memory cost, a power of two; 2^15 costs ~32 MiB and ~0.1 s, once per unlock. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
/** The floor we write and accept: anything cheaper would make a stolen vault file easy to brute-force. */
export const MIN_SCRYPT_N = 2 ** 15;
const MAX_SCRYPT_N = 2 ** 20;

const FORMAT = 'upi-inspector-passphrase-cipher';
const VERSION = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** The passphrase cipher's file format, version 1: everything needed to decrypt except the passphrase. */
interface PassphraseBlobV1 {
  format: typeof FORMAT;
  version: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  ciphertext: string;
}

function scrypt(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // OpenSSL counts a little over 128·N·r bytes; Node's default 32 MiB cap rejects N = 2^15, r = 8.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Binds the KDF parameters and salt to the ciphertext, so editing them in the file fails the tag. */
function additionalData(blob: Pick<PassphraseBlobV1, 'N' | 'r' | 'p' | 'salt'>): Buffer {
  return Buffer.from(`${FORMAT}/${VERSION}/scrypt/${blob.N}/${blob.r}/${blob.p}/${blob.salt}/aes-256-gcm`, 'utf8');
}

/**
 * scrypt + AES-256-GCM. One salt per vault file: the derived key is kept for the life of the cipher so
 * a save costs one AES pass, not a fresh scrypt; every save gets a fresh random IV.
 */
export function createPassphraseCipher(passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): VaultCipher {
  if (passphrase === '') throw new InspectorError('invalid_input', 'A passphrase is required to encrypt the key vault.', { field: 'passphrase' });
  assertParams(params);
  let derived: { salt: Buffer; params: ScryptParams; key: Buffer } | null = null;

  return {
    mode: 'passphrase',

    async encrypt(plain: Buffer): Promise<Buffer> {
      if (!derived) {
        const salt = randomBytes(SALT_BYTES);
        derived = { salt, params, key: await scrypt(passphrase, salt, params) };
      }
      const iv = randomBytes(IV_BYTES);
      const header = { N: derived.params.N, r: derived.params.r, p: derived.params.p, salt: derived.salt.toString('base64') };
      const cipher = createCipheriv('aes-256-gcm', derived.key, iv);
      cipher.setAAD(additionalData(header));
      const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
      const blob: PassphraseBlobV1 = {
        format: FORMAT,
        version: VERSION,
        kdf: 'scrypt',
        ...header,
        cipher: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      };
      return Buffer.from(JSON.stringify(blob), 'utf8');
    },

    async decrypt(data: Buffer): Promise<Buffer> {
      const blob = parseBlob(data);
      const salt = Buffer.from(blob.salt, 'base64');
      const blobParams = { N: blob.N, r: blob.r, p: blob.p };
      const key =
        derived && sameParams(derived.params, blobParams) && derived.salt.length === salt.length && timingSafeEqual(derived.salt, salt)
          ? derived.key
          : await scrypt(passphrase, salt, blobParams);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(blob.iv, 'base64'));
      decipher.setAAD(additionalData(blob));
      decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(Buffer.from(blob.ciphertext, 'base64')), decipher.final()]);
      } catch {
        // GCM cannot tell a wrong passphrase from altered bytes; the wrong passphrase is far likelier.
        throw new InspectorError('wrong_passphrase', 'The passphrase does not open the key vault (or the file was altered).', { fix: 'Check it and try again.', field: 'passphrase' });
      }
      // Later saves keep this file's salt and key, so the passphrase stays the one that opened it.
      derived = { salt, params: blobParams, key };
      return plain;
    },

    forget(): void {
      derived?.key.fill(0);
      derived = null;
    },
  };
}

function sameParams(a: ScryptParams, b: ScryptParams): boolean {
  return a.N === b.N && a.r === b.r && a.p === b.p;
}

function assertParams(params: ScryptParams): void {
  const { N, r, p } = params;
  const valid =
    Number.isInteger(N) && N >= MIN_SCRYPT_N && N <= MAX_SCRYPT_N && (N & (N - 1)) === 0 &&
    Number.isInteger(r) && r >= 1 && r <= 32 &&
    Number.isInteger(p) && p >= 1 && p <= 16;
  if (!valid) throw new InspectorError('cipher_data_damaged', `The vault's scrypt parameters (N=${N}, r=${r}, p=${p}) are outside what UPI Inspector writes.`);
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function parseBlob(data: Buffer): PassphraseBlobV1 {
  let blob: Partial<PassphraseBlobV1>;
  try {
    blob = JSON.parse(data.toString('utf8')) as Partial<PassphraseBlobV1>;
  } catch {
    throw new InspectorError('cipher_data_damaged', 'The encrypted vault data is not in the passphrase cipher format (not JSON).');
  }
  if (blob === null || typeof blob !== 'object' || blob.format !== FORMAT) {
    throw new InspectorError('cipher_data_damaged', 'The encrypted vault data is not in the passphrase cipher format.');
  }
  if (blob.version !== VERSION) {
    throw new InspectorError('cipher_data_damaged', `The encrypted vault data is version ${String(blob.version)}; this UPI Inspector reads version ${VERSION}.`, { fix: 'Use a newer UPI Inspector.' });
  }
  if (blob.kdf !== 'scrypt' || blob.cipher !== 'aes-256-gcm') {
    throw new InspectorError('cipher_data_damaged', `The encrypted vault data uses ${String(blob.kdf)}/${String(blob.cipher)}, not scrypt/aes-256-gcm.`);
  }
  for (const member of ['salt', 'iv', 'tag', 'ciphertext'] as const) {
    const value = blob[member];
    if (typeof value !== 'string' || !B64.test(value)) throw new InspectorError('cipher_data_damaged', `The encrypted vault data has a damaged "${member}".`);
  }
  assertParams({ N: Number(blob.N), r: Number(blob.r), p: Number(blob.p) });
  if (Buffer.from(blob.iv!, 'base64').length !== IV_BYTES || Buffer.from(blob.tag!, 'base64').length !== 16) {
    throw new InspectorError('cipher_data_damaged', 'The encrypted vault data has an IV or tag of the wrong length.');
  }
  return blob as PassphraseBlobV1;
}
