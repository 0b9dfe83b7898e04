/**
 * Reading, converting and generating RSA keys. Everything a support engineer may paste or drop arrives
 * here as text; what comes out is a pair of KeyObjects plus a description of what the text was, or an
 * InspectorError that names the format found and the fix.
 *
 * node:crypto does the parsing (PKCS#8, PKCS#1, SPKI, JWK, encrypted PKCS#8, X.509); this module adds
 * the checks around it that turn OpenSSL's "DECODER routines::unsupported" into words.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair as generateKeyPairCallback,
  X509Certificate,
  type KeyObject,
  type JsonWebKey,
} from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint } from 'jose';
import { InspectorError } from '../../shared/result';
import { MIN_SIGNING_BITS, MIN_VERIFY_BITS, type KeyInfo, type KeyKind, type KeySize, type KeySourceFormat, type PublicKeyExport } from '../../shared/keys';
import { rs256Sign, rs256Verify } from './jws';

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
}

/** The one command that makes a key Juspay accepts, for messages. */
export const OPENSSL_GENERATE = '`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem`';
const GENERATE_HINT = `generate one in UPI Inspector, or with ${OPENSSL_GENERATE}`;

// ---------------------------------------------------------------------------------------------------
// Entry points

/** Reads any supported private or public RSA key. */
export function readKey(text: string, options: ReadKeyOptions = {}): ReadKey {
  const field = options.field ?? 'text';
  const trimmed = unescapeNewlines(text.replace(/^\uFEFF/, '').trim());
  if (trimmed === '') throw new InspectorError('empty_key', 'The key is empty: paste a PEM or JWK, or open a key file.', field);
  const read = trimmed.startsWith('{') || trimmed.startsWith('[') ? readJwkText(trimmed, field, options.allowWeak === true) : readPemText(trimmed, options, field);
  if (read.privateKey) assertPairMatches(read, field);
  return read;
}

/** Reads a key for signing: a public key is refused with `public_only`, one under 2048 bits with `weak_key`. */
export function readPrivateKey(text: string, options: ReadKeyOptions = {}): ReadPrivateKey {
  const read = readKey(text, { ...options, allowWeak: false });
  if (read.kind !== 'private' || !read.privateKey) {
    throw new InspectorError(
      'public_only',
      `This is a public key (${read.description}); signing needs the private key. Use the merchant's private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY), or keep this one for verifying.`,
      options.field ?? 'text',
    );
  }
  return read as ReadPrivateKey;
}

