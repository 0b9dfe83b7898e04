import { sign as rsaSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/verdict';
import { testRsaKey } from './__fixtures__/test-keys';
import { inspectRequest, inspectResponse } from './inspect';
import { openVault } from './vault/open';
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

const ids = (r: Verdict) => r.findings.map((f) => f.id);

describe('inspecting a request on the main side', () => {
  it('verifies a correct request with the vault key and says so', async () => {
    const { vault } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    const r = await inspectRequest({ text: envelope(b64url(goodSignature)) }, vault, NOW);
    expect(ids(r)).toContain('signature.verified');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r).toMatchObject({ valid: true, verifiedBy: { label: 'merchant' }, summary: { tone: 'ok' } });
    expect(r.cause).toBeUndefined();
  });

  it('names the cause when the request was signed with another key than the one registered', async () => {
    const { vault } = await vaultWith({ pem: other.pkcs8Pem, kid: KID, label: 'registered with Juspay' });
    const r = await inspectRequest({ text: envelope(b64url(goodSignature)) }, vault, NOW);
    const invalid = r.findings.find((f) => f.id === 'signature.invalid');
    expect(invalid?.severity).toBe('error');
    expect(invalid?.message).toContain('registered with Juspay');
    expect(r.valid).toBe(false);
    expect(r.cause).toBe('signature.invalid');
    expect(r.tried.map((t) => t.label)).toEqual(['registered with Juspay']);
  });

  it('finds a signature encoded as standard base64 that verifies once decoded', async () => {
    const { vault } = await vaultWith({ pem: merchant.pkcs8Pem, kid: KID, label: 'merchant' });
    // 256 signature bytes always end in "==" in standard base64, so the padding is there to be found.
    const standard = goodSignature.toString('base64');
    const r = await inspectRequest({ text: envelope(standard) }, vault, NOW);
    expect(r).toMatchObject({ valid: false, cause: 'signature.standard-base64' });
    // One root cause, one error: the padding and alphabet findings are its consequences.
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual(['signature.standard-base64']);
    expect(r.findings.find((f) => f.id === 'segment.padding')).toMatchObject({ severity: 'info', causedBy: 'signature.standard-base64' });
    // The key table says the same as the finding.
    expect(r.tried).toEqual([expect.objectContaining({ label: 'merchant', valid: false, verifiesIf: 'standard-base64' })]);
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
    expect(good).toMatchObject({ valid: true, verifiedBy: { keyId: 'pasted', source: 'pasted' } });
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
    expect(r).toMatchObject({ valid: null, cause: 'json.invalid', tried: [] });
  });
});

describe('kid facts and weak keys', () => {
  it('names both keys that carry the header kid, and which verifies; never "valid" without a warning', async () => {
    const { vault } = await vaultWith({ pem: other.pkcs8Pem, kid: KID, label: 'regenerated' }, { pem: merchant.pkcs8Pem, kid: KID, label: 'original' });
    const r = await inspectRequest({ text: envelope(b64url(goodSignature)) }, vault, NOW);
    expect(r.valid).toBe(true);
    expect(r.summary.tone).toBe('warn');
    const shared = r.findings.find((f) => f.id === 'header.kid-shared');
    expect(shared?.severity).toBe('warning');
    for (const k of r.tried) expect(shared?.message).toContain(k.thumbprint);
    expect(shared?.message).toMatch(/"original".*verifies this request.*"regenerated".*does not verify|"regenerated".*does not verify.*"original".*verifies this request/);
  });

  it('verifies with a 1024-bit public key and says Juspay needs 2048 bits', async () => {
    const weak = testRsaKey(1024, 'weak');
    const { vault } = await vaultWith();
    const text = envelope(b64url(signOver(`${b64url(header)}.${b64url(claims)}`, weak)));
    const unknown = await inspectRequest({ text }, vault, NOW);
    expect(unknown).toMatchObject({ valid: null, cause: 'signature.weak-key' });
    expect(ids(unknown)).not.toContain('signature.length-mismatch');
    const proven = await inspectRequest({ text, publicKey: weak.spkiPem }, vault, NOW);
    expect(proven).toMatchObject({ valid: true, cause: 'signature.weak-key', verifiedBy: { bits: 1024 } });
    expect(proven.summary.tone).toBe('error');
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
        expect([true, false, null]).toContain(r.valid);
        expect(JSON.stringify(r).length).toBeGreaterThan(0);
        for (const f of r.findings) expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(r.findings.map((f) => f.id)).not.toContain('inspector.internal-error');
      }),
      { numRuns: 300 },
    );
  });
});
