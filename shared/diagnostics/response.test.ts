import { describe, expect, it } from 'vitest';
import { responseFamilies, type ResponseCase } from '../__fixtures__/cases';
import { responseObject, responseText, stringSpelledResponse } from '../__fixtures__/requests';
import { FINDING_IDS } from './catalog';
import { parseResponseText } from '../response';
import { inspectResponseText, responseFindings, type InspectResponseOptions } from './response';

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
  it('only says what the status means, and says how the JSON was found, without echoing the response', () => {
    const r = inspectResponseText(responseText(), { requestId: responseObject().requestId });
    expect(r.findings.map((f) => f.id)).toEqual(['status.meaning']);
    expect(r).toEqual({ findings: r.findings, shape: 'envelope', source: 'json' });
  });

  it('reads Juspay’s string spelling the same, with one summarising finding', () => {
    const r = inspectResponseText(JSON.stringify(stringSpelledResponse()));
    expect(r.findings.map((f) => f.id).sort()).toEqual(['response.string-spelling', 'status.meaning']);
    const spelling = r.findings.find((f) => f.id === 'response.string-spelling')!;
    expect(spelling.message).toContain('accounts[].mpinSet');
    expect(spelling.message).toContain('payload.otherInfo');
  });
});

describe('responseFindings works on the one read of a paste', () => {
  it('gives the findings inspectResponseText gives, for good and bad pastes alike', () => {
    for (const text of [responseText(), JSON.stringify(stringSpelledResponse()), '{"payload": {,}', '', '{"hello": 1}', `log: ${responseText()}`]) {
      expect(responseFindings(parseResponseText(text), { requestId: 'other' }), text.slice(0, 40)).toEqual(inspectResponseText(text, { requestId: 'other' }).findings);
    }
  });

  it('a paste that does not parse has no shape or source, only its finding', () => {
    expect(inspectResponseText('{"payload": {,}')).toEqual({ findings: [expect.objectContaining({ id: 'json.invalid', severity: 'error' })] });
  });
});

describe('pairing: a response is compared only with the request it was linked to', () => {
  const parsed = parseResponseText(responseText());
  const theirs = responseObject().requestId as string;
  const other = '11111111-2222-4333-8444-555555555555';
  const mismatches = (options?: InspectResponseOptions) => responseFindings(parsed, options).filter((f) => f.path === 'requestId' || f.message.includes('requestId'));

  it('unlinked: the requestId is not judged', () => {
    expect(mismatches()).toEqual([]);
    expect(mismatches({ requestId: '' })).toEqual([]);
  });

  it('linked to the same id: nothing to say', () => {
    expect(mismatches({ requestId: theirs, requestLabel: 'the request open in Inspect' })).toEqual([]);
  });

  it('linked to another id: exactly one error naming both ids and the linked request', () => {
    const found = mismatches({ requestId: other, requestLabel: 'the request open in Inspect' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'response.request-id-mismatch', severity: 'error', path: 'requestId' });
    expect(found[0]!.message).toContain(theirs);
    expect(found[0]!.message).toContain(other);
    expect(found[0]!.message).toContain('the request open in Inspect');
  });

  it('linked, and the response has no requestId: one error naming the linked id', () => {
    const found = responseFindings(parseResponseText(responseText((r) => delete r.requestId)), { requestId: other }).filter((f) => f.id === 'response.request-id-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/has no requestId/);
    expect(found[0]!.message).toContain(other);
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
