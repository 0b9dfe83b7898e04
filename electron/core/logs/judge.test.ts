import { describe, expect, it, vi } from 'vitest';
import { LogFeed, type LogItem, type LogSession } from '../../../shared/logs';
import { MAX_SESSION_ITEMS } from '../../../shared/logs/channels';
import { makeLog, mixedPlan, SIGN_LEAD_MS, ZONE_MS } from '../__fixtures__/logcat';
import { vaultWith } from '../__fixtures__/signed-request';
import { windowKeySet } from '../candidates';
import { createCore } from '../index';
import * as inspect from '../inspect';
import { judgeItems, SessionJudge } from './judge';

vi.mock('../inspect', async (original) => {
  const real = await original<typeof inspect>();
  return { ...real, verifyRequestText: vi.fn(real.verifyRequestText) };
});
const verifications = vi.mocked(inspect.verifyRequestText);
const verifyRequestText = verifications;

const NOW = Date.UTC(2027, 0, 1);
const log = makeLog(mixedPlan());
const itemsOf = (text: string): LogItem[] => {
  const feed = new LogFeed('test.log');
  return [...feed.push(text), ...feed.end()];
};
const { vault } = await vaultWith({ pem: log.publicKeyPem, kid: log.kid, label: 'merchant (registered)' });
const keys = await windowKeySet(vault, undefined);

/** Requests by verdict, as the generator counts them. */
function verdictCounts(s: LogSession): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of s.calls) if (c.request) out[c.request.verdict.cause ?? (c.request.verdict.valid ? 'valid' : 'not verified')] = (out[c.request.verdict.cause ?? (c.request.verdict.valid ? 'valid' : 'not verified')] ?? 0) + 1;
  return out;
}

describe('a generated log, judged with the vault’s keys', () => {
  const session = judgeItems(itemsOf(log.text), keys, { now: () => NOW });
  const e = log.expected;

  it('pairs requests and responses by requestId, and counts what is unpaired or cut off', () => {
    expect(session.counts).toEqual({ requests: e.requests, responses: e.responses, paired: e.paired, unpaired: e.requestOnly + e.responseOnly, errors: 2 });
    expect(session.calls.filter((c) => c.pairing === 'request-only')).toHaveLength(e.requestOnly);
    expect(session.calls.filter((c) => c.pairing === 'response-only')).toHaveLength(e.responseOnly);
    expect(session.unclosed).toHaveLength(e.unclosed);
    const statuses: Record<string, number> = {};
    for (const c of session.calls) if (c.response?.status) statuses[c.response.status] = (statuses[c.response.status] ?? 0) + 1;
    expect(statuses).toEqual(e.statuses);
  });

  it('gives each request the verdict its signature earns: valid, another key, standard base64', () => {
    expect(verdictCounts(session)).toEqual(e.verdicts);
  });

  it('finds the device zone and its clock skew on every request', () => {
    expect(session.zoneOffsetMs).toBe(ZONE_MS);
    const skews = session.calls.map((c) => c.skewMs).filter((s) => s !== undefined);
    expect(skews).toHaveLength(e.skewed);
    expect(new Set(skews)).toEqual(new Set([120_000 + SIGN_LEAD_MS]));
    expect(session.findings.map((f) => f.id)).toEqual(['session.clock-skew', 'session.unanswered', 'session.orphan-response', 'session.unclosed']);
  });

  it('each row’s verdict is the one verifyRequestText gives the request at its log time (what verify and Inspect give)', () => {
    for (const c of session.calls.filter((x) => x.request)) {
      const r = c.request!;
      const full = verifyRequestText(r.text, keys, r.loggedAtMs!);
      expect(r.verdict, `line ${r.line}`).toEqual({ valid: full.valid, tone: full.summary.tone, headline: full.summary.headline, ...(full.cause ? { cause: full.cause } : {}) });
    }
  });
});

describe('bad items, and items arriving in batches', () => {
  it('sets aside an item nested too deep to read, with why, and judges the rest', () => {
    const deep = `12-01 10:15:02.481  4211  4222 D HyperSDK: process {"requestId":"x","payload":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const session = judgeItems(itemsOf(`${log.text}${deep}\n`), keys, { now: () => NOW });
    expect(session.counts.requests).toBe(log.expected.requests);
    expect(session.skipped).toEqual([expect.objectContaining({ line: log.lines.length + 1, tag: 'HyperSDK', reason: expect.stringMatching(/nested more than 256 levels deep.*not read\./) })]);
  });

  it('a session built line by line equals the one built at once, and verifies each request once', () => {
    const judge = new SessionJudge(keys, { now: () => NOW });
    const feed = new LogFeed('live');
    verifications.mockClear();
    for (const line of log.lines) {
      judge.add(feed.push(`${line}\n`));
      judge.session(); // as a poll would, after every line
    }
    judge.add(feed.end());
    expect(judge.session()).toEqual(judgeItems(itemsOf(log.text), keys, { now: () => NOW }));
    expect(verifications).toHaveBeenCalledTimes(log.expected.requests * 2); // once live, once for the session built at once
  });
});

describe('the logs:session channel', () => {
  const core = createCore({ host: 'browser', version: 'test', vault, now: () => NOW });

  it('judges the items the window read, with the device zone it is told', async () => {
    const items = itemsOf(log.text);
    const told = await core.dispatch('logs:session', { items, zoneOffsetMs: 5 * 3600_000 });
    expect(told.ok && told.value.zoneOffsetMs).toBe(5 * 3600_000);
    const inferred = await core.dispatch('logs:session', { items });
    expect(inferred.ok && inferred.value.counts).toEqual(judgeItems(items, keys, { now: () => NOW }).counts);
  });

  it('refuses more items than one session holds, or a zone off the map, naming the field', async () => {
    const item = itemsOf(log.text)[0]!;
    const many = await core.dispatch('logs:session', { items: Array.from({ length: MAX_SESSION_ITEMS + 1 }, () => item) });
    expect(many).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'items', message: expect.stringMatching(/at most 50,000 items: split the log/) } });
    const zone = await core.dispatch('logs:session', { items: [item], zoneOffsetMs: 20 * 3600_000 });
    expect(zone).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'zoneOffsetMs' } });
  });
});
