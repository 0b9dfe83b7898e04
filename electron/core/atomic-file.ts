/**
 * Atomic, private file writes: a crash or a full disk leaves either the old file or the new one, never
 * half of each, and nobody but the owner can read it.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Writes `data` to `path` via a temp file in the same directory (so rename is atomic), fsyncs, renames. */
export async function writeFileAtomic(path: string, data: Buffer | string, mode: number = PRIVATE_FILE_MODE): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never follow or reuse an existing file at the temp name.
  const handle = await fs.open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      // The umask may have narrowed the mode at open; it can never widen it, but say exactly what we want.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}

/** The name of a temp file writeFileAtomic (or file-lock) makes beside `path`, with the writer's pid. */
function tempPattern(path: string): RegExp {
  const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.(?:lock\\.)?(\\d+)\\.[0-9a-f]{12}\\.tmp$`);
}

/**
 * Removes the temp files a writer of `path` left when it was killed mid-save (each may hold an older copy
 * of the file: keys since deleted). Call it holding `path`'s file lock, which every writer holds while its
 * temp file exists; a lock's own temp file is only removed once its process is gone. Returns how many.
 */
export async function sweepTempFiles(path: string, isAlive: (pid: number) => boolean): Promise<number> {
  const dir = dirname(path);
  const pattern = tempPattern(path);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const forLock = name.includes('.lock.');
    if (forLock && isAlive(Number(match[1]))) continue;
    await fs.rm(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Makes the rename itself durable. Not possible on Windows (EPERM/EISDIR), where rename is enough. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data is already fsynced and renamed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
