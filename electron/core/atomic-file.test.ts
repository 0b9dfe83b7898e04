import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-file';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'upi-atomic-'));
  dirs.push(dir);
  return dir;
}

describe.skipIf(process.platform === 'win32')('writeFileAtomic', () => {
  it('creates the folder and a file readable by its owner only, even with a permissive umask', async () => {
    const file = join(tempDir(), 'nested', 'vault.json');
    const previous = process.umask(0);
    try {
      await writeFileAtomic(file, 'secret');
    } finally {
      process.umask(previous);
    }
    expect(readFileSync(file, 'utf8')).toBe('secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('replaces an existing file (even a world-readable one) with a 0600 file and leaves no temp files', async () => {
    const dir = tempDir();
    const file = join(dir, 'vault.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    await writeFileAtomic(file, Buffer.from('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });

  it('leaves the target as it was and no temp file behind when the write fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'vault.json');
    // A non-empty directory in the way makes the final rename fail after the temp file was written.
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'old');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });
});
