import { describe, expect, it } from 'vitest';
import { responseFamilies, type ResponseCase } from '../__fixtures__/cases';
import { responseObject, responseText, stringSpelledResponse } from '../__fixtures__/requests';
import { FINDING_IDS } from './catalog';
import { inspectResponseText } from './response';

function assertCase(c: ResponseCase): void {
  const raised = inspectResponseText(c.raises.text, c.raises.options);
  const hits = raised.findings.filter((f) => f.id === c.id);
  expect(hits.length, `expected ${c.id}; got ${raised.findings.map((f) => f.id).join(', ')}`).toBeGreaterThan(0);
  for (const f of hits) expect(f.severity).toBe(FINDING_IDS[c.id].severity);
  const words = hits.map((f) => `${f.path}\n${f.message}\n${f.fix}`).join('\n');
  for (const m of c.mentions) expect(words, `${c.id} should mention ${m}`).toContain(m);
  const avoided = inspectResponseText(c.avoids.text, c.avoids.options);
  expect(avoided.findings.map((f) => f.id)).not.toContain(c.id);
}

describe('a valid LINKED response', () => {
  it('only says what the status means', () => {
    const r = inspectResponseText(responseText(), { requestId: responseObject().requestId });
    expect(r.findings.map((f) => f.id)).toEqual(['status.meaning']);
    expect(r.response?.payload?.vpaAccounts[0]?.accounts[0]?.mpinLength).toBe(6);
  });

  it('reads Juspay’s string spelling the same, with one summarising finding', () => {
    const r = inspectResponseText(JSON.stringify(stringSpelledResponse()));
    expect(r.findings.map((f) => f.id).sort()).toEqual(['response.string-spelling', 'status.meaning']);
    const spelling = r.findings.find((f) => f.id === 'response.string-spelling')!;
    expect(spelling.message).toContain('accounts[].mpinSet');
    expect(spelling.message).toContain('payload.otherInfo');
    expect(r.response?.payload?.vpaAccounts[0]?.accounts[0]).toMatchObject({ mpinSet: true, mpinLength: 6, otpLength: 6 });
  });
});

for (const [family, cases] of Object.entries(responseFamilies())) {
  describe(`response findings: ${family}`, () => {
    it.each(cases.map((c) => [`${c.id} (${c.name})`, c] as const))('%s', (_, c) => assertCase(c));
  });
}

describe('per-account problems are summarised', () => {
  it('10,000 accounts without MPIN give one finding, quickly', () => {
    const r = responseObject();
    const template = r.payload.vpaAccounts[0].accounts[0];
    r.payload.vpaAccounts = Array.from({ length: 100 }, (_, v) => ({
      vpa: `user${v}@axb`,
      accounts: Array.from({ length: 100 }, (_, a) => ({ ...template, mpinSet: 'false', mpinLength: '6', referenceId: `r${v}-${a}` })),
    }));
    const text = JSON.stringify(r);
    const started = performance.now();
    const result = inspectResponseText(text);
    const elapsed = performance.now() - started;
    expect(result.findings.filter((f) => f.id === 'account.mpin-not-set')).toHaveLength(1);
    expect(result.findings.filter((f) => f.id === 'response.string-spelling')).toHaveLength(1);
    expect(result.findings.find((f) => f.id === 'account.mpin-not-set')!.message).toContain('10000 accounts');
    expect(elapsed).toBeLessThan(1000);
  });
});
