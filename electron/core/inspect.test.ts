import { sign as rsaSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RequestInspection } from '../../shared/contract';
import { testRsaKey } from './__fixtures__/test-keys';
import { firstDifference, inspectRequest, inspectResponse, resignRequest } from './inspect';
import { openVault } from './vault';
import { SAMPLE_FIELDS } from './__fixtures__/envelope-fields';

const NOW = 1668389349848;
const fields = SAMPLE_FIELDS;
const KID = 'uat833359804655bb748702e324111';
const merchant = testRsaKey(2048, 'merchant');
const other = testRsaKey(2048, 'other');

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const header = JSON.stringify({ kid: KID, alg: 'RS256' });
const claims = JSON.stringify({ merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: String(NOW) });

function envelope(signature: string, p = b64url(header), c = b64url(claims)): string {
  return JSON.stringify({ requestId: fields.requestId, service: fields.service, payload: { action: fields.action, protected: p, signaturePayload: c, signature } });
}
const signOver = (bytes: string, key = merchant) => rsaSign('sha256', Buffer.from(bytes), key.privateKey);
const goodSignature = signOver(`${b64url(header)}.${b64url(claims)}`);

async function vaultWith(...keys: Array<{ pem: string; kid?: string; label: string }>) {
  const vault = await openVault({ mode: 'session' });
  const infos = [];
  for (const k of keys) infos.push(await vault.import({ text: k.pem, label: k.label, ...(k.kid ? { kid: k.kid } : {}) }));
  return { vault, infos };
}

const ids = (r: RequestInspection) => r.findings.map((f) => f.id);

describe('inspecting a request on the main side', () => {
  it('verifies a correct request with the vault key and says so', async () => {
    const { vault } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    const r = await inspectRequest({ text: envelope(b64url(goodSignature)) }, vault, NOW);
    expect(ids(r)).toContain('signature.verified');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.verify).toMatchObject({ valid: true, verifiedBy: { label: 'merchant' } });
  });

  it('names the cause when the request was signed with another key than the one registered', async () => {
    const { vault } = await vaultWith({ pem: other.pkcs8Pem, kid: KID, label: 'registered with Juspay' });
    const r = await inspectRequest({ text: envelope(b64url(goodSignature)) }, vault, NOW);
    const invalid = r.findings.find((f) => f.id === 'signature.invalid');
    expect(invalid?.severity).toBe('error');
    expect(invalid?.message).toContain('registered with Juspay');
    expect(r.verify?.valid).toBe(false);
    expect(r.verify?.tried.map((t) => t.label)).toEqual(['registered with Juspay']);
  });

  it('finds a signature encoded as standard base64 that verifies once decoded', async () => {
    const { vault } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    // 256 signature bytes always end in "==" in standard base64, so the padding is there to be found.
    const standard = goodSignature.toString('base64');
    const r = await inspectRequest({ text: envelope(standard) }, vault, NOW);
    expect(ids(r)).toContain('signature.standard-base64');
    expect(ids(r)).toContain('segment.padding');
  });

  it('finds a signature made over the raw JSON claims instead of protected.signaturePayload', async () => {
    const { vault } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    const r = await inspectRequest({ text: envelope(b64url(signOver(claims))) }, vault, NOW);
    const f = r.findings.find((x) => x.id === 'signature.raw-json-signed');
    expect(f?.severity).toBe('error');
    expect(`${f?.message} ${f?.fix}`).toMatch(/protected/);
  });

  it('tries a pasted public key, and reports one it cannot read without failing the inspection', async () => {
    const { vault } = await vaultWith();
    const good = await inspectRequest({ text: envelope(b64url(goodSignature)), publicKey: merchant.spkiPem }, vault, NOW);
    expect(good.verify).toMatchObject({ valid: true, verifiedBy: { keyId: 'pasted' } });
    const bad = await inspectRequest({ text: envelope(b64url(goodSignature)), publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n' }, vault, NOW);
    expect(ids(bad)).toContain('signature.pasted-key-invalid');
  });

  it('judges the timestamp against the reference time given', async () => {
    const { vault } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    const text = envelope(b64url(goodSignature));
    expect(ids(await inspectRequest({ text, now: NOW + 60_000 }, vault, 0))).not.toContain('timestamp.expired');
    expect(ids(await inspectRequest({ text, now: NOW + 16 * 60_000 }, vault, 0))).toContain('timestamp.expired');
  });

  it('answers even for input with nothing verifiable in it', async () => {
    const { vault } = await vaultWith();
    const r = await inspectRequest({ text: '{"requestId": 1,' }, vault, NOW);
    expect(ids(r)).toContain('json.invalid');
    expect(r.verify).toBeUndefined();
  });
});

describe('re-signing for a diff', () => {
  it('gives identical segments for a request signed correctly with the same key', async () => {
    const { vault, infos } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    const diff = resignRequest({ text: envelope(b64url(goodSignature)), keyId: infos[0]!.id }, vault);
    expect(diff.segments.map((s) => s.firstDifference)).toEqual([-1, -1, -1]);
  });

  it('points at the first differing character of each segment that differs', async () => {
    const { vault, infos } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    // The merchant's library put alg before kid: same header meaning, other bytes, so other signature.
    const swapped = b64url(JSON.stringify({ alg: 'RS256', kid: KID }));
    const text = envelope(b64url(signOver(`${swapped}.${b64url(claims)}`)), swapped);
    const diff = resignRequest({ text, keyId: infos[0]!.id }, vault);
    const [p, c, s] = diff.segments;
    expect(p!.firstDifference).toBe(firstDifference(swapped, b64url(header)));
    expect(p!.firstDifference).toBeGreaterThanOrEqual(0);
    expect(c!.firstDifference).toBe(-1);
    expect(s!.firstDifference).toBeGreaterThanOrEqual(0);
  });

  it('refuses, naming what is missing, when the claims cannot be read', async () => {
    const { vault, infos } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    expect(() => resignRequest({ text: envelope('x', b64url(header), b64url('{"merchantId":"m"}')), keyId: infos[0]!.id }, vault)).toThrow(
      /merchantCustomerId, merchantChannelId, timestamp/,
    );
  });
});

describe('inspecting a response', () => {
  it('explains the status and flags a requestId that answers another request', () => {
    const r = inspectResponse({
      text: JSON.stringify({ requestId: 'aaaa', event: 'process_result', error: false, payload: { action: 'upiGetSessionToken', status: 'FRESH' } }),
      requestId: fields.requestId,
    });
    expect(r.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['status.meaning', 'response.request-id-mismatch']));
  });
});

