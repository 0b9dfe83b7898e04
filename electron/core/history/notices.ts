/** What the history says about its file when it cannot use it, and the errors it answers with. */
import { InspectorError } from '../../../shared/result';
import type { Vault } from '../vault/vault';
import type { HistoryDamage } from './damage';
import type { HistoryFile } from './file';

/** The status message for the file, and whether it must never be written (left as it is). */
export interface FileNotice {
  notice: string;
  readOnly: boolean;
}

/** Moves a damaged file aside (a foreign one stays put); either way it is never written over. */
export async function setAside(file: HistoryFile, damage: HistoryDamage, now: number): Promise<FileNotice> {
  const path = file.path;
  if (damage.foreign) {
    return { readOnly: true, notice: `The history database ${path} cannot be read here: ${damage.detail}. It is left as it is, and this session's history is kept in memory only.` };
  }
  try {
    const movedTo = await file.moveAside(now);
    return { readOnly: false, notice: `The history database ${path} was damaged: ${damage.detail}. It was moved aside to ${movedTo} and a new history was started.` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'rename failed';
    return {
      readOnly: true,
      notice: `The history database ${path} is damaged: ${damage.detail}. It could not be moved aside (${code}), so it is left as it is and this session's history is kept in memory only; move the file away to keep history again.`,
    };
  }
}

/** Another UPI Inspector re-encrypted the file (the vault's passphrase was changed there) while it was open here. */
export function reencryptedElsewhere(path: string): FileNotice {
  return {
    readOnly: true,
    notice: `The history database ${path} was re-encrypted by another UPI Inspector (the vault's passphrase was changed there): it is left as it is, and what is recorded now is kept in memory. Lock the vault and unlock it with the new passphrase to read it again.`,
  };
}

export function lockedMessage(path: string | null, vault: Vault): string {
  const where = `The history ${path} is encrypted with the key vault`;
  return vault.modeMismatch || vault.state === 'damaged'
    ? `${where}, which cannot be opened here: what is recorded now is kept in memory only.`
    : `${where}, which is locked: what is recorded now waits in memory and is written when the vault is unlocked.`;
}

export function notFound(id: string): InspectorError {
  return new InspectorError('history_not_found', `There is no history entry "${id}": it was deleted, or removed by the retention setting.`, {
    fix: 'Search the history again.',
  });
}
