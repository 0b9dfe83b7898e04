/**
 * A fake `adb` for tests, put first on PATH: `adb devices -l` prints the given devices, and
 * `adb -s SERIAL logcat -v threadtime` prints a scripted log, a few lines at a time with pauses, then
 * either waits (a device still connected), or fails as a device that was unplugged does.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface FakeAdbOptions {
  /** `adb devices -l` lines after its header, e.g. `emulator-5554\tdevice product:x model:Pixel_7`. */
  devices: string[];
  /** The log lines logcat prints, in order. */
  lines?: string[];
  /** Lines printed between pauses. */
  linesPerBurst?: number;
  /** The pause between bursts, seconds. */
  pauseSeconds?: number;
  /** After the last line: keep running (`wait`), die like an unplugged device (`disconnect`), or exit as `logcat -d` does (`exit`). */
  end?: 'wait' | 'disconnect' | 'exit';
}

export interface FakeAdb {
  dir: string;
  /** An environment whose PATH finds this adb first. */
  env: Record<string, string>;
  /** PATH with this adb first, for a child's environment. */
  path: string;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function fakeAdb(options: FakeAdbOptions, dir = mkdtempSync(join(tmpdir(), 'fake-adb-'))): FakeAdb {
  writeFileSync(join(dir, 'devices.txt'), `List of devices attached\n${options.devices.map((d) => `${d}\n`).join('')}\n`);
  const burst = options.linesPerBurst ?? 2;
  const script: string[] = ['#!/bin/sh'];
  (options.lines ?? []).forEach((line, i) => {
    script.push(`printf '%s\\n' ${quote(line)}`);
    if ((i + 1) % burst === 0) script.push(`sleep ${options.pauseSeconds ?? 0.2}`);
  });
  // exec: the process adb's caller stops is the sleep itself, so nothing outlives it holding the pipe.
  script.push(options.end === 'disconnect' ? `echo 'error: device offline' >&2\nexit 1` : options.end === 'exit' ? 'exit 0' : 'exec sleep 3600');
  writeFileSync(join(dir, 'logcat.sh'), `${script.join('\n')}\n`);
  writeFileSync(
    join(dir, 'adb'),
    [
      '#!/bin/sh',
      `here=${quote(dir)}`,
      'for a in "$@"; do',
      '  case "$a" in',
      '    devices) cat "$here/devices.txt"; exit 0 ;;',
      '    logcat) exec sh "$here/logcat.sh" ;;',
      '  esac',
      'done',
      'echo "fake adb: unexpected arguments: $*" >&2',
      'exit 64',
      '',
    ].join('\n'),
  );
  chmodSync(join(dir, 'adb'), 0o755);
  const path = `${dir}${delimiter}${process.env.PATH ?? ''}`;
  return { dir, path, env: { ...(process.env as Record<string, string>), PATH: path } };
}

/** An environment where no adb can be found. */
export function noAdbEnv(): Record<string, string> {
  return { ...(process.env as Record<string, string>), PATH: mkdtempSync(join(tmpdir(), 'no-adb-')) };
}