/** Generates an RSA key pair off the main thread (4096 bits can take seconds). */
export async function generateRsaKeyPair(bits: KeySize): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  if (bits < MIN_SIGNING_BITS) throw weakKey(bits, 'text');
  const generate = promisify(generateKeyPairCallback);
  return generate('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}

// ---------------------------------------------------------------------------------------------------
// Exports (public halves only, plus PKCS#8 for the vault's encrypted blob)

export function publicKeyPem(key: KeyObject): string {
  return String(toPublic(key).export({ type: 'spki', format: 'pem' }));
}

/** PKCS#8 PEM of a private key: only for the vault's encrypted store, never for a channel. */
export function privateKeyPkcs8Pem(key: KeyObject): string {
  return String(key.export({ type: 'pkcs8', format: 'pem' }));
}

export function publicJwk(key: KeyObject, kid: string): PublicKeyExport['jwk'] {
  const { n, e } = rsaPublicMembers(key);
  return { kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' };
}

/** RFC 7638 SHA-256 thumbprint of the public JWK: the same for every format the key arrives in. */
export async function jwkThumbprint(key: KeyObject): Promise<string> {
  const { n, e } = rsaPublicMembers(key);
  return calculateJwkThumbprint({ kty: 'RSA', n, e }, 'sha256');
}

export function rsaBits(key: KeyObject): number {
  return key.asymmetricKeyDetails?.modulusLength ?? 0;
}

function toPublic(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}

function rsaPublicMembers(key: KeyObject): { n: string; e: string } {
  const jwk = toPublic(key).export({ format: 'jwk' });
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new InspectorError('internal', 'The key has no RSA modulus.');
  return { n: jwk.n, e: jwk.e };
}

// ---------------------------------------------------------------------------------------------------
// RSA policy

/**
 * Refuses anything the SDK cannot sign with: non-RSA types, RSA-PSS-only keys, RSA under 2048 bits.
 * With `allowWeak` (verification only), RSA from 1024 bits passes; under 1024 never does.
 */
export function assertUsableRsa(key: KeyObject, found: string, field = 'text', options: { allowWeak?: boolean } = {}): number {
  const type = key.asymmetricKeyType;
  if (type !== 'rsa') {
    throw new InspectorError(
      'not_rsa',
      `${capitalise(found)} holds ${describeKeyType(key)}, not an RSA key. The UPI SDK signs with RS256, which needs an RSA key of ${MIN_SIGNING_BITS} bits or more: ${GENERATE_HINT}.`,
      field,
    );
  }
  const bits = rsaBits(key);
  if (bits < MIN_VERIFY_BITS || (bits < MIN_SIGNING_BITS && options.allowWeak !== true)) throw weakKey(bits, field);
  return bits;
}

function weakKey(bits: number, field: string): InspectorError {
  const tooWeakToRead = bits < MIN_VERIFY_BITS ? `, below the ${MIN_VERIFY_BITS} bits UPI Inspector reads even for verifying` : '';
  return new InspectorError(
    'weak_key',
    `This RSA key is ${bits} bits${tooWeakToRead}; the UPI SDK needs RSA ${MIN_SIGNING_BITS} bits or more. Make a new ${MIN_SIGNING_BITS}-bit key (${GENERATE_HINT}) and share its public key with Juspay.`,
    field,
  );
}

const CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp256k1: 'secp256k1',
};

function describeKeyType(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      return curve ? `an EC key (curve ${CURVE_NAMES[curve] ?? curve})` : 'an EC key';
    }
    case 'ed25519':
      return 'an Ed25519 key';
    case 'ed448':
      return 'an Ed448 key';
    case 'x25519':
    case 'x448':
      return `an ${key.asymmetricKeyType.toUpperCase()} key-agreement key`;
    case 'dsa':
      return 'a DSA key';
    case 'rsa-pss':
      return 'an RSA-PSS key (restricted to PSS signatures, RS256 uses PKCS#1 v1.5)';
    default:
      return `a ${key.asymmetricKeyType ?? 'non-RSA'} key`;
  }
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
      `This key (${read.description}) is internally inconsistent: its private parts do not match its modulus, so its signatures would never verify. Export the key again from its source.`,
      field,
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// PEM

interface PemBlock {
  label: string;
  headers: string[];
  der: Buffer;
  /** The block rebuilt with clean line breaks, for node:crypto's PEM reader. */
  pem: string;
}

const PEM_NAMES: Record<string, string> = {
  'PRIVATE KEY': 'PKCS#8 PEM',
  'RSA PRIVATE KEY': 'PKCS#1 PEM',
  'ENCRYPTED PRIVATE KEY': 'encrypted PKCS#8 PEM',
  'PUBLIC KEY': 'SPKI public key PEM',
  'RSA PUBLIC KEY': 'PKCS#1 public key PEM',
  CERTIFICATE: 'X.509 certificate PEM',
  'EC PRIVATE KEY': 'EC private key PEM (SEC1)',
};

function pemName(label: string): string {
  return PEM_NAMES[label] ?? `PEM "${label}"`;
}

/** Keys copied out of JSON or .env files often carry literal "\n" sequences instead of line breaks. */
function unescapeNewlines(text: string): string {
  return text.includes('-----BEGIN') && text.includes('\\n') ? text.replace(/\\r\\n|\\n/g, '\n') : text;
}

