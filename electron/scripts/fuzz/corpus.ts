/**
 * What the fuzzer starts from: a request signed for real (node:crypto, a 2048-bit key) in every shape the
 * reader takes, a full response, and the keys the main side's verdict tries (the signer's, a stranger's,
 * a 1024-bit one). Generated at start, so no private key is committed.
 */
import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { KeySet } from '../../core/candidates';
import { jwkThumbprint } from '../../core/keys/export';

export const KID = 'uat833359804655bb748702e324111';
export const NOW = 1668389349848;
export const REQUEST_ID = '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f';

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** The corpus as plain data: what a worker is handed, and what a saved finding carries for its replay. */
export interface CorpusData {
  /** The same signed request as each shape the one reader reads. */
  requests: string[];
  responses: string[];
  /** Log lines that carry a request or a response, and noise. */
  logLines: string[];
  noise: string[];
  /** The public keys the main side's verdict tries (SPKI PEM). */
  keys: Array<{ keyId: string; kid: string; spki: string }>;
}

export interface Corpus extends Omit<CorpusData, 'keys'> {
  data: CorpusData;
  keys: KeySet;
}

function rsa(bits: number): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: bits });
}

export async function makeCorpus(): Promise<Corpus> {
  const merchant = rsa(2048);
  const stranger = rsa(2048);
  const weak = rsa(1024);
  const header = b64url(JSON.stringify({ kid: KID, alg: 'RS256' }));
  const claims = b64url(JSON.stringify({ merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: String(NOW) }));
  const signature = b64url(sign('sha256', Buffer.from(`${header}.${claims}`), merchant.privateKey));
  const payload = { action: 'upiGetSessionToken', protected: header, signaturePayload: claims, signature };
  const envelope = { requestId: REQUEST_ID, service: 'in.juspay.hyperapi', payload };
  const json = JSON.stringify(envelope);
  const requests = [
    JSON.stringify(envelope, null, 2),
    json,
    JSON.stringify(payload),
    `${header}.${claims}.${signature}`,
    `${header}\n${claims}\n${signature}`,
    `protected=${header}, signaturePayload=${claims}, signature=${signature}`,
    `12-01 10:15:02.481  4242  4301 D HyperSDK: process called with ${json}`,
    JSON.stringify(json),
    JSON.stringify({ data: { request: envelope } }),
    JSON.stringify({ RequestId: REQUEST_ID, Service: 'in.juspay.hyperapi', Payload: { Action: 'upiGetSessionToken', Protected: header, SignaturePayload: claims, Signature: signature } }),
  ];
  const account = { bankCode: '508534', bankName: 'Axis Bank', maskedAccountNumber: 'XXXXXX1234', mpinLength: '6', mpinSet: 'true', otpLength: 6, atmPinLength: 4, ifsc: 'UTIB0000001', name: 'Ravi' };
  const response = {
    requestId: REQUEST_ID,
    service: 'in.juspay.hyperapi',
    error: false,
    errorCode: '',
    event: 'process_result',
    payload: { action: 'upiGetSessionToken', status: 'LINKED', isDeviceBound: true, vpaAccounts: [{ vpa: 'ravi@axb', accounts: [account, { ...account, isPrimary: false }] }], otherInfo: '{}' },
  };
  const responses = [JSON.stringify(response, null, 2), JSON.stringify(response), JSON.stringify(response.payload), `I/HyperSDK: onEvent ${JSON.stringify(response)}`, JSON.stringify(JSON.stringify(response))];
  const logLines = [
    `12-01 10:15:02.481  4242  4301 D HyperSDK: process called with ${json}`,
    `12-01 10:15:03.002  4242  4301 I HyperSDK: onEvent ${JSON.stringify(response)}`,
    `12-01 10:15:02.481  4242  4301 D HyperSDK: request ${JSON.stringify(json)}`,
    `12-01 10:15:04.100  4242  4301 D HyperSDK: jws ${header}.${claims}.${signature}`,
    ...JSON.stringify(envelope, null, 2).split('\n').map((l) => `12-01 10:15:05.000  4242  4301 D HyperSDK: ${l}`),
  ];
  const noise = ['12-01 10:15:01.000  1000  1000 I ActivityManager: Start proc 4242', '--------- beginning of main', '12-01 10:15:01.500  4242  4242 W System: {"unrelated": true}', ''];
  const publicKeys = [
    { keyId: 'merchant', kid: KID, spki: merchant.publicKey },
    { keyId: 'stranger', kid: 'other-kid', spki: stranger.publicKey },
    { keyId: 'weak', kid: KID, spki: weak.publicKey },
  ].map((k) => ({ ...k, spki: k.spki.export({ type: 'spki', format: 'pem' }).toString() }));
  return corpusFrom({ requests, responses, logLines, noise, keys: publicKeys });
}

/** The corpus from its plain data: the key set built from the public keys. */
export async function corpusFrom(data: CorpusData): Promise<Corpus> {
  const candidates = await Promise.all(
    data.keys.map(async ({ keyId, kid, spki }) => {
      const key: KeyObject = createPublicKey(spki);
      return { keyId, source: 'vault' as const, label: keyId, kid, thumbprint: await jwkThumbprint(key), bits: key.asymmetricKeyDetails?.modulusLength ?? 0, key };
    }),
  );
  const keys: KeySet = { candidates, vaultKids: [...new Set(data.keys.map((k) => k.kid))] };
  return { ...data, data, keys };
}
