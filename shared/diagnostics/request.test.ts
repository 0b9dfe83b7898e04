import { describe, expect, it } from 'vitest';
import { requestFamilies, requestWorld, type RequestCase, type RequestWorld } from '../__fixtures__/cases';
import { NOW } from '../__fixtures__/requests';
import { FINDING_IDS } from './catalog';
import { inspectRequestText } from './request';

const world: RequestWorld = await requestWorld();
const families = await requestFamilies(world);

function assertCase(c: RequestCase): void {
  const raised = inspectRequestText(c.raises.text, c.raises.options);
  const hits = raised.findings.filter((f) => f.id === c.id);
  expect(hits.length, `expected ${c.id}; got ${raised.findings.map((f) => f.id).join(', ')}`).toBeGreaterThan(0);
  for (const f of hits) expect(f.severity).toBe(f.causedBy ? 'info' : FINDING_IDS[c.id].severity);
  const words = hits.map((f) => `${f.path}\n${f.message}\n${f.fix}`).join('\n');
  for (const m of c.mentions) expect(words, `${c.id} should mention ${m}`).toContain(m);
  const avoided = inspectRequestText(c.avoids.text, c.avoids.options);
  expect(avoided.findings.map((f) => f.id)).not.toContain(c.id);
}

describe('a valid signed request', () => {
  it('has no errors or warnings, only information', () => {
    const r = inspectRequestText(world.baseText, world.baseOptions);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.findings.map((f) => f.id).sort()).toEqual(['auth.variant', 'signature.verified', 'timestamp.age']);
    expect(r.decoded.kind).toBe('envelope');
    expect(r.decoded.variant).toBe('direct-jws');
    expect(r.decoded.header).toEqual({ kid: 'uat833359804655bb748702e324111', alg: 'RS256' });
    expect(r.decoded.signatureByteLength).toBe(256);
  });

  it('decodes the same from a compact JWS, the payload alone and the three strings', () => {
    const { protected: p, signaturePayload: c, signature: s } = world.good;
    for (const text of [`${p}.${c}.${s}`, JSON.stringify({ action: 'upiGetSessionToken', protected: p, signaturePayload: c, signature: s }), JSON.stringify({ protected: p, signaturePayload: c, signature: s })]) {
      const r = inspectRequestText(text, world.baseOptions);
      expect(r.findings.filter((f) => f.severity !== 'info'), text).toEqual([]);
      expect(r.decoded.claims).toMatchObject({ merchantId: 'stock' });
    }
  });

  it('sorts errors before warnings before information', () => {
    const r = inspectRequestText(families.envelope![0]!.raises.text, { now: NOW });
    const order = r.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

for (const [family, cases] of Object.entries(families)) {
  describe(`request findings: ${family}`, () => {
    it.each(cases.map((c) => [`${c.id} (${c.name})`, c] as const))('%s', (_, c) => assertCase(c));
  });
}

describe('missing fields are each named', () => {
  it('lists every missing mandatory field of an empty envelope', () => {
    const r = inspectRequestText(JSON.stringify({ requestId: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b', payload: {} }), { now: NOW });
    const paths = r.findings.filter((f) => f.id === 'envelope.missing-field').map((f) => f.path);
    expect(paths.sort()).toEqual(['payload.action', 'payload.protected', 'payload.signature', 'payload.signaturePayload', 'service']);
  });
});

describe('signature length without evidence', () => {
  it('flags a truncated signature even with no keys', () => {
    const text = JSON.stringify({ protected: world.good.protected, signaturePayload: world.good.signaturePayload, signature: world.good.signature.slice(0, 300) });
    const r = inspectRequestText(text, { now: NOW });
    expect(r.findings.map((f) => f.id)).toContain('signature.length-mismatch');
  });
});