function readPemText(text: string, options: ReadKeyOptions, field: string): ReadKey {
  const allowWeak = options.allowWeak === true;
  const block = readPemBlock(text, field);
  const name = pemName(block.label);
  switch (block.label) {
    case 'PRIVATE KEY': {
      const privateKey = parseOrDamaged(() => createPrivateKey({ key: block.der, format: 'der', type: 'pkcs8' }), name, field);
      return privateRead(privateKey, 'pkcs8-pem', 'PKCS#8 PEM', name, field, allowWeak);
    }
    case 'RSA PRIVATE KEY': {
      const encrypted = block.headers.some((h) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(h));
      if (encrypted) {
        const privateKey = decryptPem(() => createPrivateKey({ key: block.pem, format: 'pem', passphrase: options.passphrase ?? '' }), 'encrypted PKCS#1 PEM (OpenSSL legacy encryption)', options);
        return privateRead(privateKey, 'pkcs1-pem', 'Encrypted PKCS#1 PEM (legacy OpenSSL), decrypted and converted to PKCS#8', name, field, allowWeak);
      }
      const privateKey = parseOrDamaged(() => createPrivateKey({ key: block.der, format: 'der', type: 'pkcs1' }), name, field);
      return privateRead(privateKey, 'pkcs1-pem', 'PKCS#1 PEM, converted to PKCS#8', name, field, allowWeak);
    }
    case 'ENCRYPTED PRIVATE KEY': {
      const privateKey = decryptPem(() => createPrivateKey({ key: block.der, format: 'der', type: 'pkcs8', passphrase: options.passphrase ?? '' }), name, options);
      return privateRead(privateKey, 'encrypted-pkcs8-pem', 'Encrypted PKCS#8 PEM, decrypted with its passphrase', name, field, allowWeak);
    }
    case 'PUBLIC KEY': {
      const publicKey = parseOrDamaged(() => createPublicKey({ key: block.der, format: 'der', type: 'spki' }), name, field);
      return publicRead(publicKey, 'spki-pem', 'SPKI public key PEM', name, field, allowWeak);
    }
    case 'RSA PUBLIC KEY': {
      const publicKey = parseOrDamaged(() => createPublicKey({ key: block.der, format: 'der', type: 'pkcs1' }), name, field);
      return publicRead(publicKey, 'pkcs1-public-pem', 'PKCS#1 public key PEM, converted to SPKI', name, field, allowWeak);
    }
    case 'CERTIFICATE': {
      const cert = parseOrDamaged(() => new X509Certificate(block.der), name, field);
      const subject = cert.subject.replace(/\n/g, ', ');
      return publicRead(cert.publicKey, 'x509-pem', `X.509 certificate (${subject || 'no subject'}, valid until ${cert.validTo}), public key taken from it`, name, field, allowWeak);
    }
    case 'EC PRIVATE KEY': {
      const key = parseOrDamaged(() => createPrivateKey({ key: block.der, format: 'der', type: 'sec1' }), name, field);
      assertUsableRsa(key, `this ${name}`, field);
      throw new InspectorError('not_rsa', `This ${name} is not an RSA key.`, field); // unreachable: EC is never RSA
    }
    case 'DSA PRIVATE KEY':
      throw new InspectorError('not_rsa', `This PEM holds a DSA private key, not an RSA key. The UPI SDK signs with RS256, which needs an RSA key of ${MIN_SIGNING_BITS} bits or more: ${GENERATE_HINT}.`, field);
    case 'OPENSSH PRIVATE KEY':
      throw new InspectorError(
        'unsupported_key_format',
        'This is an OpenSSH private key (BEGIN OPENSSH PRIVATE KEY). Convert an RSA one to PKCS#8 with `ssh-keygen -p -m PKCS8 -f <copy of the file>` (it rewrites the file), then import the result.',
        field,
      );
    default:
      throw new InspectorError(
        'unsupported_key_format',
        `This is a PEM "${block.label}" block, not an RSA key. Paste a private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY, BEGIN ENCRYPTED PRIVATE KEY), a public key (BEGIN PUBLIC KEY, BEGIN RSA PUBLIC KEY) or a certificate (BEGIN CERTIFICATE).`,
        field,
      );
  }
}

