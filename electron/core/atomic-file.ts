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
