import { describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { openVault } from '../vault/open';
import { REQUEST_TEXT, RESPONSE } from '../__fixtures__/case-inputs';

const LOGGED_AT = 1668389350500;
const requestId = RESPONSE.requestId;
const call = {
  request: { text: REQUEST_TEXT, line: 12, requestId, merchantId: 'stock', kid: 'uat1', loggedAtMs: LOGGED_AT, verdict: { valid: true, headline: 'The signature verifies.' } },
  response: { text: JSON.stringify({ ...RESPONSE, error: true, errorCode: 'JP_001', payload: { action: 'upiGetSessionToken', status: 'FAILURE' } }), line: 14, requestId },
};

describe('a log session saved to the history', () => {
  it('becomes one inspection per request (judged at its log time) and one response reading per response, paired by requestId', async () => {
    const core = createCore({ host: 'browser', version: '0.0.0-test', vault: await openVault({ mode: 'session' }), now: () => 1_800_000_000_000 });
    const saved = await core.dispatch('history:recordLog', { source: 'session.log', calls: [call, { response: { text: JSON.stringify(RESPONSE), line: 30 } }] });
    expect(saved).toEqual({ ok: true, value: { requests: 1, responses: 2 } });
    const page = await core.dispatch('history:list', { query: requestId });
    if (!page.ok) throw new Error(page.error.message);
    const kinds = page.value.entries.map((e) => [e.kind, e.status, e.errorCode, e.valid].filter((x) => x !== null).join(' '));
    expect(kinds.sort()).toEqual(['inspect true', 'response FAILURE JP_001 false', 'response LINKED true'].sort());
    const inspection = page.value.entries.find((e) => e.kind === 'inspect')!;
    expect(inspection).toMatchObject({ merchantId: 'stock', kid: 'uat1', summary: 'The signature verifies.', pair: { kind: 'response' } });
    const full = await core.dispatch('history:get', { id: inspection.id });
    expect(full.ok && full.value.reopen).toEqual({ kind: 'inspect', referenceMs: LOGGED_AT });

    // Saving the same session again updates the same entries.
    await core.dispatch('history:recordLog', { source: 'session.log', calls: [call] });
    const again = await core.dispatch('history:list', {});
    expect(again.ok && again.value.total).toBe(3);
  });

  it('refuses an empty save, naming the field', async () => {
    const core = createCore({ host: 'browser', version: '0.0.0-test', vault: await openVault({ mode: 'session' }), now: () => 0 });
    expect(await core.dispatch('history:recordLog', { source: 'x', calls: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'calls', message: 'calls is empty: there is nothing to save.' } });
  });
});
