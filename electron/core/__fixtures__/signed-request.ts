/** A request signed by hand (node:crypto) for the main side's tests, and a session vault holding given keys. */
import { sign as rsaSign } from 'node:crypto';
import { openVault } from '../vault/open';
import { SAMPLE_FIELDS } from './envelope-fields';
import { testRsaKey, type TestRsaKey } from './test-keys';

export const NOW = 1668389349848;
export const KID = 'uat833359804655bb748702e324111';
export const merchant = testRsaKey(2048, 'merchant');

export const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
export const header = JSON.stringify({ kid: KID, alg: 'RS256' });
export const claims = JSON.stringify({ merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: String(NOW) });

/** The envelope text with this signature (and, optionally, other segments). */
export function envelope(signature: string, p = b64url(header), c = b64url(claims)): string {
  const f = SAMPLE_FIELDS;
  return JSON.stringify({ requestId: f.requestId, service: f.service, payload: { action: f.action, protected: p, signaturePayload: c, signature } });
}

export const signOver = (bytes: string, key: TestRsaKey = merchant) => rsaSign('sha256', Buffer.from(bytes), key.privateKey);
export const goodSignature = signOver(`${b64url(header)}.${b64url(claims)}`);

export async function vaultWith(...keys: Array<{ pem: string; kid?: string; label: string }>) {
  const vault = await openVault({ mode: 'session' });
  const infos = [];
  for (const k of keys) infos.push(await vault.import({ text: k.pem, label: k.label, ...(k.kid ? { kid: k.kid } : {}) }));
  return { vault, infos };
}
