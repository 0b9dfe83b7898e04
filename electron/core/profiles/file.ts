/**
 * profiles.json in the data directory: 0600 in a 0700 folder, written atomically. A file that does not
 * read as profiles (not JSON, an unknown field, private key material…) is never written over: it is
 * moved aside under a new name, reported by both names, and the profiles start empty.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PROFILES_STORE_FORMAT, PROFILES_VERSION, type Profile } from '../../../shared/profile';
import type { DamagedProfilesFile } from '../../../shared/profile-channels';
import { readProfilesStore } from '../../../shared/profile-file';
import { InspectorError } from '../../../shared/result';
import { PRIVATE_DIR_MODE, writeFileAtomic } from '../atomic-file';

export const PROFILES_FILE_NAME = 'profiles.json';

/** Where profiles live: a file, or (no data directory) memory only. */
export interface ProfilesBacking {
  /** The profiles as stored; a damaged file is moved aside first and reported through `onDamaged`. */
  read(): Promise<Profile[]>;
  write(profiles: Profile[]): Promise<void>;
  readonly path: string | null;
}

export class MemoryProfiles implements ProfilesBacking {
  readonly path = null;
  private profiles: Profile[] = [];
  async read(): Promise<Profile[]> {
    return structuredClone(this.profiles);
  }
  async write(profiles: Profile[]): Promise<void> {
    this.profiles = structuredClone(profiles);
  }
}

export class ProfilesFileOnDisk implements ProfilesBacking {
  readonly path: string;

  constructor(
    dataDir: string,
    private readonly onDamaged: (notice: DamagedProfilesFile) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.path = join(dataDir, PROFILES_FILE_NAME);
  }

  async read(): Promise<Profile[]> {
    let text: string;
    try {
      text = await fs.readFile(this.path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return [];
      return this.moveAside(`it cannot be read (${code ?? 'read error'})`);
    }
    const read = readProfilesStore(text, 'it');
    if (read.ok) return read.value.profiles;
    return this.moveAside(read.message.replace(/\.$/, ''));
  }

  async write(profiles: Profile[]): Promise<void> {
    const text = `${JSON.stringify({ format: PROFILES_STORE_FORMAT, version: PROFILES_VERSION, profiles }, null, 2)}\n`;
    try {
      await writeFileAtomic(this.path, text);
      await tightenFolder(this.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'write error';
      throw new InspectorError('profiles_write_failed', `Could not save the profiles to ${this.path} (${code}); nothing was changed.`);
    }
  }

  /** Renames the damaged file to profiles.damaged-<time>.json beside it; the profiles start empty. */
  private async moveAside(reason: string): Promise<Profile[]> {
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    const movedTo = join(this.path, '..', `profiles.damaged-${stamp}.json`);
    try {
      await fs.rename(this.path, movedTo);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'rename error';
      throw new InspectorError('profiles_damaged', `The profiles file ${this.path} is damaged (${reason}) and could not be moved aside (${code}); it is left as it is.`);
    }
    this.onDamaged({ file: this.path, movedTo, reason });
    return [];
  }
}

/** The data folder holds the vault and customers' data: owner only, as the vault's writes make it. */
async function tightenFolder(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const dir = join(file, '..');
  try {
    const stat = await fs.stat(dir);
    if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) await fs.chmod(dir, PRIVATE_DIR_MODE);
  } catch {
    // Best effort: a folder this process does not own keeps its mode; the file itself is 0600.
  }
}
