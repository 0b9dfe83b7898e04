/** Lock now, change the passphrase, and the auto-lock setting: thin wrappers over the Vault and its AutoLock. */
import type { PartialHandlerTable } from './types';

export const vaultHandlers: PartialHandlerTable<'vault:lock' | 'vault:changePassphrase' | 'vault:settings'> = {
  'vault:lock': async (_input, ctx) => ctx.vault.lock(),
  'vault:changePassphrase': async ({ current, next }, ctx) => ctx.vault.changePassphrase(current, next),
  'vault:settings': async ({ autoLockMinutes }, ctx) => ctx.autoLock.read(autoLockMinutes === undefined ? {} : { autoLockMinutes }),
};
