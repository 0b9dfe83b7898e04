/**
 * What a key file is, from its bytes, before anyone reads it as text: a text file (PEM, JWK, OpenSSH),
 * binary DER (and which structure), a PKCS#12 bundle, or something that is no key at all (an image, an
 * archive…). And the exact `openssl` / `ssh-keygen` command that turns it into a PEM this tool reads.
 * Pure: the window uses it as soon as a file is dropped, the main side before it reads the key.
 */

export type DerStructure = 'pkcs8' | 'encrypted-pkcs8' | 'pkcs1-private' | 'spki' | 'pkcs1-public' | 'certificate' | 'unknown';

export type KeyFileSniff =
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { kind: 'der'; structure: DerStructure }
  | { kind: 'pkcs12' }
  /** DER whose outer length says more bytes than the file has: cut off while copying. */
  | { kind: 'der-cut'; declared: number; actual: number }
  | { kind: 'binary'; format: string };

/** Magic numbers of files people drop by mistake, for "this is a JPEG image, not a key". */
const MAGIC: { bytes: number[]; format: string }[] = [
  { bytes: [0xff, 0xd8, 0xff], format: 'a JPEG image' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], format: 'a PNG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], format: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], format: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: 'a ZIP archive (or a .docx, .xlsx, .jar, .apk…)' },
  { bytes: [0x1f, 0x8b], format: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], format: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], format: 'a 7-Zip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], format: 'a program (ELF)' },
  { bytes: [0x4d, 0x5a], format: 'a Windows program' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], format: 'a Java class file' },
  { bytes: [0x64, 0x65, 0x78, 0x0a], format: 'an Android DEX file' },
];

// ASN.1 DER, as far as telling key structures apart needs: tag, length, and where the content is.
interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(b: Uint8Array, at: number, limit: number): Tlv | null {
  if (at + 2 > limit) return null;
  const tag = b[at]!;
  let len = b[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return null;
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + b[start + i]!;
    start += count;
  }
  const end = start + len;
  return end <= limit ? { tag, start, end } : null;
}

function children(b: Uint8Array, parent: Tlv, max = 12): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end && out.length < max; ) {
    const child = readTlv(b, at, parent.end);
    if (!child) return [];
    out.push(child);
    at = child.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OID = 0x06;
const OCTET_STRING = 0x04;
const BIT_STRING = 0x03;

function smallInteger(b: Uint8Array, t: Tlv | undefined): number | null {
  if (!t || t.tag !== INTEGER || t.end - t.start !== 1) return null;
  return b[t.start]!;
}

/** OID 1.2.840.113549.1.7.x (PKCS#7 content types), the first thing inside a PKCS#12 bundle. */
function isPkcs7ContentType(b: Uint8Array, t: Tlv | undefined): boolean {
  const pkcs7 = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];
  return !!t && t.tag === OID && t.end - t.start === 9 && pkcs7.every((v, i) => b[t.start + i] === v);
}

function derStructure(b: Uint8Array): DerStructure | 'pkcs12' | null {
  const top = readTlv(b, 0, b.length);
  if (!top || top.tag !== SEQUENCE || top.end < b.length - 2) return null;
  const parts = children(b, top);
  if (parts.length === 0) return null;
  const [a, c, d] = parts;
  const version = smallInteger(b, a);
  if (version === 3 && c?.tag === SEQUENCE && isPkcs7ContentType(b, children(b, c, 1)[0])) return 'pkcs12';
  if ((version === 0 || version === 1) && c?.tag === SEQUENCE && children(b, c, 1)[0]?.tag === OID && d?.tag === OCTET_STRING) return 'pkcs8';
  if (version === 0 && c?.tag === INTEGER && parts.length >= 9) return 'pkcs1-private';
  if (a?.tag === SEQUENCE && children(b, a, 1)[0]?.tag === OID && c?.tag === OCTET_STRING && parts.length === 2) return 'encrypted-pkcs8';
  if (a?.tag === SEQUENCE && children(b, a, 1)[0]?.tag === OID && c?.tag === BIT_STRING && parts.length === 2) return 'spki';
  if (a?.tag === INTEGER && c?.tag === INTEGER && parts.length === 2) return 'pkcs1-public';
  // tbsCertificate starts with its [0] version, or (version 1) the serial number.
  const tbsFirst = a?.tag === SEQUENCE ? children(b, a, 1)[0] : undefined;
  if (c?.tag === SEQUENCE && d?.tag === BIT_STRING && parts.length === 3 && (tbsFirst?.tag === 0xa0 || tbsFirst?.tag === INTEGER)) return 'certificate';
  return 'unknown';
}

