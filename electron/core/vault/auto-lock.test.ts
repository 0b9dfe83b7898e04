import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { createCore } from '..';
import { AutoLock, DEFAULT_AUTO_LOCK_MINUTES, VAULT_SETTINGS_FILE } from './auto-lock';
import { openVault } from './open';

const newDir = tempDirs('upi-auto-lock-');
const PASSPHRASE = 'vault passphrase for tests';
/** A minute of the auto-lock clock, in these tests. */
const MINUTE = 200;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('auto-lock', () => {
  it('locks a passphrase vault after its idle minutes; each window call starts the clock again', async () => {
    const dir = newDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const autoLock = new AutoLock(vault, dir, { minuteMs: MINUTE });
    expect(await autoLock.read({ autoLockMinutes: 2 })).toEqual({ autoLockMinutes: 2 });
    // Busy: a call every quarter of a minute for three minutes keeps it open.
    for (let i = 0; i < 12; i++) {
      await sleep(MINUTE / 4);
      autoLock.touch();
    }
    expect(vault.state).toBe('unlocked');
    await sleep(MINUTE * 4);
    const status = await vault.status();
    expect(status.state).toBe('locked');
    expect(status.message).toMatch(/was locked after 2 minutes without use: its keys are out of memory/);
    autoLock.stop();
  });

  it('defaults to 15 minutes, keeps the setting in vault-settings.json, and never locks with null', async () => {
    const dir = newDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    expect(await new AutoLock(vault, dir).read()).toEqual({ autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES });
    expect(existsSync(join(dir, VAULT_SETTINGS_FILE))).toBe(false);
    const never = new AutoLock(vault, dir, { minuteMs: 1 });
    await never.read({ autoLockMinutes: null });
    expect(JSON.parse(readFileSync(join(dir, VAULT_SETTINGS_FILE), 'utf8'))).toEqual({ autoLockMinutes: null });
    never.touch();
    await sleep(50);
    expect(vault.state).toBe('unlocked');
    expect(await new AutoLock(vault, dir).read()).toEqual({ autoLockMinutes: null });
    writeFileSync(join(dir, VAULT_SETTINGS_FILE), '{"autoLockMinutes": -3}');
    expect(await new AutoLock(vault, dir).read()).toEqual({ autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES });
  });

  it('through the channels: vault:settings reads and changes it, with a clear error for a bad value; vault:lock locks now', async () => {
    const dir = newDir();
    const core = createCore({ host: 'browser', version: '0', vault: await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE }), dataDir: dir });
    expect(await core.dispatch('vault:settings', {})).toEqual({ ok: true, value: { autoLockMinutes: 15 } });
    expect(await core.dispatch('vault:settings', { autoLockMinutes: 5 })).toEqual({ ok: true, value: { autoLockMinutes: 5 } });
    expect(await core.dispatch('vault:settings', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'autoLockMinutes', message: 'autoLockMinutes must be at least 1.' } });
    expect(await core.dispatch('vault:lock', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect((await core.dispatch('vault:lock', {})).ok).toBe(true);
    expect(await core.dispatch('keys:list', {})).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    await core.close();
  });

  it('idle means no channel call: calls of any channel keep the vault open, silence locks it', async () => {
    const dir = newDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const core = createCore({ host: 'browser', version: '0', vault, dataDir: dir, autoLockMinuteMs: MINUTE });
    await core.dispatch('vault:settings', { autoLockMinutes: 2 });
    for (let i = 0; i < 12; i++) {
      await sleep(MINUTE / 4);
      await core.dispatch('app:info', {});
    }
    expect(vault.state).toBe('unlocked');
    await sleep(MINUTE * 4);
    expect(vault.state).toBe('locked');
    await core.close();
  });
});
