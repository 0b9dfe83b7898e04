import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixFor } from '../../../shared/errors';
import { sniffKeyFile } from '../../../shared/key-file';
import { InspectorError } from '../../../shared/result';
import { readKey, readKeyFile } from './read';

const dir = mkdtempSync(join(tmpdir(), 'upi-der-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const thumb = JSON.stringify(publicKey.export({ format: 'jwk' }));
const pkcs8Pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
writeFileSync(join(dir, 'key.pem'), pkcs8Pem);

function openssl(...args: string[]): Buffer {
  return execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A self-signed certificate and a PKCS#12 bundle, made by openssl the way merchants make them. */
openssl('req', '-x509', '-new', '-key', 'key.pem', '-subj', '/CN=merchant.example', '-days', '30', '-outform', 'DER', '-out', 'cert.der');
openssl('x509', '-inform', 'DER', '-in', 'cert.der', '-out', 'cert.pem');
openssl('pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-passout', 'pass:secret', '-out', 'merchant.p12');
execFileSync('ssh-keygen', ['-t', 'rsa', '-b', '2048', '-N', '', '-q', '-f', join(dir, 'id_rsa')]);
execFileSync('ssh-keygen', ['-t', 'ed25519', '-N', '', '-q', '-f', join(dir, 'id_ed25519')]);

const files = {
  pkcs8: privateKey.export({ type: 'pkcs8', format: 'der' }),
  pkcs1: privateKey.export({ type: 'pkcs1', format: 'der' }),
  encrypted: privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'file secret' }),
  spki: publicKey.export({ type: 'spki', format: 'der' }),
  pkcs1Public: publicKey.export({ type: 'pkcs1', format: 'der' }),
  certificate: readFileSync(join(dir, 'cert.der')),
  p12: readFileSync(join(dir, 'merchant.p12')),
};

/** A JPEG as a phone camera starts one: SOI, an APP0/JFIF segment, then image data. */
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'), Buffer.alloc(64, 0x7f), Buffer.from([0xff, 0xd9])]);

/** A one-file ZIP archive holding key.pem (what "send me the key" by mail often produces). */
function zipOf(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const packed = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, Buffer.from(name), packed]);
}

function thrown(read: () => unknown): InspectorError {
  try {
    read();
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('sniffing a key file from its bytes', () => {
  it('tells every DER structure apart, and a PKCS#12 bundle', () => {
    expect(sniffKeyFile(files.pkcs8)).toEqual({ kind: 'der', structure: 'pkcs8' });
    expect(sniffKeyFile(files.pkcs1)).toEqual({ kind: 'der', structure: 'pkcs1-private' });
    expect(sniffKeyFile(files.encrypted)).toEqual({ kind: 'der', structure: 'encrypted-pkcs8' });
    expect(sniffKeyFile(files.spki)).toEqual({ kind: 'der', structure: 'spki' });
    expect(sniffKeyFile(files.pkcs1Public)).toEqual({ kind: 'der', structure: 'pkcs1-public' });
    expect(sniffKeyFile(files.certificate)).toEqual({ kind: 'der', structure: 'certificate' });
    expect(sniffKeyFile(files.p12)).toEqual({ kind: 'pkcs12' });
  });

  it('knows text keys, in UTF-8 with or without a byte order mark and in UTF-16', () => {
    expect(sniffKeyFile(Buffer.from(pkcs8Pem))).toEqual({ kind: 'text', encoding: 'utf-8' });
    expect(sniffKeyFile(Buffer.from(`\uFEFF${pkcs8Pem}`))).toEqual({ kind: 'text', encoding: 'utf-8' });
    expect(sniffKeyFile(readFileSync(join(dir, 'id_rsa.pub')))).toEqual({ kind: 'text', encoding: 'utf-8' });
    expect(sniffKeyFile(Buffer.from(`\uFEFF${pkcs8Pem}`, 'utf16le'))).toEqual({ kind: 'text', encoding: 'utf-16le' });
  });

  it('knows a photo, an archive or other binary data for what it is', () => {
    expect(sniffKeyFile(jpeg)).toEqual({ kind: 'binary', format: 'a JPEG image' });
    expect(sniffKeyFile(zipOf('key.pem', pkcs8Pem)).kind).toBe('binary');
    expect(sniffKeyFile(zipOf('key.pem', pkcs8Pem))).toMatchObject({ format: expect.stringContaining('ZIP archive') });
    expect(sniffKeyFile(gzipSync(pkcs8Pem))).toEqual({ kind: 'binary', format: 'a gzip archive' });
    expect(sniffKeyFile(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0x99]))).toEqual({ kind: 'binary', format: 'binary data, not a key' });
  });
});

