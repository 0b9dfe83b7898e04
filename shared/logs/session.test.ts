import { describe, expect, it } from 'vitest';
import { sessionFamilies, sessionOf } from '../__fixtures__/session-cases';
import { FINDING_IDS } from '../diagnostics/catalog';

const cases = await sessionFamilies();

describe.each(cases.map((c) => [`${c.id} (${c.name})`, c] as const))('%s', (_name, c) => {
  it('is raised by its log, with the words a support engineer needs, and not by the clean log', () => {
    const raised = sessionOf(c.raises).findings.filter((f) => f.id === c.id);
    expect(raised.length, sessionOf(c.raises).findings.map((f) => f.id).join(', ')).toBe(1);
    expect(raised[0]!.severity).toBe(FINDING_IDS[c.id].severity);
    for (const m of c.mentions) expect(`${raised[0]!.message} ${raised[0]!.fix}`).toContain(m);
    expect(sessionOf(c.avoids).findings.map((f) => f.id)).not.toContain(c.id);
  });
});

describe('a clean session', () => {
  const good = cases[0]!.avoids;
  const s = sessionOf(good);
  it('pairs each request with its response and finds the device zone', () => {
    expect(s.counts).toMatchObject({ requests: 2, responses: 2, paired: 2, unpaired: 0 });
    expect(s.zoneOffsetMs).toBe(5.5 * 3600_000);
    expect(s.calls.map((c) => Math.round(c.skewMs! / 1000))).toEqual([2, 2]);
    expect(s.calls[0]!.request).toMatchObject({ line: 1, tag: 'HyperSDK', kid: 'uat833359804655bb748702e324111', merchantId: 'stock', action: 'upiGetSessionToken' });
    expect(s.calls[0]!.response).toMatchObject({ line: 2, status: 'LINKED' });
    expect(s.findings).toEqual([]);
  });
  it('judges each request at the time it was logged, not today', () => {
    // Judged today, a 2026 request would be "older than 15 minutes" (a warning); judged at its log time it is fresh.
    expect(s.calls.map((c) => c.request!.verdict.tone)).toEqual(['unknown', 'unknown']);
    expect(s.calls.map((c) => c.request!.verdict.cause)).toEqual([undefined, undefined]);
  });
});
