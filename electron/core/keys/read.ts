/**
 * Reading RSA keys. Everything a support engineer may paste or drop arrives here as text; what comes
 * out is a pair of KeyObjects plus a description of what the text was, or an InspectorError that names
 * the format found and the fix.
 *
 * node:crypto does the parsing (PKCS#8, PKCS#1, SPKI, JWK, encrypted PKCS#8, X.509, as PEM or DER);
 * pem.ts, jwk.ts, der.ts and openssh.ts add the checks around it that turn OpenSSL's "DECODER
 * routines::unsupported" into words and conversion commands.
 */
import type { KeyObject } from 'node:crypto';
import { InspectorError } from '../../../shared/result';
import type { KeyKind, KeySourceFormat } from '../../../shared/keys';
import { rs256Sign, rs256Verify } from '../jws';
import { conversionCommand, isBinaryAsText, sniffKeyFile } from '../../../shared/key-file';
import { keyFileRefusal, readDer } from './der';
import { readJwkText } from './jwk';
import { readPemText } from './pem';

/** A key read from text. `privateKey` exists only for private keys and never leaves the main side. */
export interface ReadKey {
  kind: KeyKind;
  privateKey?: KeyObject;
  publicKey: KeyObject;
  bits: number;
  format: KeySourceFormat;
  /** What the text was, for the UI: e.g. "PKCS#1 PEM, converted to PKCS#8". */
  description: string;
  /** A kid carried by the key itself (a JWK's `kid`), offered as the default. */
  kid?: string;
}

export type ReadPrivateKey = ReadKey & { kind: 'private'; privateKey: KeyObject };

export interface ReadKeyOptions {
  /** For encrypted PEM keys. */
  passphrase?: string;
  /** The form field the key text came from, so errors point at it (default `text`). */
  field?: string;
  /**
   * For verifying: also read RSA keys of 1024–2047 bits (a merchant's old key), which are refused
   * otherwise. Under 1024 bits stays refused. Never set this where the key will sign.
   */
  allowWeak?: boolean;
  /** The key file's name, so messages and conversion commands name it. */
  fileName?: string;
}

/** Reads any supported private or public RSA key. */
export function readKey(text: string, options: ReadKeyOptions = {}): ReadKey {
  const field = options.field ?? 'text';
  const trimmed = unescapeNewlines(text.replace(/^\uFEFF/, '').trim());
  if (trimmed === '') throw new InspectorError('empty_key', 'The key is empty.', { fix: 'Paste a PEM or JWK, or open a key file.', field });
  // A binary file read as text: its bytes are already lost (NULs, U+FFFD); say what to do instead.
  if (isBinaryAsText(trimmed)) throw binaryAsText(options.fileName, field);
  const read = trimmed.startsWith('{') || trimmed.startsWith('[') ? readJwkText(trimmed, field, options.allowWeak === true) : readPemText(trimmed, options, field);
  if (read.privateKey) assertPairMatches(read, field);
  return read;
}

/**
 * Reads a key file from its bytes: text files (PEM, JWK, OpenSSH) as text, binary DER directly, and
 * anything else (PKCS#12, a photo, an archive) refused with what it is and how to convert it.
 */
export function readKeyFile(bytes: Uint8Array, options: ReadKeyOptions = {}): ReadKey {
  const field = options.field ?? 'text';
  const sniff = sniffKeyFile(bytes);
  if (sniff.kind === 'text') return readKey(decodeText(Buffer.from(bytes), sniff.encoding), options);
  const refusal = keyFileRefusal(sniff, options.fileName, field);
  if (refusal || sniff.kind !== 'der') throw refusal ?? new InspectorError('binary_file', 'This file is not a key.', { field });
  const read = readDer(Buffer.from(bytes), sniff.structure, options, field);
  if (read.privateKey) assertPairMatches(read, field);
  return read;
}

function decodeText(bytes: Buffer, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  if (encoding === 'utf-8') return bytes.toString('utf8');
  const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
  if (encoding === 'utf-16be') body.swap16();
  return body.toString('utf16le');
}

/** Reads a key for signing: a public key is refused with `public_only`, one under 2048 bits with `weak_key`. */
export function readPrivateKey(text: string, options: ReadKeyOptions = {}): ReadPrivateKey {
  const read = readKey(text, { ...options, allowWeak: false });
  if (read.kind !== 'private' || !read.privateKey) {
    throw new InspectorError('public_only', `This is a public key (${read.description}); signing needs the private key.`, {
      fix: "Use the merchant's private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY), or keep this one for verifying.",
      field: options.field ?? 'text',
    });
  }
  return read as ReadPrivateKey;
}

/** The window's door fix says "open the file"; elsewhere (the CLI) the commands that make it text. */
function binaryAsText(fileName: string | undefined, field: string): InspectorError {
  const file = fileName ?? 'key.der';
  const bundle = /\.(p12|pfx)$/i.test(file);
  const commands = bundle
    ? `convert the bundle first: \`${conversionCommand('pkcs12', file)}\``
    : `convert it first: a DER key with \`${conversionCommand('pkcs8', file)}\`, a .p12 bundle with \`${conversionCommand('pkcs12', 'merchant.p12')}\``;
  return new InspectorError('binary_as_text', `${fileName ?? 'This key'} is binary (a DER key, a .p12 bundle, or no key at all) and was read as text, so its bytes are lost.`, {
    fix: `Give UPI Inspector PEM text: ${commands}.`,
    field,
  });
}

/** Keys copied out of JSON or .env files often carry literal "\n" sequences instead of line breaks. */
function unescapeNewlines(text: string): string {
  return text.includes('-----BEGIN') && text.includes('\\n') ? text.replace(/\\r\\n|\\n/g, '\n') : text;
}

/** A private key whose public half does not match its own modulus signs garbage: say so at import. */
function assertPairMatches(read: ReadKey, field: string): void {
  if (!read.privateKey) return;
  const probe = 'upi-inspector key pair check';
  let ok: boolean;
  try {
    ok = rs256Verify(probe, rs256Sign(probe, read.privateKey), read.publicKey);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new InspectorError(
      'key_inconsistent',
      `This key (${read.description}) is internally inconsistent: its private parts do not match its modulus, so its signatures would never verify.`,
      { fix: 'Export the key again from its source.', field },
    );
  }
}
