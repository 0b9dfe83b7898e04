import { describe, expect, it } from 'vitest';
import { fixFor } from '../../../shared/errors';
import { testRsaKey } from '../__fixtures__/test-keys';
import { thrown } from '../__fixtures__/thrown';
import { readKey } from './read';

const key = testRsaKey();
const PASSPHRASE = 'correct horse battery staple';
const refusal = (text: string, passphrase?: string) => thrown(() => readKey(text, passphrase === undefined ? {} : { passphrase }));

describe('damaged PEM: what was lost, and to copy it again', () => {
  it('a character that is not base64', () => {
    const lines = key.pkcs8Pem.split('\n');
    lines[3] = `${lines[3]!.slice(0, 10)}#${lines[3]!.slice(11)}`;
    const e = refusal(lines.join('\n'));
    expect(e.code).toBe('damaged_pem');
    expect(e.message).toMatch(/PKCS#8 PEM is damaged: its body contains characters that are not base64 \("#"\)/);
    expect(e.fix).toMatch(/^Copy the key again from the original file/);
  });

  it('missing END line', () => {
    const cut = key.pkcs1Pem.slice(0, key.pkcs1Pem.indexOf('-----END'));
    const e = refusal(cut);
    expect(e.code).toBe('damaged_pem');
    expect(e.message).toMatch(/PKCS#1 PEM has no "-----END RSA PRIVATE KEY-----" line: the copy was cut off/);
    expect(e.fix).toBe('Copy the whole key, including the END line.');
  });

  it('valid base64 but broken ASN.1', () => {
    const lines = key.pkcs8Pem.split('\n');
    lines[1] = `${lines[1]!.slice(0, 4)}AAAA${lines[1]!.slice(8)}`; // changes the DER length/tag bytes
    const e = refusal(lines.join('\n'));
    expect(e.code).toBe('damaged_pem');
    expect(e.message).toMatch(/its base64 decodes, but the bytes are not a valid PKCS#8 structure \(ASN\.1\)/);
  });

  it('a line dropped (base64 cut short)', () => {
    const lines = key.spkiPem.split('\n');
    lines.splice(2, 1);
    const e = refusal(lines.join('\n'));
    expect(e.code).toBe('damaged_pem');
    expect(e.message).toMatch(/SPKI public key PEM is damaged/);
  });
});

describe('encrypted PEM', () => {
  it('encrypted PKCS#8 without a passphrase: passphrase_required on the passphrase field, each door saying where to type it', () => {
    const e = refusal(key.encryptedPkcs8Pem(PASSPHRASE));
    expect([e.code, e.field]).toEqual(['passphrase_required', 'passphrase']);
    expect(e.message).toBe('This encrypted PKCS#8 PEM is encrypted, and no passphrase was given.');
    expect(fixFor(e, 'window')).toMatch(/Key passphrase field/);
    expect(fixFor(e, 'cli')).toMatch(/UPI_INSPECTOR_KEY_PASSPHRASE/);
  });

  it('encrypted PKCS#8 with the wrong passphrase: wrong_passphrase', () => {
    const e = refusal(key.encryptedPkcs8Pem(PASSPHRASE), 'Tr0ub4dor&3');
    expect([e.code, e.field]).toEqual(['wrong_passphrase', 'passphrase']);
    expect(e.message).toMatch(/The passphrase does not decrypt this encrypted PKCS#8 PEM/);
  });

  it('legacy encrypted PKCS#1 (Proc-Type) needs its passphrase too', () => {
    const legacy = String(key.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: PASSPHRASE }));
    expect(refusal(legacy).code).toBe('passphrase_required');
    expect(readKey(legacy, { passphrase: PASSPHRASE }).format).toBe('pkcs1-pem');
  });
});

describe('text that is not a PEM key', () => {
  it('OpenSSH formats, bare base64 and random text each get their own hint', () => {
    // Pasted, so no file name: the commands use the usual ones.
    expect(refusal('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host').fix).toContain('`ssh-keygen -f key.pub -e -m PKCS8 > key.pem`');
    expect(refusal('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----').fix).toMatch(/ssh-keygen -p -m PKCS8/);
    const body = key.spkiPem.split('\n').slice(1, -2).join('\n');
    const bare = refusal(body);
    expect(bare.message).toMatch(/base64 body of a key without its "-----BEGIN …-----"/);
    expect(bare.fix).toBe('Paste the whole PEM, including those lines.');
    expect(refusal('hello world').code).toBe('unrecognized_key_format');
  });

  it('a certificate request is not a key', () => {
    const e = refusal('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----');
    expect(e.code).toBe('unsupported_key_format');
    expect(e.message).toMatch(/PEM "CERTIFICATE REQUEST" block, not an RSA key/);
    expect(e.fix).toMatch(/BEGIN PRIVATE KEY.*BEGIN PUBLIC KEY.*BEGIN CERTIFICATE/);
  });
});
