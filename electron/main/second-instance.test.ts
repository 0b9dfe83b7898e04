/**
 * A second launch of the desktop app while one runs: the real main entry against a fake `electron` whose
 * single-instance lock is already held. It must quit before touching the vault or opening a window.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../test/fake-electron';
import { ensureBuild } from '../test/build-output';

const fake = createFakeElectron(undefined, { singleInstance: false });
vi.mock('electron', () => fake.module);

beforeAll(async () => {
  ensureBuild();
  const main = await import('./index');
  await main.started;
}, 120_000);

describe('a second desktop instance', () => {
  it('asks for the lock, quits, and opens no window, channel or vault', () => {
    expect(fake.calls.singleInstanceRequests).toBe(1);
    expect(fake.calls.quits).toBe(1);
    expect(fake.calls.windows).toHaveLength(0);
    expect(fake.calls.ipcHandlers.size).toBe(0);
    expect(readdirSync(fake.userData)).toEqual([]);
  });
});
