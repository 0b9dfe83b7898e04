/** What the vault says about itself when it cannot be used: why, and what to do. */
import type { ErrorCode } from '../../../shared/errors';
import { InspectorError } from '../../../shared/result';
import { HOME_ENV, type VaultDamage } from './store';

/** Why the vault is locked or damaged: what happened, and what to do (and, for a lock, the code it answers with). */
export interface VaultReason {
  message: string;
  fix: string;
  code?: ErrorCode;
}

export function waitingReason(path: string | null, fileExists: boolean): VaultReason {
  return fileExists
    ? { message: `The key vault ${path} is locked.`, fix: 'Type its passphrase to unlock it.' }
    : { message: `There is no key vault at ${path} yet.`, fix: 'Choose a passphrase to create it.' };
}

export function lockedNowReason(path: string | null, idleMinutes?: number): VaultReason {
  const why = idleMinutes === undefined ? 'was locked' : `was locked after ${idleMinutes} minute${idleMinutes === 1 ? '' : 's'} without use`;
  return { message: `The key vault ${path} ${why}: its keys are out of memory.`, fix: 'Type its passphrase to unlock it.' };
}

export function passphraseChangedElsewhere(path: string | null): VaultReason {
  return {
    message: `The key vault ${path} was re-encrypted by another UPI Inspector (its passphrase was changed, or the vault was made anew): it was locked here, and nothing was written.`,
    fix: 'Unlock it with its current passphrase, then try again.',
  };
}

export function damagedReason(path: string | null, damage: VaultDamage): VaultReason {
  return {
    message: `The key vault file ${path} is damaged: ${damage.detail}. It is kept exactly as it is and nothing will be written over it.`,
    fix: `${damage.fix ? `${damage.fix} Or m` : 'M'}ove it aside (or set ${HOME_ENV} to another folder) to start a new vault, or restore it from a backup; keys pasted directly still work.`,
  };
}

/** The error a locked vault answers with: `vault_locked`, `vault_mode_mismatch`, or its reason's own code. */
export function lockedError(reason: VaultReason, modeMismatch: boolean): InspectorError {
  if (modeMismatch) return new InspectorError('vault_mode_mismatch', reason.message, { fix: reason.fix });
  return new InspectorError(reason.code ?? 'vault_locked', reason.message, { fix: reason.fix, field: 'passphrase' });
}

export function unavailableLock(mode: 'session' | 'safeStorage'): InspectorError {
  return new InspectorError(
    'lock_unavailable',
    mode === 'session'
      ? 'This vault is kept in memory only: locking it would lose its keys, so it cannot be locked.'
      : 'This vault is encrypted with the operating system’s keychain, which opens it with your login: there is no passphrase to lock it behind.',
    { fix: 'Lock your computer’s session to protect it, or close the app.' },
  );
}
