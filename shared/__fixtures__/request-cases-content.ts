/**
 * Finding cases about the request's content: the header, the claims and timestamp, and the signature
 * evidence the main side gathers (with real keys, through the reference evidence builder).
 */
import {
  CLAIMS,
  KID,
  NOW,
  OTHER_KID,
  PROFILE,
  T0,
  envelopeText,
  evidenceFor,
  makeKey,
  signJws,
} from './requests';
import type { RequestCase, RequestInput, RequestWorld } from './cases';
import { withClaims } from './cases';

export async function contentFamilies(w: RequestWorld): Promise<Record<'header' | 'claims' | 'signature', RequestCase[]>> {
  const base = w.base;
  const header: RequestCase[] = [
    { id: 'header.not-json', name: 'protected is not JSON', raises: await w.signed({ header: 'kid=abc' }), avoids: base, mentions: ['payload.protected', 'JSON'] },
    { id: 'header.key-case', name: 'Kid and Alg', raises: await w.signed({ header: { Kid: KID, Alg: 'RS256' } }), avoids: base, mentions: ['Kid', 'kid'] },
    { id: 'header.alg-missing', name: 'no alg', raises: await w.signed({ header: { kid: KID } }), avoids: base, mentions: ['alg', 'RS256'] },
    { id: 'header.alg-none', name: 'alg none', raises: await w.signed({ header: { kid: KID, alg: 'none' } }), avoids: base, mentions: ['alg', 'none'] },
    { id: 'header.alg-unsupported', name: 'HS256', raises: await w.signed({ header: { kid: KID, alg: 'HS256' } }), avoids: base, mentions: ['alg', 'HS256', 'RS256'] },
    { id: 'header.kid-missing', name: 'no kid', raises: await w.signed({ header: { alg: 'RS256' } }), avoids: base, mentions: ['kid'] },
    {
      id: 'header.kid-unknown',
      name: 'kid not in the vault',
      raises: { text: w.baseText, options: { ...w.baseOptions, vaultKids: ['uat-someone-else'], signature: { keysTried: [] } } },
      avoids: base,
      mentions: ['kid', KID],
    },
    {
      id: 'header.kid-mismatch',
      name: 'signed with the other vault key',
      raises: await w.signed({}, undefined, w.otherKey),
      avoids: base,
      mentions: ['kid', KID, OTHER_KID],
    },
    { id: 'header.unknown-key', name: 'typ', raises: await w.signed({ header: { kid: KID, alg: 'RS256', typ: 'JWT' } }), avoids: base, mentions: ['typ'] },
  ];

  const claims: Array<RequestCase | Promise<RequestCase>> = [
    { id: 'claims.not-json', name: 'claims not JSON', raises: await w.signed({ claims: 'merchantId=stock' }), avoids: base, mentions: ['payload.signaturePayload', 'JSON'] },
    ...(['merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'] as const).map(
      async (field): Promise<RequestCase> => ({
        id: 'claims.missing-field',
        name: `no ${field}`,
        raises: await w.signed({ claims: withClaims(CLAIMS, (c) => delete c[field]) }),
        avoids: base,
        mentions: [field],
      }),
    ),
    {
      id: 'claims.missing-field',
      name: 'empty merchantCustomerId',
      raises: await w.signed({ claims: { ...CLAIMS, merchantCustomerId: '' } }),
      avoids: base,
      mentions: ['merchantCustomerId', 'empty'],
    },
    {
      id: 'claims.key-case',
      name: 'snake_case merchant_id',
      raises: await w.signed({ claims: withClaims(CLAIMS, (c) => ((c.merchant_id = c.merchantId), delete c.merchantId)) }),
      avoids: base,
      mentions: ['merchant_id', 'merchantId'],
    },
    {
      id: 'claims.key-case',
      name: 'MerchantChannelId',
      raises: await w.signed({ claims: withClaims(CLAIMS, (c) => ((c.MerchantChannelId = c.merchantChannelId), delete c.merchantChannelId)) }),
      avoids: base,
      mentions: ['MerchantChannelId', 'merchantChannelId'],
    },
    { id: 'claims.wrong-type', name: 'merchantId a number', raises: await w.signed({ claims: { ...CLAIMS, merchantId: 123 } }), avoids: base, mentions: ['merchantId', 'string'] },
    { id: 'claims.unknown-key', name: 'extra claim', raises: await w.signed({ claims: { ...CLAIMS, exp: 5 } }), avoids: base, mentions: ['exp'] },
    { id: 'timestamp.number', name: 'timestamp a JSON number', raises: await w.signed({ claims: { ...CLAIMS, timestamp: T0 } }), avoids: base, mentions: ['timestamp', 'string'] },
    {
      id: 'timestamp.seconds',
      name: 'epoch seconds',
      raises: await w.signed({ claims: { ...CLAIMS, timestamp: String(T0 / 1000) } }),
      avoids: base,
      mentions: ['timestamp', 'seconds', 'milliseconds'],
    },
    {
      id: 'timestamp.not-numeric',
      name: 'an ISO date',
      raises: await w.signed({ claims: { ...CLAIMS, timestamp: new Date(T0).toISOString() } }),
      avoids: base,
      mentions: ['timestamp', 'epoch milliseconds'],
    },
    {
      id: 'timestamp.out-of-range',
      name: 'microseconds',
      raises: await w.signed({ claims: { ...CLAIMS, timestamp: `${T0}000` } }),
      avoids: base,
      mentions: ['timestamp', '13'],
    },
    {
      id: 'timestamp.future',
      name: '10 minutes ahead',
      raises: { text: w.baseText, options: { ...w.baseOptions, now: T0 - 10 * 60_000 } },
      avoids: base,
      mentions: ['timestamp', '10 minutes', 'future'],
    },
    {
      id: 'timestamp.expired',
      name: '3 hours old',
      raises: { text: w.baseText, options: { ...w.baseOptions, now: T0 + 3 * 3600_000 + 5 * 60_000 } },
      avoids: base,
      mentions: ['timestamp', '3 hours 5 minutes', '15 minutes'],
    },
    {
      id: 'timestamp.age',
      name: 'fresh',
      raises: base,
      avoids: { text: w.baseText, options: { ...w.baseOptions, now: T0 + 3600_000 } },
      mentions: ['timestamp', '1 minute'],
    },
    {
      id: 'profile.merchant-id-mismatch',
      name: 'another merchant',
      raises: { text: w.baseText, options: { ...w.baseOptions, profile: { ...PROFILE, merchantId: 'stock_uat' } } },
      avoids: base,
      mentions: ['merchantId', 'stock_uat', '"stock"'],
    },
    {
      id: 'profile.channel-id-mismatch',
      name: 'another channel',
      raises: { text: w.baseText, options: { ...w.baseOptions, profile: { ...PROFILE, merchantChannelId: 'STOCKAPP' } } },
      avoids: base,
      mentions: ['merchantChannelId', 'STOCKAPP', 'case'],
    },
  ];

  const onlyOther = async (input: RequestInput): Promise<RequestInput> => ({
    text: input.text,
    options: { ...input.options, signature: await evidenceFor(input.text, [w.otherKey]) },
  });
  const sameKid = await makeKey('vault-3', KID);
  const weak = await makeKey('weak', KID, 1024);
  const weakText = envelopeText(await signJws(weak));
  const signature: RequestCase[] = [
    {
      id: 'header.kid-shared',
      name: 'two vault keys under the header kid',
      raises: { text: w.baseText, options: { ...w.baseOptions, signature: await evidenceFor(w.baseText, [w.key, sameKid]) } },
      avoids: base,
      mentions: [KID, w.key.thumbprint, sameKid.thumbprint, 'exactly one public key per kid'],
    },
    {
      id: 'signature.weak-key',
      name: '128-byte signature, no 1024-bit key known',
      raises: { text: weakText, options: { ...w.baseOptions, signature: await evidenceFor(weakText, [w.key, w.otherKey]) } },
      avoids: base,
      mentions: ['128 bytes', '1024-bit', '2048'],
    },
    {
      id: 'signature.weak-key',
      name: 'verifies with a 1024-bit key',
      raises: { text: weakText, options: { ...w.baseOptions, signature: await evidenceFor(weakText, [weak]) } },
      avoids: base,
      mentions: ['1024 bits', '2048'],
    },
    { id: 'signature.verified', name: 'good signature', raises: base, avoids: await onlyOther(base), mentions: ['verifies', KID] },
    { id: 'signature.invalid', name: 'only a wrong key', raises: await onlyOther(base), avoids: base, mentions: ['does not verify', OTHER_KID, 'protected'] },
    {
      id: 'signature.no-keys',
      name: 'empty vault',
      raises: { text: w.baseText, options: { ...w.baseOptions, signature: { keysTried: [] } } },
      avoids: base,
      mentions: ['key', KID],
    },
    {
      id: 'signature.not-checked',
      name: 'no evidence',
      raises: { text: w.baseText, options: { now: NOW } },
      avoids: base,
      mentions: ['not verified'],
    },
    {
      id: 'signature.raw-json-signed',
      name: 'signed the claims JSON',
      raises: await w.signed({ signText: (p) => p.claimsJson }),
      avoids: base,
      mentions: ['claims JSON', 'protected + "." + signaturePayload'],
    },
    {
      id: 'signature.standard-base64',
      name: 'signature in standard base64',
      raises: await w.signed({ standardSignature: true }),
      avoids: base,
      mentions: ['standard base64', 'base64url'],
    },
    {
      id: 'signature.length-mismatch',
      name: 'signature cut short',
      raises: await (async () => {
        const text = envelopeText(w.good, (e) => (e.payload.signature = w.good.signature.slice(0, -4)));
        return { text, options: { ...w.baseOptions, signature: await evidenceFor(text, [w.key, w.otherKey]) } };
      })(),
      avoids: base,
      mentions: ['253 bytes', '256 bytes'],
    },
    {
      id: 'signature.pasted-key-invalid',
      name: 'unreadable pasted key',
      raises: {
        text: w.baseText,
        options: { ...w.baseOptions, signature: { keysTried: [], pastedKeyError: 'it is not a PEM, certificate or JWK.' } },
      },
      avoids: base,
      mentions: ['pasted public key', 'PEM'],
    },
  ];


  return { header, claims: await Promise.all(claims), signature };
}
