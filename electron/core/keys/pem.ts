/** PEM keys: the block found in pasted text, its label, its base64 body, and node:crypto's reading of it. */
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { InspectorError } from '../../../shared/result';
import type { ReadKey, ReadKeyOptions } from './read';
import { opensshPrivateError, opensshPublicError } from './openssh';
import { assertUsableRsa, GENERATE_FIX, privateRead, publicRead, RS256_NEEDS_RSA } from './rsa-policy';

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

export function readPemText(text: string, options: ReadKeyOptions, field: string): ReadKey {
  const allowWeak = options.allowWeak === true;
  const block = readPemBlock(text, field, options.fileName);
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
      throw new InspectorError('not_rsa', `This ${name} is not an RSA key.`, { fix: GENERATE_FIX, field }); // unreachable: EC is never RSA
    }
    case 'DSA PRIVATE KEY':
      throw new InspectorError('not_rsa', `This PEM holds a DSA private key, not an RSA key. ${RS256_NEEDS_RSA}`, { fix: GENERATE_FIX, field });
    case 'OPENSSH PRIVATE KEY':
      throw opensshPrivateError(block.der, options.fileName, field);
    default:
      throw new InspectorError('unsupported_key_format', `This is a PEM "${block.label}" block, not an RSA key.`, {
        fix: 'Paste a private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY, BEGIN ENCRYPTED PRIVATE KEY), a public key (BEGIN PUBLIC KEY, BEGIN RSA PUBLIC KEY) or a certificate (BEGIN CERTIFICATE).',
        field,
      });
  }
}

function readPemBlock(text: string, field: string, fileName: string | undefined): PemBlock {
  // In a bundle (certificate + key, as openssl pkcs12 writes), the private key is the block that matters.
  const begin = /-----BEGIN ((?:RSA |ENCRYPTED |EC |DSA |OPENSSH )?PRIVATE KEY)-----/.exec(text) ?? /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text);
  if (!begin) throw notAKey(text, field, fileName);
  const label = begin[1]!;
  const name = pemName(label);
  const bodyStart = begin.index + begin[0].length;
  const endMarker = `-----END ${label}-----`;
  const endIndex = text.indexOf(endMarker, bodyStart);
  if (endIndex < 0) {
    const otherEnd = /-----END ([A-Z0-9 ]+)-----/.exec(text.slice(bodyStart));
    throw otherEnd
      ? damaged(`This ${name} starts with -----BEGIN ${label}----- but ends with -----END ${otherEnd[1]}-----: the lines belong to different keys.`, 'Copy one whole key again.', field)
      : damaged(`This ${name} has no "${endMarker}" line: the copy was cut off.`, 'Copy the whole key, including the END line.', field);
  }
  const lines = text.slice(bodyStart, endIndex).split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  const headers: string[] = [];
  while (lines.length > 0 && /^[A-Za-z][A-Za-z-]*:/.test(lines[0]!)) headers.push(lines.shift()!);
  const body = lines.join('').replace(/\s+/g, '');
  if (body === '') throw damaged(`This ${name} has BEGIN and END lines but nothing between them.`, 'Copy the whole key.', field);
  const foreign = body.replace(/[A-Za-z0-9+/=]/g, '');
  if (foreign !== '') {
    const shown = [...new Set(foreign)].slice(0, 5).map((c) => `"${c}"`).join(', ');
    throw damaged(`This ${name} is damaged: its body contains characters that are not base64 (${shown}).`, 'Copy the key again from the original file, without editing it.', field);
  }
  if (body.length % 4 !== 0 || /=[^=]/.test(body)) {
    throw damaged(`This ${name} is damaged: its base64 body is cut short or has characters missing (length ${body.length} is not a multiple of 4).`, 'Copy the whole key again.', field);
  }
  const der = Buffer.from(body, 'base64');
  const wrapped = body.match(/.{1,64}/g)!.join('\n');
  const pem = `-----BEGIN ${label}-----\n${headers.length ? `${headers.join('\n')}\n\n` : ''}${wrapped}\n${endMarker}\n`;
  return { label, headers, der, pem };
}

function damaged(message: string, fix: string, field: string): InspectorError {
  return new InspectorError('damaged_pem', message, { fix, field });
}

/** node:crypto reports any ASN.1 damage as "DECODER routines::unsupported"; say it in words. */
function parseOrDamaged<T>(parse: () => T, name: string, field: string): T {
  try {
    return parse();
  } catch {
    throw damaged(
      `This ${name} is damaged: its base64 decodes, but the bytes are not a valid ${name.replace(/ PEM.*$/, '')} structure (ASN.1). Part of the key was lost or changed while copying.`,
      'Copy it again from the original file.',
      field,
    );
  }
}

function decryptPem(parse: () => KeyObject, name: string, options: ReadKeyOptions): KeyObject {
  if (!options.passphrase) {
    throw new InspectorError('passphrase_required', `This ${name} is encrypted, and no passphrase was given.`, { fix: 'Type its passphrase to import it.', field: 'passphrase' });
  }
  try {
    return parse();
  } catch {
    throw new InspectorError('wrong_passphrase', `The passphrase does not decrypt this ${name} (a damaged key gives the same error).`, { fix: 'Check it and try again.', field: 'passphrase' });
  }
}

function notAKey(text: string, field: string, fileName: string | undefined): InspectorError {
  const openssh = opensshPublicError(text, fileName, field);
  if (openssh) return openssh;
  if (/^-----END /.test(text) || text.includes('-----END ')) {
    return damaged('This PEM has an END line but no "-----BEGIN …-----" line: the start of the key was cut off.', 'Copy the whole key.', field);
  }
  if (/^[A-Za-z0-9+/=\s]{64,}$/.test(text)) {
    return damaged('This looks like the base64 body of a key without its "-----BEGIN …-----" and "-----END …-----" lines.', 'Paste the whole PEM, including those lines.', field);
  }
  return new InspectorError(
    'unrecognized_key_format',
    'This is neither a PEM key (text between "-----BEGIN …-----" and "-----END …-----" lines) nor a JWK (a JSON object with "kty").',
    { fix: 'Paste the key file’s text, or open the file itself: DER files are read as they are, and .p12 files get the command that converts them.', field },
  );
}