describe('firstDifference', () => {
  it.each([
    ['abc', 'abc', -1],
    ['abc', 'abd', 2],
    ['ab', 'abc', 2],
    ['', 'a', 0],
  ])('%s vs %s → %i', (a, b, want) => expect(firstDifference(a, b)).toBe(want));
});

describe('inspect never throws on the main side either', () => {
  it('arbitrary text and mutated envelopes always yield a findings list', async () => {
    const fc = await import('fast-check');
    const { vault } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    const good = JSON.parse(envelope(b64url(goodSignature))) as { payload: Record<string, string> } & Record<string, unknown>;
    const mutate = fc.oneof(
      fc.string().map((t) => t),
      fc.json().map((t) => t),
      fc.tuple(fc.constantFrom('protected', 'signaturePayload', 'signature'), fc.string()).map(([k, v]) =>
        JSON.stringify({ ...good, payload: { ...good.payload, [k]: v } }),
      ),
      fc.tuple(fc.constantFrom('protected', 'signaturePayload', 'signature'), fc.nat(400), fc.string({ maxLength: 3 })).map(([k, at, insert]) => {
        const v = good.payload[k]!;
        return JSON.stringify({ ...good, payload: { ...good.payload, [k]: v.slice(0, at) + insert + v.slice(at) } });
      }),
      fc.anything().map((v) => JSON.stringify({ ...good, payload: v })),
    );
    await fc.assert(
      fc.asyncProperty(mutate, async (text) => {
        const r = await inspectRequest({ text: text ?? '' }, vault, NOW);
        expect(Array.isArray(r.findings)).toBe(true);
        for (const f of r.findings) expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(r.findings.map((f) => f.id)).not.toContain('inspector.internal-error');
      }),
      { numRuns: 300 },
    );
  });
});
