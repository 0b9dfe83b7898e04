import { describe, expect, it } from 'vitest';
import type { CaptureSnapshot } from '../../../shared/logs/channels';
import { fakeAdb, noAdbEnv } from '../__fixtures__/fake-adb';
import { makeLog, mixedPlan } from '../__fixtures__/logcat';
import { vaultWith } from '../__fixtures__/signed-request';
import { createCore } from '../index';
import { listDevices, parseDevices, pickDevice } from './adb';
import { pollCapture, startCapture, stopCapture } from './capture';

const log = makeLog(mixedPlan());
const { vault } = await vaultWith({ pem: log.publicKeyPem, kid: log.kid, label: 'merchant' });
const EMULATOR = 'emulator-5554\tdevice product:sdk_gphone64 model:sdk_gphone64_x86_64 device:emu64xa transport_id:1';

async function pollUntil(poll: () => CaptureSnapshot, done: (s: CaptureSnapshot) => boolean): Promise<CaptureSnapshot> {
  let last = poll();
  await expect.poll(() => done((last = poll())), { timeout: 10_000, interval: 50 }).toBe(true);
  return last;
}

describe('adb devices', () => {
  it('reads serials, states and models, and says what to do with a device that is not ready', () => {
    const devices = parseDevices(
      ['* daemon not running; starting now at tcp:5037', '* daemon started successfully', 'List of devices attached', EMULATOR, 'R58M123ABC\tunauthorized usb:1-1 transport_id:2', '0123456789ABCDEF\tno permissions (user in plugdev group; are your udev rules wrong?); see [http://developer.android.com/tools/device.html]', ''].join('\n'),
    );
    expect(devices).toEqual([
      { serial: 'emulator-5554', state: 'device', model: 'sdk_gphone64_x86_64', ready: true },
      { serial: 'R58M123ABC', state: 'unauthorized', ready: false, note: expect.stringMatching(/Allow USB debugging/) },
      { serial: '0123456789ABCDEF', state: 'no permissions', ready: false, note: expect.stringMatching(/udev rule/) },
    ]);
  });

  it('runs the adb on PATH, and picks the only ready device or the one named', async () => {
    const adb = fakeAdb({ devices: [EMULATOR, 'R58M123ABC\tunauthorized'] });
    expect((await listDevices(adb.env)).map((d) => d.serial)).toEqual(['emulator-5554', 'R58M123ABC']);
    expect((await pickDevice(adb.env, undefined)).serial).toBe('emulator-5554');
    await expect(pickDevice(adb.env, 'R58M123ABC')).rejects.toMatchObject({ code: 'device_unavailable', message: 'The device R58M123ABC is unauthorized, not ready.', fix: expect.stringMatching(/Allow USB debugging/) });
    await expect(pickDevice(adb.env, 'gone-1')).rejects.toMatchObject({ code: 'device_unavailable', message: expect.stringMatching(/no device gone-1; it sees emulator-5554 \(device\), R58M123ABC \(unauthorized\)/) });
    await expect(pickDevice(fakeAdb({ devices: [] }).env, undefined)).rejects.toMatchObject({ code: 'device_unavailable', message: 'adb sees no device: none is connected.' });
  });

  it('without adb on PATH: adb_missing, whose fix names the Debian package and the platform-tools', async () => {
    const core = createCore({ host: 'browser', version: 'test', vault });
    const saved = process.env.PATH;
    process.env.PATH = noAdbEnv().PATH;
    try {
      const answer = await core.dispatch('logs:devices', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'adb_missing', message: 'There is no "adb" command on PATH, so no device can be read.' } });
    } finally {
      process.env.PATH = saved;
    }
    const { fixFor } = await import('../../../shared/errors');
    expect(fixFor({ code: 'adb_missing' }, 'window')).toMatch(/sudo apt-get install adb.*platform-tools/);
  });
});

describe('a live capture', () => {
  it('shows rows as the device logs them; Stop keeps them', async () => {
    const adb = fakeAdb({ devices: [EMULATOR], lines: log.lines, linesPerBurst: 20, pauseSeconds: 0.3, end: 'wait' });
    const core = createCore({ host: 'browser', version: 'test', vault });
    const started = await startCapture(core.ctx, 'emulator-5554', adb.env);
    expect(started.state).toBe('running');
    const id = started.captureId;
    const some = await pollUntil(() => pollCapture(core.ctx, id, 0), (s) => (s.session?.calls.length ?? 0) > 0);
    expect(some.session!.calls.length).toBeLessThan(log.expected.requests + log.expected.responseOnly);
    // A poll that already has the latest revision gets no session back.
    expect(pollCapture(core.ctx, id, pollCapture(core.ctx, id, 0).revision).session).toBeUndefined();
    const all = await pollUntil(() => pollCapture(core.ctx, id, 0), (s) => s.lines >= log.lines.length);
    const stopped = await stopCapture(core.ctx, id);
    expect(stopped.state).toBe('stopped');
    expect(stopped.session!.counts).toMatchObject({ requests: log.expected.requests, paired: log.expected.paired });
    expect(stopped.session!.calls.length).toBeGreaterThanOrEqual(all.session!.calls.length);
    expect(pollCapture(core.ctx, id, 0).state).toBe('stopped');
  });

  it('a device that disconnects ends the capture with a message, keeping what was read', async () => {
    const adb = fakeAdb({ devices: [EMULATOR], lines: log.lines.slice(0, 30), linesPerBurst: 10, pauseSeconds: 0.05, end: 'disconnect' });
    const core = createCore({ host: 'browser', version: 'test', vault });
    const { captureId } = await startCapture(core.ctx, 'emulator-5554', adb.env);
    const ended = await pollUntil(() => pollCapture(core.ctx, captureId, 0), (s) => s.state === 'ended');
    expect(ended.message).toBe('The device emulator-5554 disconnected or adb stopped (error: device offline); the 30 lines read before are kept.');
    expect(ended.session!.counts.requests).toBeGreaterThan(0);
  });

  it('refuses a device that is not there, and an unknown capture', async () => {
    const adb = fakeAdb({ devices: [EMULATOR] });
    const core = createCore({ host: 'browser', version: 'test', vault });
    await expect(startCapture(core.ctx, 'R58M123ABC', adb.env)).rejects.toMatchObject({ code: 'device_unavailable' });
    expect(await core.dispatch('logs:capture:poll', { captureId: 'nope', since: 0 })).toMatchObject({ ok: false, error: { code: 'capture_not_found' } });
    expect(await core.dispatch('logs:capture:start', { serial: '-d' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'serial' } });
  });
});