function privateRead(privateKey: KeyObject, format: KeySourceFormat, description: string, name: string, field: string, allowWeak: boolean): ReadKey {
  const bits = assertUsableRsa(privateKey, `this ${name}`, field, { allowWeak });
  return { kind: 'private', privateKey, publicKey: createPublicKey(privateKey), bits, format, description };
}

function publicRead(publicKey: KeyObject, format: KeySourceFormat, description: string, name: string, field: string, allowWeak: boolean): ReadKey {
  const bits = assertUsableRsa(publicKey, `this ${name}`, field, { allowWeak });
  return { kind: 'public', publicKey, bits, format, description };
}

function readPemBlock(text: string, field: string): PemBlock {
  // In a bundle (certificate + key, as openssl pkcs12 writes), the private key is the block that matters.
  const begin = /-----BEGIN ((?:RSA |ENCRYPTED |EC |DSA |OPENSSH )?PRIVATE KEY)-----/.exec(text) ?? /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text);
  if (!begin) throw notAKey(text, field);
  const label = begin[1]!;
  const name = pemName(label);
  const bodyStart = begin.index + begin[0].length;
  const endMarker = `-----END ${label}-----`;
  const endIndex = text.indexOf(endMarker, bodyStart);
  if (endIndex < 0) {
    const otherEnd = /-----END ([A-Z0-9 ]+)-----/.exec(text.slice(bodyStart));
    throw new InspectorError(
      'damaged_pem',
      otherEnd
        ? `This ${name} starts with -----BEGIN ${label}----- but ends with -----END ${otherEnd[1]}-----: the lines belong to different keys. Copy one whole key again.`
        : `This ${name} has no "${endMarker}" line: the copy was cut off. Copy the whole key, including the END line.`,
      field,
    );
  }
  const lines = text.slice(bodyStart, endIndex).split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  const headers: string[] = [];
  while (lines.length > 0 && /^[A-Za-z][A-Za-z-]*:/.test(lines[0]!)) headers.push(lines.shift()!);
  const body = lines.join('').replace(/\s+/g, '');
  if (body === '') throw new InspectorError('damaged_pem', `This ${name} has BEGIN and END lines but nothing between them: copy the whole key.`, field);
  const foreign = body.replace(/[A-Za-z0-9+/=]/g, '');
  if (foreign !== '') {
    const shown = [...new Set(foreign)].slice(0, 5).map((c) => `"${c}"`).join(', ');
    throw new InspectorError(
      'damaged_pem',
      `This ${name} is damaged: its body contains characters that are not base64 (${shown}). Copy the key again from the original file, without editing it.`,
      field,
    );
  }
  if (body.length % 4 !== 0 || /=[^=]/.test(body)) {
    throw new InspectorError(
      'damaged_pem',
      `This ${name} is damaged: its base64 body is cut short or has characters missing (length ${body.length} is not a multiple of 4). Copy the whole key again.`,
      field,
    );
  }
  const der = Buffer.from(body, 'base64');
  const wrapped = body.match(/.{1,64}/g)!.join('\n');
  const pem = `-----BEGIN ${label}-----\n${headers.length ? `${headers.join('\n')}\n\n` : ''}${wrapped}\n${endMarker}\n`;
  return { label, headers, der, pem };
}

/** node:crypto reports any ASN.1 damage as "DECODER routines::unsupported"; say it in words. */
function parseOrDamaged<T>(parse: () => T, name: string, field: string): T {
  try {
    return parse();
  } catch {
    throw new InspectorError(
      'damaged_pem',
      `This ${name} is damaged: its base64 decodes, but the bytes are not a valid ${name.replace(/ PEM.*$/, '')} structure (ASN.1). Part of the key was lost or changed while copying; copy it again from the original file.`,
      field,
    );
  }
}