describe('reading key files', () => {
  it.each([
    ['pkcs8', 'private', 'DER PKCS#8 private key, read directly (no conversion needed)'],
    ['pkcs1', 'private', 'DER PKCS#1 RSA private key, read directly (no conversion needed) and converted to PKCS#8'],
    ['spki', 'public', 'DER public key (SPKI), read directly (no conversion needed)'],
    ['pkcs1Public', 'public', 'DER PKCS#1 RSA public key, read directly (no conversion needed) and converted to SPKI'],
  ] as const)('DER %s is read directly, the same key as its PEM', (file, kind, description) => {
    const read = readKeyFile(files[file], { fileName: `${file}.der` });
    expect([read.kind, read.description, read.bits]).toEqual([kind, description, 2048]);
    expect(JSON.stringify(read.publicKey.export({ format: 'jwk' }))).toBe(thumb);
  });

  it('a DER certificate gives its public key; an encrypted DER key asks for, then takes, its passphrase', () => {
    expect(readKeyFile(files.certificate).description).toContain('CN=merchant.example');
    expect(thrown(() => readKeyFile(files.encrypted, { fileName: 'key.der' })).code).toBe('passphrase_required');
    expect(thrown(() => readKeyFile(files.encrypted, { passphrase: 'nope' })).code).toBe('wrong_passphrase');
    expect(readKeyFile(files.encrypted, { passphrase: 'file secret' }).kind).toBe('private');
  });

  it('a text file is read as text, UTF-16 included', () => {
    expect(readKeyFile(Buffer.from(pkcs8Pem)).description).toBe('PKCS#8 PEM');
    expect(readKeyFile(Buffer.from(`\uFEFF${pkcs8Pem}`, 'utf16le')).description).toBe('PKCS#8 PEM');
  });

  it('a .p12 bundle gets the exact openssl command, naming the file', () => {
    const e = thrown(() => readKeyFile(files.p12, { fileName: 'merchant.p12' }));
    expect(e.code).toBe('pkcs_bundle');
    expect(e.message).toContain('merchant.p12 is a PKCS#12 bundle');
    expect(e.fix).toContain('`openssl pkcs12 -in merchant.p12 -nodes -nocerts -out merchant.pem`');
    // The command works, and its output imports.
    openssl('pkcs12', '-in', 'merchant.p12', '-nodes', '-nocerts', '-passin', 'pass:secret', '-out', 'merchant.pem');
    expect(readKey(readFileSync(join(dir, 'merchant.pem'), 'utf8')).kind).toBe('private');
    expect(thrown(() => readKeyFile(files.p12, { fileName: 'Merchant Key.pfx' })).fix).toContain("-in 'Merchant Key.pfx' -nodes -nocerts -out 'Merchant Key.pem'");
  });

  it('a photo or an archive is refused as what it is, never read as text', () => {
    const photo = thrown(() => readKeyFile(jpeg, { fileName: 'photo.jpg' }));
    expect([photo.code, photo.message]).toEqual(['binary_file', 'photo.jpg is a JPEG image, not a key.']);
    expect(thrown(() => readKeyFile(zipOf('key.pem', pkcs8Pem), { fileName: 'keys.zip' })).message).toMatch(/^keys\.zip is a ZIP archive/);
    // The same bytes pasted as text: said to be binary, not "not a PEM".
    const lost = thrown(() => readKey(files.p12.toString('utf8'), { fileName: 'merchant.p12' }));
    expect([lost.code, lost.message]).toEqual(['binary_as_text', 'merchant.p12 is binary (a DER key, a .p12 bundle, or no key at all) and was read as text, so its bytes are lost.']);
    expect(fixFor(lost, 'window')).toBe('Open the file itself with Open key file… (or drop it on the key box) instead of pasting its text.');
    expect(fixFor(lost, 'cli')).toBe('Give UPI Inspector PEM text: convert the bundle first: `openssl pkcs12 -in merchant.p12 -nodes -nocerts -out merchant.pem`.');
    expect(thrown(() => readKey(jpeg.toString('utf8'))).code).toBe('binary_as_text');
  });

  it('a damaged DER key names the openssl command to try; unknown DER names asn1parse', () => {
    // The RSA key inside the PKCS#8 wrapper no longer starts as a SEQUENCE.
    const damaged = Buffer.from(files.pkcs8);
    const inner = damaged.indexOf(Buffer.from([0x04, 0x82]), 7) + 4;
    expect(damaged[inner]).toBe(0x30);
    damaged[inner] = 0x31;
    const e = thrown(() => readKeyFile(damaged, { fileName: 'key.der' }));
    expect([e.code, e.fix]).toEqual(['der_unreadable', 'Try `openssl rsa -inform DER -in key.der -out key.pem`; if openssl cannot read it either, the file is damaged: get it again.']);
    const cut = thrown(() => readKeyFile(files.pkcs8.subarray(0, 600), { fileName: 'key.der' }));
    expect([cut.code, cut.message]).toEqual(['der_unreadable', `key.der is binary DER, cut short: it says it holds ${files.pkcs8.length} bytes, the file has 600.`]);
    const other = Buffer.from([0x30, 0x06, 0x04, 0x01, 0x00, 0x04, 0x01, 0x00]);
    expect(thrown(() => readKeyFile(other, { fileName: 'blob.bin' })).fix).toContain('`openssl asn1parse -inform DER -in blob.bin`');
  });
});

