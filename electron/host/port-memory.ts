/**
 * The browser host keeps its port from one launch to the next (unless told one with --port), so the
 * app's origin, and with it what the page keeps in its storage, stays the same. One small file in the
 * data directory remembers the last port; when that port is taken, any free port is used and remembered.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic-file';
import { startHost, type HostOptions, type RunningHost } from './server';

export const PORT_FILE = 'host-port';

/** The port of the last launch, or null when there is none (or the file says nothing usable). */
export async function rememberedPort(dataDir: string): Promise<number | null> {
  try {
    const text = (await readFile(join(dataDir, PORT_FILE), 'utf8')).trim();
    const port = Number(text);
    return /^\d+$/.test(text) && port > 0 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

/** Remembers `port`; a data directory that cannot be written only costs the next launch its port. */
export async function rememberPort(dataDir: string, port: number): Promise<boolean> {
  try {
    await writeFileAtomic(join(dataDir, PORT_FILE), `${port}\n`);
    return true;
  } catch {
    return false;
  }
}

/** Listens on `port` if given, else on the remembered port, else (or if that is taken) on any free one. */
export async function listenRemembering(port: number | null, dataDir: string, options: HostOptions): Promise<RunningHost> {
  if (port !== null) return startHost({ ...options, port });
  const last = await rememberedPort(dataDir);
  let host: RunningHost | null = null;
  if (last !== null) {
    host = await startHost({ ...options, port: last }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') return null;
      throw e;
    });
  }
  host ??= await startHost({ ...options, port: 0 });
  if (host.port !== last) await rememberPort(dataDir, host.port);
  return host;
}
