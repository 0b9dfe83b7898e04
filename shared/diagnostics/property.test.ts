/**
 * Totality: whatever is pasted — arbitrary text, arbitrary JSON, valid requests and responses with
 * random damage — the inspectors return a findings list with valid ids and severities and never throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIMS, HEADER, KID, NOW, PROFILE, envelopeOf, evidenceFor, makeKey, responseObject, signJws, type EnvelopeObject } from '../__fixtures__/requests';
import { encodeBase64UrlText } from '../__fixtures__/base64url-encode';
import { FINDING_IDS, SEVERITIES, type FindingId } from './catalog';
import { inspectRequestText, type InspectRequestOptions } from './request';
import { inspectResponseText } from './response';
import type { Finding } from './types';

const key = await makeKey('vault-1', KID);
const good = await signJws(key);
const options: InspectRequestOptions = {
  now: NOW,
  vaultKids: [KID],
  profile: PROFILE,
  signature: {
    keysTried: [{ keyId: 'vault-1', label: 'vault-1', kid: KID, thumbprint: key.thumbprint, bits: 2048, valid: false }],
    triedRawJson: true,
    triedStandardBase64: true,
    signatureByteLength: 256,
  },
};

function assertFindings(findings: unknown): void {
  expect(Array.isArray(findings)).toBe(true);
  for (const f of findings as Finding[]) {
    expect(Object.hasOwn(FINDING_IDS, f.id), f.id).toBe(true);
    expect(SEVERITIES).toContain(f.severity);
    expect(f.severity).toBe(f.causedBy ? 'info' : FINDING_IDS[f.id as FindingId].severity);
    expect(typeof f.path).toBe('string');
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(typeof f.fix).toBe('string');
    expect(f.fix.length).toBeGreaterThan(0);
    expect(f.id, f.message).not.toBe('inspector.internal-error');
  }
}

function checkRequest(text: string, opts: InspectRequestOptions = options): void {
  const r = inspectRequestText(text, opts);
  assertFindings(r.findings);
  expect(() => JSON.stringify(r)).not.toThrow();
}

function checkResponse(text: string): void {
  const r = inspectResponseText(text, { requestId: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b' });
  assertFindings(r.findings);
  expect(() => JSON.stringify(r)).not.toThrow();
}

const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.stringMatching(/^[A-Za-z0-9_\-+/=.{}":,\s]{0,200}$/),
);

describe('arbitrary text', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(texts, (t) => {
        checkRequest(t);
        checkResponse(t);
      }),
      { numRuns: 400 },
    );
  });

  it('with odd reference times and options', () => {
    fc.assert(
      fc.property(texts, fc.oneof(fc.double(), fc.integer()), (t, now) => {
        checkRequest(t, { now });
        checkRequest(good.protected + '.' + t + '.' + good.signature, { now, vaultKids: [] });
      }),
      { numRuns: 200 },
    );
  });
});

describe('arbitrary JSON', () => {
  it('as the whole paste, as the payload, and as the three fields', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        checkRequest(JSON.stringify(v));
        checkResponse(JSON.stringify(v));
        checkRequest(JSON.stringify({ requestId: 'x', service: 'in.juspay.hyperapi', payload: v }));
        checkRequest(JSON.stringify({ action: 'upiGetSessionToken', protected: v, signaturePayload: v, signature: v }));
        checkResponse(JSON.stringify({ event: 'process_result', payload: v }));
        checkResponse(JSON.stringify({ event: 'process_result', payload: { status: 'LINKED', vpaAccounts: [{ vpa: v, accounts: [v, v] }] } }));
      }),
      { numRuns: 300 },
    );
  });

  it('as encoded header and claims', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (h, c) => {
        const env = envelopeOf({ ...good, protected: encodeBase64UrlText(JSON.stringify(h)), signaturePayload: encodeBase64UrlText(JSON.stringify(c)) });
        checkRequest(JSON.stringify(env));
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Mutations of a valid request.

type Mutation = { kind: string; a: number; b: number; ch: string; n: number };
const mutation = fc.record({
  kind: fc.constantFrom(
    'drop-key',
    'change-case',
    'swap-segments',
    'insert-padding',
    'corrupt-char',
    'number-for-string',
    'standard-alphabet',
    'insert-whitespace',
    'claims-edit',
    'header-edit',
    'stringify-payload',
  ),
  a: fc.nat(),
  b: fc.nat(),
  ch: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  n: fc.oneof(fc.integer(), fc.double(), fc.constant(T(0))),
});
function T(x: number): number {
  return 1_700_000_000_000 + x;
}

const SEGMENTS = ['protected', 'signaturePayload', 'signature'] as const;
const NESTED = ['drop-key', 'change-case', 'number-for-string'] as const;

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

function mutateObject(obj: Record<string, unknown>, m: Mutation): void {
  const keys = Object.keys(obj);
  if (keys.length === 0) return;
  const k = pick(keys, m.a);
  switch (m.kind) {
    case 'drop-key':
      delete obj[k];
      break;
    case 'change-case': {
      const v = obj[k];
      delete obj[k];
      obj[m.b % 2 ? k.toUpperCase() : k.charAt(0).toUpperCase() + k.slice(1)] = v;
      break;
    }
    case 'number-for-string':
      obj[k] = m.n;
      break;
  }
}

function mutate(env: EnvelopeObject, m: Mutation): void {
  const p = env.payload;
  const seg = pick(SEGMENTS, m.a);
  const value = typeof p[seg] === 'string' ? (p[seg] as string) : '';
  const at = value.length ? m.b % (value.length + 1) : 0;
  switch (m.kind) {
    case 'drop-key':
    case 'change-case':
    case 'number-for-string':
      mutateObject(m.b % 2 ? env : (p as Record<string, unknown>), m);
      break;
    case 'swap-segments': {
      const other = pick(SEGMENTS, m.b);
      [p[seg], p[other]] = [p[other], p[seg]];
      break;
    }
    case 'insert-padding':
      p[seg] = value.slice(0, at) + '='.repeat((m.b % 3) + 1) + value.slice(at);
      break;
    case 'corrupt-char':
      p[seg] = value.slice(0, at) + m.ch + value.slice(at + 1);
      break;
    case 'standard-alphabet':
      p[seg] = value.replace(/-/g, '+').replace(/_/g, '/');
      break;
    case 'insert-whitespace':
      p[seg] = value.slice(0, at) + pick([' ', '\n', '\r\n', '\t'], m.b) + value.slice(at);
      break;
    case 'claims-edit': {
      const claims: Record<string, unknown> = { ...CLAIMS };
      mutateObject(claims, { ...m, kind: pick(NESTED, m.b) });
      if (m.b % 3 === 0) claims.timestamp = m.n;
      p.signaturePayload = encodeBase64UrlText(JSON.stringify(claims));
      break;
    }
    case 'header-edit': {
      const header: Record<string, unknown> = { ...HEADER };
      mutateObject(header, { ...m, kind: pick(NESTED, m.b) });
      p.protected = encodeBase64UrlText(JSON.stringify(header));
      break;
    }
    case 'stringify-payload':
      env.payload = JSON.stringify(p) as never;
      break;
  }
}

describe('mutated valid requests', () => {
  it('never throw and always explain themselves', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(), fc.constantFrom('json', 'log', 'compact', 'truncate'), (ms, cut, form) => {
        const env = structuredClone(envelopeOf(good));
        for (const m of ms) {
          if (typeof env.payload !== 'object' || env.payload === null) break;
          mutate(env, m);
        }
        let text = JSON.stringify(env);
        if (form === 'log') text = `05-01 12:00:01.123 D/HyperSDK{main}: process called with ${text}`;
        if (form === 'compact' && typeof env.payload === 'object' && env.payload) {
          text = SEGMENTS.map((s) => String((env.payload as Record<string, unknown>)[s] ?? '')).join('.');
        }
        if (form === 'truncate') text = text.slice(0, cut % (text.length + 1));
        checkRequest(text);
      }),
      { numRuns: 500 },
    );
  });

  it('any single change to a valid request raises a warning or an error (with real signature evidence)', async () => {
    const original = JSON.stringify(envelopeOf(good));
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const env = structuredClone(envelopeOf(good));
        mutate(env, m);
        const text = JSON.stringify(env);
        if (text === original) return;
        const r = inspectRequestText(text, { ...options, signature: await evidenceFor(text, [key]) });
        assertFindings(r.findings);
        expect(
          r.findings.filter((f) => f.severity !== 'info').map((f) => f.id),
          `${m.kind}: ${r.findings.map((f) => f.id).join(', ')}`,
        ).not.toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the unchanged request raises nothing above info', async () => {
    const text = JSON.stringify(envelopeOf(good));
    const r = inspectRequestText(text, { ...options, signature: await evidenceFor(text, [key]) });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Mutations of a valid response.

const anyScalar = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('true', 'false', '6', '4', 'topup_txn_pending', '{}', '[]'));

describe('mutated valid responses', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ path: fc.nat(), value: fc.oneof(anyScalar, fc.jsonValue({ maxDepth: 2 })), drop: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('json', 'log', 'stringified', 'truncate'),
        fc.nat(),
        (edits, form, cut) => {
          const r = responseObject();
          const targets: Array<[Record<string, unknown>, string]> = [];
          const collect = (o: Record<string, unknown>) => {
            for (const k of Object.keys(o)) targets.push([o, k]);
          };
          collect(r);
          collect(r.payload);
          collect(r.payload.vpaAccounts[0]);
          collect(r.payload.vpaAccounts[0].accounts[0]);
          for (const e of edits) {
            const [o, k] = pick(targets, e.path);
            if (e.drop) delete o[k];
            else o[k] = e.value;
          }
          let text = JSON.stringify(r);
          if (form === 'log') text = `I/HyperSDK: onEvent ${text}`;
          if (form === 'stringified') text = JSON.stringify(text);
          if (form === 'truncate') text = text.slice(0, cut % (text.length + 1));
          checkResponse(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
