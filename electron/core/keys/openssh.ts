/**
 * OpenSSH keys (`ssh-rsa AAAA…` lines and BEGIN OPENSSH PRIVATE KEY blocks): node:crypto reads neither,
 * so they are refused with the exact `ssh-keygen` command that converts them, naming the file. A key of
 * another type (Ed25519, ECDSA) is said to be one: converting it would not make it RSA.
 */
import { conversionCommand, pemNameFor } from '../../../shared/key-file';
import { InspectorError } from '../../../shared/result';
import { GENERATE_FIX, RS256_NEEDS_RSA } from './rsa-policy';

const PUBLIC_LINE = /^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-\S+|sk-\S+)\s+AAAA/;

const TYPE_NAMES: Record<string, string> = {
  'ssh-ed25519': 'Ed25519',
  'ssh-dss': 'DSA',
  'sk-ssh-ed25519@openssh.com': 'Ed25519 security-key',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? (type.startsWith('ecdsa-') || type.startsWith('sk-ecdsa') ? 'ECDSA' : type);
}

function inFile(fileName: string | undefined): string {
  return fileName ? ` in ${fileName}` : '';
}

function convert(what: 'openssh-public' | 'openssh-private', fileName: string | undefined, field: string, message: string): InspectorError {
  const command = conversionCommand(what, fileName);
  const then = `then import ${pemNameFor(fileName || (what === 'openssh-public' ? 'key.pub' : 'id_rsa'))}`;
  const asks = what === 'openssh-private' ? ' (it asks for the key’s passphrase, if it has one, and a new one: leave that empty or choose one)' : '';
  return new InspectorError('openssh_key', message, { fix: `Convert it with \`${command}\`${asks}, ${then}.`, field });
}

function notRsa(kind: string, type: string, field: string): InspectorError {
  return new InspectorError('not_rsa', `This is an OpenSSH ${typeName(type)} ${kind}, not an RSA key. ${RS256_NEEDS_RSA}`, { fix: GENERATE_FIX, field });
}

/** The refusal for an OpenSSH public key line, or null when the text is not one. */
export function opensshPublicError(text: string, fileName: string | undefined, field: string): InspectorError | null {
  const match = PUBLIC_LINE.exec(text);
  if (!match) return null;
  const type = match[1]!;
  if (type !== 'ssh-rsa') return notRsa('public key', type, field);
  return convert('openssh-public', fileName, field, `This is an OpenSSH public key line (ssh-rsa AAAA…)${inFile(fileName)}; UPI Inspector reads PEM and JWK keys.`);
}

/** The key type inside an openssh-key-v1 blob (the first public key's type string), or null. */
function privateKeyType(blob: Buffer): string | null {
  const magic = 'openssh-key-v1\0';
  if (blob.subarray(0, magic.length).toString('latin1') !== magic) return null;
  let at = magic.length;
  const readString = (): Buffer | null => {
    if (at + 4 > blob.length) return null;
    const len = blob.readUInt32BE(at);
    if (at + 4 + len > blob.length) return null;
    const value = blob.subarray(at + 4, at + 4 + len);
    at += 4 + len;
    return value;
  };
  for (let i = 0; i < 3; i++) if (!readString()) return null; // cipher name, KDF name, KDF options
  at += 4; // number of keys
  const publicKey = readString();
  if (!publicKey || publicKey.length < 4) return null;
  const len = publicKey.readUInt32BE(0);
  return len > 0 && 4 + len <= publicKey.length ? publicKey.subarray(4, 4 + len).toString('latin1') : null;
}

/** The refusal for a BEGIN OPENSSH PRIVATE KEY block whose base64 body decoded to `blob`. */
export function opensshPrivateError(blob: Buffer, fileName: string | undefined, field: string): InspectorError {
  const type = privateKeyType(blob);
  if (type && type !== 'ssh-rsa') return notRsa('private key', type, field);
  return convert('openssh-private', fileName, field, `This is an OpenSSH private key (BEGIN OPENSSH PRIVATE KEY)${inFile(fileName)}; UPI Inspector reads PEM (PKCS#8, PKCS#1) and JWK keys.`);
}