function decryptPem(parse: () => KeyObject, name: string, options: ReadKeyOptions): KeyObject {
  if (!options.passphrase) {
    throw new InspectorError('passphrase_required', `This ${name} is encrypted: type its passphrase to import it.`, 'passphrase');
  }
  try {
    return parse();
  } catch {
    throw new InspectorError(
      'wrong_passphrase',
      `The passphrase does not decrypt this ${name}: check it and try again (a damaged key gives the same error).`,
      'passphrase',
    );
  }
}

function notAKey(text: string, field: string): InspectorError {
  if (/^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-\S+)\s+AAAA/.test(text)) {
    return new InspectorError(
      'unsupported_key_format',
      'This is an OpenSSH public key line (ssh-rsa AAAA…). Convert it to a PEM public key with `ssh-keygen -e -m PKCS8 -f key.pub` and paste that.',
      field,
    );
  }
  if (/^-----END /.test(text) || text.includes('-----END ')) {
    return new InspectorError('damaged_pem', 'This PEM has an END line but no "-----BEGIN …-----" line: the start of the key was cut off. Copy the whole key.', field);
  }
  if (/^[A-Za-z0-9+/=\s]{64,}$/.test(text)) {
    return new InspectorError(
      'damaged_pem',
      'This looks like the base64 body of a key without its "-----BEGIN …-----" and "-----END …-----" lines. Paste the whole PEM, including those lines.',
      field,
    );
  }
  return new InspectorError(
    'unrecognized_key_format',
    'This is neither a PEM key (text between "-----BEGIN …-----" and "-----END …-----" lines) nor a JWK (a JSON object with "kty"). Paste the key file’s text; convert binary DER or .p12 files to PEM with openssl first.',
    field,
  );
}

// ---------------------------------------------------------------------------------------------------
// JWK

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

function readJwkText(text: string, field: string, allowWeak: boolean): ReadKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : 'not JSON';
    throw new InspectorError(
      'damaged_json',
      `The key looks like a JWK (it starts with "${text[0]}") but is not valid JSON: ${detail}. Paste the whole JSON object, from { to the closing }.`,
      field,
    );
  }
  const jwk = pickJwk(parsed, field);
  const kty = jwk.kty;
  if (kty === undefined) throw new InspectorError('damaged_jwk', 'This JSON has no "kty" member, so it is not a JWK: an RSA JWK has "kty": "RSA", "n" and "e".', field);
  if (kty !== 'RSA') throw new InspectorError('not_rsa', `This JWK holds ${describeJwkType(jwk)}, not an RSA key. The UPI SDK signs with RS256, which needs an RSA key of ${MIN_SIGNING_BITS} bits or more: ${GENERATE_HINT}.`, field);
  const missingPublic = (['n', 'e'] as const).filter((m) => typeof jwk[m] !== 'string' || jwk[m] === '');
  if (missingPublic.length > 0) {
    const what = missingPublic.map((m) => (m === 'n' ? '"n" (the modulus)' : '"e" (the public exponent)')).join(' and ');
    throw new InspectorError('jwk_missing_members', `This RSA JWK has no ${what}: copy the complete JWK.`, field);
  }
  const kid = typeof jwk.kid === 'string' && jwk.kid.trim() !== '' ? jwk.kid.trim() : undefined;
  const withKid = (read: ReadKey): ReadKey => (kid === undefined ? read : { ...read, kid });
  const hasPrivate = PRIVATE_MEMBERS.some((m) => jwk[m] !== undefined);
  if (hasPrivate) {
    const missing = PRIVATE_MEMBERS.filter((m) => typeof jwk[m] !== 'string' || jwk[m] === '');
    if (missing.length > 0) {
      throw new InspectorError(
        'jwk_missing_members',
        `This RSA private JWK lacks ${missing.join(', ')}: signing needs the full form with d, p, q, dp, dq and qi. Export the complete private JWK from its source.`,
        field,
      );
    }
    assertBase64urlMembers(jwk, ['n', 'e', ...PRIVATE_MEMBERS], field);
    const material: JsonWebKey = { kty: 'RSA', n: jwk.n as string, e: jwk.e as string };
    for (const m of PRIVATE_MEMBERS) material[m] = jwk[m] as string;
    const privateKey = jwkOrDamaged(() => createPrivateKey({ key: material, format: 'jwk' }), field);
    return withKid(privateRead(privateKey, 'jwk-private', 'RSA private JWK, converted to PKCS#8', 'JWK', field, allowWeak));
  }
  assertBase64urlMembers(jwk, ['n', 'e'], field);
  const publicKey = jwkOrDamaged(() => createPublicKey({ key: { kty: 'RSA', n: jwk.n as string, e: jwk.e as string }, format: 'jwk' }), field);
  return withKid(publicRead(publicKey, 'jwk-public', 'RSA public JWK, converted to SPKI', 'JWK', field, allowWeak));
}

