/**
 * A lock on one file, shared by every UPI Inspector process on the machine (the desktop app, a browser
 * host, each CLI run), so two writers queue instead of one overwriting the other's save.
 *
 * The lock is `<file>.lock`, holding its owner's pid, host name and a nonce. It is created whole in one
 * step (a complete temp file hard-linked to the lock name: link fails with EEXIST like O_EXCL, and no
 * reader ever sees it half-written). A lock whose owner process is gone (killed mid-save) is stale and
 * broken at once, not after a timeout; so is one older than STALE_AFTER_MS (a reused pid), or, from another
 * host (a shared folder), only by age. Breaking is itself serialised by `<file>.lock.break`, held for
 * microseconds, so two processes finding the same stale lock cannot both break the new owner's.
 *
 * Why not proper-lockfile: it tells a stale lock by its age only (mtime, refreshed by a timer), so a
 * writer killed with SIGKILL blocks every other writer for the whole stale period (10 s by default),
 * and it needs the holder's event loop free to keep its lock fresh. A dead pid is a certain answer here.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { InspectorError } from '../../shared/result';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './atomic-file';

/** No save holds the lock this long; older means its pid was reused by another process. */
export const STALE_AFTER_MS = 60_000;
/** A `.break` file older than this was left by a process killed while breaking a stale lock. */
const BREAK_STALE_MS = 5_000;
const DEFAULT_TIMEOUT_MS = 20_000;

export interface FileLockOptions {
  /** How long to wait for another process's lock before giving up (`file_busy`). */
  timeoutMs?: number;
}

interface Owner {
  pid: number;
  host: string;
  nonce: string;
  at: number;
}

export function lockPathOf(path: string): string {
  return `${path}.lock`;
}

/** Runs `run` holding the lock on `path` (its folder is created if missing); releases it whatever happens. */
export async function withFileLock<T>(path: string, run: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const release = await acquireFileLock(path, options);
  try {
    return await run();
  } finally {
    await release();
  }
}

/** Takes the lock on `path`, waiting for its holder; resolves to the function that releases it. */
export async function acquireFileLock(path: string, options: FileLockOptions = {}): Promise<() => Promise<void>> {
  const lock = lockPathOf(path);
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const owner: Owner = { pid: process.pid, host: hostname(), nonce: randomBytes(8).toString('hex'), at: Date.now() };
  const text = JSON.stringify(owner);
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lock, text)) return () => release(lock, text);
    const seen = await readText(lock);
    if (seen === null) continue; // released meanwhile
    if (isStale(seen, await ageOf(lock))) {
      await breakStale(lock, seen);
      continue;
    }
    if (Date.now() > deadline) {
      throw new InspectorError('file_busy', `${basename(path)} is being written by another UPI Inspector (${describeOwner(seen)}) and did not become free in time; nothing was changed.`, {
        fix: `Try again in a moment. If no other UPI Inspector is running, delete ${lock}.`,
      });
    }
    await sleep(Math.min(5 + attempt * 5, 50) * (0.5 + Math.random()));
  }
}

/** Creates the lock whole: a private temp file holding the owner, hard-linked to the lock's name. */
async function tryCreate(lock: string, text: string): Promise<boolean> {
  const temp = join(dirname(lock), `.${basename(lock)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(temp, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  try {
    await fs.link(temp, lock);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

async function release(lock: string, text: string): Promise<void> {
  // Only our own lock: had it been broken as stale (held over STALE_AFTER_MS), the file is another's now.
  if ((await readText(lock)) === text) await fs.rm(lock, { force: true });
}

function isStale(text: string, age: number | null): boolean {
  if (age === null) return false; // gone: the next attempt creates it
  const owner = parseOwner(text);
  if (!owner) return true; // not a lock of ours: nobody holds it
  if (age > STALE_AFTER_MS) return true;
  if (owner.host !== hostname()) return false;
  return !processAlive(owner.pid);
}

/** Removes the lock if it is still the stale one seen, one breaker at a time. */
async function breakStale(lock: string, seen: string): Promise<void> {
  const breaker = `${lock}.break`;
  try {
    await fs.writeFile(breaker, String(process.pid), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const age = await ageOf(breaker);
    if (age !== null && age > BREAK_STALE_MS) await fs.rm(breaker, { force: true });
    else await sleep(2);
    return;
  }
  try {
    if ((await readText(lock)) === seen) await fs.rm(lock, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, owned by another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): Owner | null {
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.nonce === 'string' ? (value as Owner) : null;
  } catch {
    return null;
  }
}

function describeOwner(text: string): string {
  const owner = parseOwner(text);
  return owner ? `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}` : 'unknown process';
}

async function readText(path: string): Promise<string | null> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function ageOf(path: string): Promise<number | null> {
  try {
    return Date.now() - (await fs.stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
