import { describe, expect, it } from 'vitest';
import { guessKeyText } from '../../lib/keyText';
import { labelFor, noteFor, readPickedFile } from './keyFile';

// Web Crypto, so this runs (and typechecks) as window code: a PKCS#8 DER key and its PEM.
const pair = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
const der = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
const base64 = btoa(String.fromCharCode(...der));
const pem = `-----BEGIN PRIVATE KEY-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** The text as a Windows editor saves "Unicode": UTF-16LE with a byte order mark. */
function utf16le(text: string): Uint8Array<ArrayBuffer> {
  const out = new DataView(new ArrayBuffer(2 + text.length * 2));
  out.setUint16(0, 0xfeff, true);
  for (let i = 0; i < text.length; i++) out.setUint16(2 + i * 2, text.charCodeAt(i), true);
  return new Uint8Array(out.buffer);
}

describe('a key file picked on the import form', () => {
  it('a photo is never text: no text, no bytes to send, a note that says what it is and what to pick', async () => {
    const picked = await readPickedFile(new File([jpeg], 'photo.jpg'));
    expect([picked.text, picked.base64]).toEqual([undefined, undefined]);
    const note = noteFor(picked)!;
    expect(note).toMatchObject({ tone: 'error', importable: false });
    expect(note.message).toBe('photo.jpg is a JPEG image, not a key. Pick the key file itself: the .pem, .key, .der, .p8 or .json (JWK) file the merchant or Juspay gave you.');
  });

  it('a DER key is kept as bytes to import as it is, with the command to convert it shown', async () => {
    const picked = await readPickedFile(new File([der], 'merchant key.der'));
    expect(picked.base64).toBe(base64);
    const note = noteFor(picked)!;
    expect(note).toMatchObject({ tone: 'info', importable: true, command: "openssl rsa -inform DER -in 'merchant key.der' -out 'merchant key.pem'" });
    expect(note.message).toMatch(/^merchant key\.der: DER PKCS#8 private key \(binary, 1\.\d KB\)\. It is read as it is/);
  });

  it('a text key file goes into the box as text, UTF-16 decoded; the label drops the extension', async () => {
    expect((await readPickedFile(new File([pem], 'key.pem'))).text).toBe(pem);
    const utf16 = await readPickedFile(new File([utf16le(pem)], 'key.pem'));
    expect(utf16.text).toBe(pem);
    expect(noteFor(utf16)).toBeNull();
    expect([labelFor('merchant.pem'), labelFor('prod.der'), labelFor('photo.jpg')]).toEqual(['merchant', 'prod', 'photo.jpg']);
  });
});

describe('guessKeyText for pasted text', () => {
  it('OpenSSH keys get the ssh-keygen command, naming the file when there is one', () => {
    expect(guessKeyText('ssh-rsa AAAAB3NzaC1yc2E user@host', 'deploy.pub')?.description).toBe('OpenSSH public key: convert it first with ssh-keygen -f deploy.pub -e -m PKCS8 > deploy.pem');
    expect(guessKeyText('-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n-----END OPENSSH PRIVATE KEY-----')?.description).toContain('cp id_rsa id_rsa.pem && ssh-keygen -p -m PKCS8 -f id_rsa.pem');
    expect(guessKeyText('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 user@host')?.description).toContain('needs an RSA key');
  });

  it('binary bytes pasted as text are said to be lost, not "not a PEM"', () => {
    expect(guessKeyText(new TextDecoder().decode(jpeg))?.kind).toBe('binary');
  });
});