function pickJwk(parsed: unknown, field: string): Record<string, unknown> {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InspectorError('damaged_jwk', 'This JSON is not a JWK: a JWK is one JSON object with "kty", "n" and "e".', field);
  }
  const obj = parsed as Record<string, unknown>;
  if (Array.isArray(obj.keys) && obj.kty === undefined) {
    // A JWK Set (jwks.json): fine when it holds exactly one key.
    if (obj.keys.length === 1 && obj.keys[0] && typeof obj.keys[0] === 'object') return obj.keys[0] as Record<string, unknown>;
    throw new InspectorError(
      'unsupported_key_format',
      `This is a JWK Set with ${obj.keys.length} keys: paste the one key you mean (one object from "keys").`,
      field,
    );
  }
  return obj;
}

function describeJwkType(jwk: Record<string, unknown>): string {
  const crv = typeof jwk.crv === 'string' ? jwk.crv : undefined;
  if (jwk.kty === 'EC') return crv ? `an EC key (curve ${crv})` : 'an EC key';
  if (jwk.kty === 'OKP') return crv ? `an ${crv} key` : 'an OKP (EdDSA) key';
  if (jwk.kty === 'oct') return 'a symmetric (oct) secret';
  return `a "${String(jwk.kty)}" key`;
}

function assertBase64urlMembers(jwk: Record<string, unknown>, members: readonly string[], field: string): void {
  for (const m of members) {
    const value = jwk[m];
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) {
      throw new InspectorError(
        'damaged_jwk',
        `This JWK's "${m}" is not base64url (JWK members use A–Z a–z 0–9 - _ without padding): the key was changed or mis-exported.`,
        field,
      );
    }
  }
}

function jwkOrDamaged(parse: () => KeyObject, field: string): KeyObject {
  try {
    return parse();
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : '';
    throw new InspectorError('damaged_jwk', `This RSA JWK could not be read as a key (${detail}): export it again from its source.`, field);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * KeyInfo for a key that is not in the vault (a pasted public key, the CLI's --key-file), so results
 * describe every key the same way.
 */
export async function looseKeyInfo(
  read: ReadKey,
  options: { id: string; label: string; kid?: string; fileName?: string; createdAt?: string },
): Promise<KeyInfo> {
  const source: KeyInfo['source'] = options.fileName
    ? { format: read.format, description: read.description, fileName: options.fileName }
    : { format: read.format, description: read.description };
  return {
    id: options.id,
    kid: options.kid ?? read.kid ?? '',
    label: options.label,
    kind: read.kind,
    bits: read.bits,
    thumbprint: await jwkThumbprint(read.publicKey),
    createdAt: options.createdAt ?? new Date(0).toISOString(),
    source,
  };
}
