/**
 * Key files as bytes: binary DER is read by node:crypto directly (PKCS#8, PKCS#1, SPKI, certificate,
 * encrypted PKCS#8 with its passphrase); a PKCS#12 bundle, a DER file node cannot read, or a file that
 * is no key at all (a photo, an archive) is refused with what it is and, where one exists, the exact
 * command that converts it, naming the file.
 */
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { conversionCommand, DER_NAMES, pemNameFor, type DerStructure, type KeyFileSniff } from '../../../shared/key-file';
import { InspectorError } from '../../../shared/result';
import type { ReadKey, ReadKeyOptions } from './read';
import { privateRead, publicRead } from './rsa-policy';

const DIRECT = 'read directly (no conversion needed)';

function named(fileName: string | undefined): string {
  return fileName ? fileName : 'This file';
}

/** The refusal for a file that is not a key or must be converted first; null for text and DER. */
export function keyFileRefusal(sniff: KeyFileSniff, fileName: string | undefined, field: string): InspectorError | null {
  if (sniff.kind === 'binary') {
    return new InspectorError('binary_file', `${named(fileName)} is ${sniff.format}, not a key.`, { field });
  }
  if (sniff.kind === 'der-cut') {
    return new InspectorError('der_unreadable', `${named(fileName)} is binary DER, cut short: it says it holds ${sniff.declared} bytes, the file has ${sniff.actual}.`, {
      fix: 'Get the file again: it was cut off while copying or downloading.',
      field,
    });
  }
  if (sniff.kind === 'pkcs12') {
    const command = conversionCommand('pkcs12', fileName);
    return new InspectorError('pkcs_bundle', `${named(fileName)} is a PKCS#12 bundle (.p12/.pfx): a password-protected container of a key and its certificate, which UPI Inspector does not open.`, {
      fix: `Convert it with \`${command}\` (it asks for the bundle’s password; add -legacy if OpenSSL 3 answers "unsupported"), then import ${pemNameFor(fileName || 'merchant.p12')}.`,
      field,
    });
  }
  return null;
}

function unreadable(structure: DerStructure, fileName: string | undefined, field: string, why: string): InspectorError {
  const command = conversionCommand(structure, fileName);
  const fix =
    structure === 'unknown'
      ? `See what it holds with \`${command}\`; a key file is PKCS#8, PKCS#1, SPKI or a certificate.`
      : `Try \`${command}\`; if openssl cannot read it either, the file is damaged: get it again.`;
  return new InspectorError('der_unreadable', `${named(fileName)} is binary DER (${DER_NAMES[structure]}) ${why}.`, { fix, field });
}

function parse<T>(read: () => T, structure: DerStructure, fileName: string | undefined, field: string): T {
  try {
    return read();
  } catch {
    throw unreadable(structure, fileName, field, 'but its bytes do not read as one: part of it is missing or changed');
  }
}

function decrypt(der: Buffer, options: ReadKeyOptions, fileName: string | undefined): KeyObject {
  const name = `${named(fileName)} (${DER_NAMES['encrypted-pkcs8']})`;
  if (!options.passphrase) {
    throw new InspectorError('passphrase_required', `${name} is encrypted, and no passphrase was given.`, { fix: 'Type its passphrase to import it.', field: 'passphrase' });
  }
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase: options.passphrase });
  } catch {
    throw new InspectorError('wrong_passphrase', `The passphrase does not decrypt ${name} (a damaged file gives the same error).`, { fix: 'Check it and try again.', field: 'passphrase' });
  }
}

/** Reads a DER key with node:crypto, through the same RSA policy as PEM keys. */
export function readDer(der: Buffer, structure: DerStructure, options: ReadKeyOptions, field: string): ReadKey {
  const { fileName } = options;
  const allowWeak = options.allowWeak === true;
  const name = DER_NAMES[structure];
  const on = <T>(read: () => T) => parse(read, structure, fileName, field);
  switch (structure) {
    case 'pkcs8':
      return privateRead(on(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })), 'pkcs8-der', `${name}, ${DIRECT}`, name, field, allowWeak);
    case 'pkcs1-private':
      return privateRead(on(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })), 'pkcs1-der', `${name}, ${DIRECT} and converted to PKCS#8`, name, field, allowWeak);
    case 'encrypted-pkcs8':
      return privateRead(decrypt(der, options, fileName), 'encrypted-pkcs8-der', `${name}, decrypted with its passphrase`, name, field, allowWeak);
    case 'spki':
      return publicRead(on(() => createPublicKey({ key: der, format: 'der', type: 'spki' })), 'spki-der', `${name}, ${DIRECT}`, name, field, allowWeak);
    case 'pkcs1-public':
      return publicRead(on(() => createPublicKey({ key: der, format: 'der', type: 'pkcs1' })), 'pkcs1-public-der', `${name}, ${DIRECT} and converted to SPKI`, name, field, allowWeak);
    case 'certificate': {
      const cert = on(() => new X509Certificate(der));
      const subject = cert.subject.replace(/\n/g, ', ');
      return publicRead(cert.publicKey, 'x509-der', `${name} (${subject || 'no subject'}, valid until ${cert.validTo}), public key taken from it`, name, field, allowWeak);
    }
    case 'unknown':
      throw unreadable(structure, fileName, field, 'but not a key structure UPI Inspector knows');
  }
}
