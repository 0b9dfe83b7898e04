import { afterEach, describe, expect, it } from 'vitest';
import { pinClock } from '../../shared/clock';
import { queueRequestIds } from '../../shared/request-ids';
import { processIo } from '../cli/io';
import { createCore } from '.';
import { applyAutomationEnv } from './automation';
import { openVault } from './vault/open';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

afterEach(() => {
  pinClock(null);
  queueRequestIds([]);
});

describe('the automation knobs', () => {
  it('pin the clock and queue the request ids for the core, the CLI and the window (once)', async () => {
    applyAutomationEnv({ UPI_INSPECTOR_NOW: '1767225600000', UPI_INSPECTOR_REQUEST_IDS: ID });
    const core = createCore({ host: 'browser', version: 'test', vault: await openVault({ mode: 'session' }) });
    expect(core.ctx.now()).toBe(1767225600000);
    expect(processIo().now()).toBe(1767225600000);
    const first = await core.dispatch('app:automation', {});
    expect(first).toEqual({ ok: true, value: { now: 1767225600000, requestIds: [ID] } });
    // Handed over: a second window (a reload) gets fresh ids, so no id goes out twice.
    expect(await core.dispatch('app:automation', {})).toEqual({ ok: true, value: { now: 1767225600000, requestIds: [] } });
    expect(processIo().randomUUID()).not.toBe(ID);
  });

  it('the CLI takes the queued ids in order', () => {
    applyAutomationEnv({ UPI_INSPECTOR_REQUEST_IDS: ID });
    expect(processIo().randomUUID()).toBe(ID);
  });

  it('without them the clock runs and ids are fresh', async () => {
    applyAutomationEnv({});
    const core = createCore({ host: 'browser', version: 'test', vault: await openVault({ mode: 'session' }) });
    expect(await core.dispatch('app:automation', {})).toEqual({ ok: true, value: { now: null, requestIds: [] } });
    expect(Math.abs(core.ctx.now() - Date.now())).toBeLessThan(1000);
  });

  it('a bad value stops the start with a message naming the variable', () => {
    expect(() => applyAutomationEnv({ UPI_INSPECTOR_NOW: 'tomorrow' })).toThrow(/^UPI_INSPECTOR_NOW is "tomorrow": write the instant as epoch milliseconds/);
    expect(() => applyAutomationEnv({ UPI_INSPECTOR_REQUEST_IDS: `${ID},42` })).toThrow(/^UPI_INSPECTOR_REQUEST_IDS item 2 "42" is not a uuid v4/);
  });
});