/** The length a DER SEQUENCE header declares for the whole file (header included), or null. */
function declaredLength(b: Uint8Array): number | null {
  const first = b[1];
  if (first === undefined) return null;
  if (!(first & 0x80)) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 3 || b.length < 2 + count) return null;
  let len = 0;
  for (let i = 0; i < count; i++) len = len * 256 + b[2 + i]!;
  return 2 + count + len;
}

/** Control characters a text key file never holds (tab, line breaks and form feed excepted), or broken UTF-8. */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return true;
    if (c < 0x80) continue;
    // A UTF-8 sequence: a lead byte and 1–3 continuation bytes.
    const extra = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (extra < 0) return true;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= b.length) return true;
      if ((b[i + k]! & 0xc0) !== 0x80) return true;
    }
    i += extra;
  }
  return false;
}

/** Tells a text key from binary DER, a PKCS#12 bundle, or a file that is no key. */
export function sniffKeyFile(bytes: Uint8Array): KeyFileSniff {
  // A PEM saved as "Unicode" by a Windows editor: UTF-16 with its byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', encoding: 'utf-16be' };
  let at = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) at = 3; // UTF-8 byte order mark
  const body = at ? bytes.subarray(at) : bytes;
  const magic = MAGIC.find((m) => m.bytes.every((v, i) => body[i] === v));
  if (magic) return { kind: 'binary', format: magic.format };
  if (!looksBinary(body)) return { kind: 'text', encoding: 'utf-8' };
  const der = body[0] === SEQUENCE ? derStructure(body) : null;
  if (der === 'pkcs12') return { kind: 'pkcs12' };
  const cut = der === null && body[0] === SEQUENCE ? declaredLength(body) : null;
  if (cut !== null && cut > body.length && cut < 64 * 1024) return { kind: 'der-cut', declared: cut, actual: body.length };
  if (der) return { kind: 'der', structure: der };
  return { kind: 'binary', format: 'binary data, not a key' };
}

/** Text that was a binary file read as UTF-8: NUL bytes or replacement characters near its start. */
export function isBinaryAsText(text: string): boolean {
  const head = text.slice(0, 4096);
  return head.includes('\u0000') || head.includes('\uFFFD');
}

export const DER_NAMES: Record<DerStructure, string> = {
  pkcs8: 'DER PKCS#8 private key',
  'encrypted-pkcs8': 'DER encrypted PKCS#8 private key',
  'pkcs1-private': 'DER PKCS#1 RSA private key',
  spki: 'DER public key (SPKI)',
  'pkcs1-public': 'DER PKCS#1 RSA public key',
  certificate: 'DER X.509 certificate',
  unknown: 'DER data of an unknown structure',
};

/** A file name as a shell argument: as is when plain, else single-quoted. */
export function shellArg(name: string): string {
  return /^[\w.@%+=:,/-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

/** `merchant.p12` → `merchant.pem`; a name already ending in .pem gets `.converted.pem`. */
export function pemNameFor(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.[^.]+$/, '') || base;
  return base.toLowerCase().endsWith('.pem') ? `${stem}.converted.pem` : `${stem}.pem`;
}

export type Convertible = DerStructure | 'pkcs12' | 'openssh-public' | 'openssh-private';

/** The command that writes a PEM this tool reads, naming the file (a placeholder name when pasted). */
export function conversionCommand(what: Convertible, fileName: string | undefined): string {
  const fallback = what === 'openssh-public' ? 'key.pub' : what === 'openssh-private' ? 'id_rsa' : what === 'pkcs12' ? 'merchant.p12' : 'key.der';
  const file = fileName?.trim() || fallback;
  const input = shellArg(file);
  const output = shellArg(pemNameFor(file));
  switch (what) {
    case 'pkcs12':
      return `openssl pkcs12 -in ${input} -nodes -nocerts -out ${output}`;
    case 'pkcs8':
    case 'pkcs1-private':
      return `openssl rsa -inform DER -in ${input} -out ${output}`;
    case 'encrypted-pkcs8':
      return `openssl pkcs8 -inform DER -in ${input} -out ${output}`;
    case 'spki':
      return `openssl rsa -pubin -inform DER -in ${input} -out ${output}`;
    case 'pkcs1-public':
      return `openssl rsa -RSAPublicKey_in -inform DER -in ${input} -pubout -out ${output}`;
    case 'certificate':
      return `openssl x509 -inform DER -in ${input} -out ${output}`;
    case 'openssh-public':
      return `ssh-keygen -f ${input} -e -m PKCS8 > ${output}`;
    case 'openssh-private':
      return `cp ${input} ${output} && ssh-keygen -p -m PKCS8 -f ${output}`;
    case 'unknown':
      return `openssl asn1parse -inform DER -in ${input}`;
  }
}