describe('OpenSSH keys', () => {
  it('an ssh-rsa public key gets the ssh-keygen command, naming the file, and the command works', () => {
    const text = readFileSync(join(dir, 'id_rsa.pub'), 'utf8');
    const e = thrown(() => readKeyFile(Buffer.from(text), { fileName: 'id_rsa.pub' }));
    expect(e.code).toBe('openssh_key');
    expect(e.fix).toContain('`ssh-keygen -f id_rsa.pub -e -m PKCS8 > id_rsa.pem`');
    const pem = execFileSync('ssh-keygen', ['-f', join(dir, 'id_rsa.pub'), '-e', '-m', 'PKCS8']).toString();
    expect(readKey(pem).kind).toBe('public');
  });

  it('an OpenSSH private key gets the command that rewrites a copy as PKCS#8, and the command works', () => {
    const e = thrown(() => readKeyFile(readFileSync(join(dir, 'id_rsa')), { fileName: 'id_rsa' }));
    expect(e.code).toBe('openssh_key');
    expect(e.fix).toContain('`cp id_rsa id_rsa.pem && ssh-keygen -p -m PKCS8 -f id_rsa.pem`');
    execFileSync('sh', ['-c', 'cp id_rsa id_rsa.pem && ssh-keygen -p -m PKCS8 -N "" -P "" -f id_rsa.pem'], { cwd: dir, stdio: 'ignore' });
    expect(readKey(readFileSync(join(dir, 'id_rsa.pem'), 'utf8')).kind).toBe('private');
  });

  it('an Ed25519 OpenSSH key is said not to be RSA, pasted or as a file', () => {
    expect(thrown(() => readKey(readFileSync(join(dir, 'id_ed25519'), 'utf8'))).message).toContain('OpenSSH Ed25519 private key, not an RSA key');
    expect(thrown(() => readKey(readFileSync(join(dir, 'id_ed25519.pub'), 'utf8'))).code).toBe('not_rsa');
  });
});
