/**
 * `upi-inspector/node` as a QA suite uses it: required by the package name (Node resolves the package's
 * own `exports`), from the built out/main/node.js (`npm run build` first; `npm test` builds before this).
 * No host, no window, no vault.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLog, mixedPlan } from '../core/__fixtures__/logcat';
import { testRsaKey } from '../core/__fixtures__/test-keys';
import type * as NodeApi from './index';

const api = createRequire(import.meta.url)('upi-inspector/node') as typeof NodeApi;
const key = testRsaKey(2048, 'node-api');
const other = testRsaKey(2048, 'node-api-other');
const fields = { merchantId: 'MERCH01', merchantChannelId: 'MERCHAPP', merchantCustomerId: 'cust-1', requestId: '0f8fad5b-d9cb-469f-a165-70867728950e', timestamp: 1767225600000 };

describe('upi-inspector/node', () => {
  it('is the package export, pointing at built files with their declarations', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
    const entry = pkg.exports['./node']!;
    expect(createRequire(import.meta.url).resolve('upi-inspector/node')).toBe(join(import.meta.dirname, '../..', entry.default));
    expect(readFileSync(join(import.meta.dirname, '../..', entry.types), 'utf8')).toMatch(/export declare function sign\(/);
  });

  it('signs deterministically with a pinned request id and timestamp, and verifies what it signed', async () => {
    const first = await api.sign({ ...fields, privateKey: key.pkcs8Pem, kid: 'kid-qa' });
    const second = await api.sign({ ...fields, privateKey: key.pkcs8Pem, kid: 'kid-qa' });
    expect(second.json).toBe(first.json);
    expect(first.envelope.requestId).toBe(fields.requestId);
    const verdict = await api.verify(first.json, { publicKeys: [key.spkiPem], now: fields.timestamp + 1000 });
    expect(verdict.valid).toBe(true);
    expect(verdict.verifiedBy).toBeDefined();
    expect(JSON.parse(Buffer.from(first.envelope.payload.protected, 'base64url').toString('utf8'))).toEqual({ kid: 'kid-qa', alg: 'RS256' });
  });

  it('says why a tampered request or the wrong key fails', async () => {
    const { envelope } = await api.sign({ ...fields, privateKey: key.pkcs8Pem, kid: 'kid-qa' });
    const claims = JSON.parse(Buffer.from(envelope.payload.signaturePayload, 'base64url').toString('utf8')) as Record<string, string>;
    const tampered = { ...envelope, payload: { ...envelope.payload, signaturePayload: Buffer.from(JSON.stringify({ ...claims, merchantId: 'OTHER' })).toString('base64url') } };
    const verdict = await api.verify(JSON.stringify(tampered), { publicKeys: [key.spkiPem], now: fields.timestamp });
    expect(verdict.valid).toBe(false);
    expect(verdict.cause).not.toBeNull();
    const wrongKey = await api.verify(JSON.stringify(envelope), { publicKeys: [other.spkiPem], now: fields.timestamp });
    expect(wrongKey.valid).toBe(false);
  });

  it('refuses bad input with an error naming the field, and a sign call without a key', async () => {
    await expect(api.sign({ ...fields, requestId: 'not-a-uuid', privateKey: key.pkcs8Pem, kid: 'k' })).rejects.toThrow(/requestId must be a uuid v4/);
    await expect(api.sign({ ...fields, kid: 'k' })).rejects.toThrow(/exactly one key/);
  });

  it('inspects a response against its request id', () => {
    const text = JSON.stringify({ requestId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', payload: { status: 'LINKED', isDeviceBound: 'true', vpaAccounts: [] }, error: false });
    const inspection = api.inspectResponse(text, { requestId: fields.requestId });
    expect(inspection.findings.map((f) => f.id)).toContain('response.request-id-mismatch');
  });

  it('reads a log into the timeline session, judging each request with the keys given', async () => {
    const log = makeLog(mixedPlan());
    const session = await api.readLog(log.text, { publicKeys: [log.publicKeyPem] });
    expect(session.counts.requests).toBe(log.expected.requests);
    expect(session.counts.responses).toBe(log.expected.responses);
  });
});
