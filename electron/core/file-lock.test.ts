import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTempFiles, writeFileAtomic } from './atomic-file';
import { tempDirs } from './__fixtures__/temp-dirs';
import { rejection } from './__fixtures__/thrown';
import { acquireFileLock, lockPathOf, processAlive, withFileLock } from './file-lock';

const newDir = tempDirs('upi-lock-');
const root = resolve(__dirname, '../..');

/** The pid of a process that has exited (its pid is free). */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

function lockText(pid: number, host = hostname()): string {
  return JSON.stringify({ pid, host, nonce: 'f00d', at: Date.now() });
}

describe('withFileLock', () => {
  it('makes holders queue: the second starts only after the first released, and the lock file is gone after', async () => {
    const file = join(newDir(), 'vault.json');
    const events: string[] = [];
    const hold = (name: string) =>
      withFileLock(file, async () => {
        events.push(`${name} in`);
        await new Promise((done) => setTimeout(done, 30));
        events.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    // Never two inside at once: each "in" is followed by the same holder's "out".
    const pairs = [0, 2, 4].map((i) => [events[i], events[i + 1]]);
    expect(pairs.map(([a, b]) => `${a} ${b}`).sort()).toEqual(['a in a out', 'b in b out', 'c in c out']);
    expect(existsSync(lockPathOf(file))).toBe(false);
  });

  it('breaks at once a lock left by a process that is gone (killed mid-save)', async () => {
    const file = join(newDir(), 'vault.json');
    const pid = deadPid();
    expect(processAlive(pid)).toBe(false);
    writeFileSync(lockPathOf(file), lockText(pid));
    const started = Date.now();
    expect(await withFileLock(file, async () => 'held')).toBe('held');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('waits for a live holder, and says who holds it when the wait runs out (file_busy), changing nothing', async () => {
    const file = join(newDir(), 'vault.json');
    const held = lockText(process.ppid);
    writeFileSync(lockPathOf(file), held);
    const e = await rejection(withFileLock(file, async () => 'never', { timeoutMs: 150 }));
    expect(e.code).toBe('file_busy');
    expect(e.message).toBe(`vault.json is being written by another UPI Inspector (process ${process.ppid}) and did not become free in time; nothing was changed.`);
    expect(e.fix).toContain(lockPathOf(file));
    expect(readFileSync(lockPathOf(file), 'utf8')).toBe(held);
  });

  it('treats a lock from another host as held until it is a minute old', async () => {
    const file = join(newDir(), 'vault.json');
    writeFileSync(lockPathOf(file), lockText(1, 'another-machine'));
    expect((await rejection(withFileLock(file, async () => 0, { timeoutMs: 100 }))).message).toContain('process 1 on another-machine');
  });

  it('release leaves a lock that is no longer its own', async () => {
    const file = join(newDir(), 'vault.json');
    const release = await acquireFileLock(file);
    writeFileSync(lockPathOf(file), lockText(process.ppid));
    await release();
    expect(existsSync(lockPathOf(file))).toBe(true);
  });

  it('keeps two processes incrementing one counter file 40 times each from losing a single increment', async () => {
    const dir = newDir();
    const file = join(dir, 'counter');
    writeFileSync(file, '0');
    const script = `
      const { withFileLock } = require(${JSON.stringify(join(root, 'electron/core/file-lock.ts'))});
      const { readFileSync, writeFileSync } = require('node:fs');
      (async () => {
        for (let i = 0; i < 40; i++) await withFileLock(${JSON.stringify(file)}, async () => {
          const n = Number(readFileSync(${JSON.stringify(file)}, 'utf8'));
          await new Promise((done) => setImmediate(done));
          writeFileSync(${JSON.stringify(file)}, String(n + 1));
        });
      })();`;
    const run = () =>
      new Promise<number | null>((done) => spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, stdio: 'inherit' }).once('close', done));
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(readFileSync(file, 'utf8')).toBe('80');
  }, 60_000);
});

describe('sweepTempFiles', () => {
  it('removes the temp files of killed saves, keeps other files and a live process’s lock temp file', async () => {
    const dir = newDir();
    const file = join(dir, 'vault.json');
    await writeFileAtomic(file, 'current');
    const left = ['.vault.json.4242.0123456789ab.tmp', '.vault.json.17.abcdefabcdef.tmp', `.vault.json.lock.${deadPid()}.00000000000a.tmp`];
    const kept = ['profiles.json', '.profiles.json.4242.0123456789ab.tmp', `.vault.json.lock.${process.pid}.00000000000b.tmp`, 'vault.json.damaged'];
    for (const name of [...left, ...kept]) writeFileSync(join(dir, name), 'old copy');
    expect(await sweepTempFiles(file, processAlive)).toBe(3);
    expect(readdirSync(dir).sort()).toEqual([...kept, 'vault.json'].sort());
  });
});
