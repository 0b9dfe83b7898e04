/**
 * `adb`, the Android platform-tools' command: list the connected devices and stream a device's logcat.
 * Found on PATH (Debian's `adb` package, or the SDK's platform-tools); tests put a fake one first on PATH.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { InspectorError } from '../../../shared/result';
import type { AdbDevice } from '../../../shared/logs/channels';

export type Env = Record<string, string | undefined>;

const DEVICES_TIMEOUT_MS = 15_000;

const STATE_NOTES: Record<string, string> = {
  unauthorized: 'Unlock the phone and accept the "Allow USB debugging?" prompt.',
  offline: 'The device does not answer adb: reconnect the cable, or run "adb reconnect".',
  'no permissions': 'adb may not open the USB device: add a udev rule for it (or run "adb kill-server" then "sudo adb start-server").',
  recovery: 'The device is in recovery mode: reboot it normally.',
  sideload: 'The device is in sideload mode: reboot it normally.',
  bootloader: 'The device is in the bootloader: reboot it normally.',
};

/** Reads `adb devices -l`: one device a line after the header; adb's own "* daemon …" lines are skipped. */
export function parseDevices(stdout: string): AdbDevice[] {
  const out: AdbDevice[] = [];
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('*') || /^List of devices/i.test(line)) continue;
    const m = /^(\S+)\s+(no permissions|\S+)(.*)$/.exec(line);
    if (!m) continue;
    const [, serial, state, rest] = m;
    const model = /\bmodel:(\S+)/.exec(rest ?? '')?.[1];
    const device: AdbDevice = { serial: serial!, state: state!, ready: state === 'device' };
    if (model) device.model = model;
    const note = STATE_NOTES[state!];
    if (note) device.note = note;
    out.push(device);
  }
  return out;
}

/** The devices adb sees. Throws `adb_missing` when there is no adb on PATH, `adb_failed` when it fails. */
export async function listDevices(env: Env): Promise<AdbDevice[]> {
  const { code, stdout, stderr } = await run(['devices', '-l'], env, DEVICES_TIMEOUT_MS);
  if (code !== 0) throw new InspectorError('adb_failed', `"adb devices" failed (exit ${code})${tail(stderr) ? `: ${tail(stderr)}` : ''}.`);
  return parseDevices(stdout);
}

/** The device to capture: the one named, or the only ready one. Throws `device_unavailable` otherwise. */
export async function pickDevice(env: Env, serial: string | undefined): Promise<AdbDevice> {
  const devices = await listDevices(env);
  const listed = devices.map((d) => `${d.serial} (${d.state})`).join(', ');
  if (serial !== undefined) {
    const device = devices.find((d) => d.serial === serial);
    if (!device) throw new InspectorError('device_unavailable', `adb sees no device ${serial}${listed ? `; it sees ${listed}` : ': no device is connected'}.`, { field: 'serial' });
    if (!device.ready) throw new InspectorError('device_unavailable', `The device ${serial} is ${device.state}, not ready.`, { field: 'serial', ...(device.note ? { fix: device.note } : {}) });
    return device;
  }
  const ready = devices.filter((d) => d.ready);
  if (ready.length === 1) return ready[0]!;
  if (ready.length === 0) throw new InspectorError('device_unavailable', devices.length ? `No device is ready: adb sees ${listed}.` : 'adb sees no device: none is connected.');
  throw new InspectorError('device_unavailable', `adb sees ${ready.length} devices (${listed}): say which one with --serial.`, { field: 'serial' });
}

export interface Logcat {
  stdout: Readable;
  /** Resolves when adb exits: how, and the end of what it said on stderr. */
  ended: Promise<{ code: number | null; stopped: boolean; stderr: string; spawnError?: InspectorError }>;
  stop(): void;
}

/** Streams `adb -s SERIAL logcat -v threadtime` (with `dump`: what the device holds now, then exits). */
export function startLogcat(serial: string, env: Env, options: { dump?: boolean } = {}): Logcat {
  const args = ['-s', serial, 'logcat', '-v', 'threadtime', ...(options.dump ? ['-d'] : [])];
  const child = spawn('adb', args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stopped = false;
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
  const ended = new Promise<Awaited<Logcat['ended']>>((resolve) => {
    child.once('error', (e) => resolve({ code: null, stopped, stderr, spawnError: spawnFailure(e) }));
    child.once('close', (code) => resolve({ code, stopped, stderr }));
  });
  return {
    stdout: child.stdout!,
    ended,
    stop: () => {
      stopped = true;
      child.kill('SIGTERM');
    },
  };
}

/** Why a capture ended, in words, when the user did not stop it. */
export function describeEnd(serial: string, end: Awaited<Logcat['ended']>, lines: number): string {
  const kept = `the ${lines.toLocaleString('en-US')} lines read before are kept`;
  if (end.spawnError) return `${end.spawnError.message} ${end.spawnError.fix ?? ''}`.trim();
  const said = tail(end.stderr);
  if (end.code === 0 && !said) return `adb logcat for ${serial} ended; ${kept}.`;
  return `The device ${serial} disconnected or adb stopped (${said || `exit code ${end.code}`}); ${kept}.`;
}

function tail(text: string): string {
  return text.trim().split(/\r?\n/).filter((l) => l && !l.startsWith('*')).slice(-2).join(' ').slice(0, 300);
}

function spawnFailure(e: unknown): InspectorError {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new InspectorError('adb_missing', 'There is no "adb" command on PATH, so no device can be read.');
  return new InspectorError('adb_failed', `adb could not be started: ${(e as Error).message}.`);
}

function run(args: string[], env: Env, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn('adb', args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      return reject(spawnFailure(e));
    }
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout = (stdout + d.toString('utf8')).slice(-256 * 1024)));
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4096)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new InspectorError('adb_failed', `"adb ${args.join(' ')}" did not answer in ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(spawnFailure(e));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
