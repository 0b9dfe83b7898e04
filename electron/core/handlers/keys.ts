/** Vault and key channels: thin wrappers over the Vault, whose outputs carry no key material. */
import type { PartialHandlerTable } from './types';

export const keyHandlers: PartialHandlerTable<
  'vault:status' | 'vault:unlock' | 'keys:list' | 'keys:import' | 'keys:generate' | 'keys:exportPublic' | 'keys:rename' | 'keys:delete'
> = {
  'vault:status': async (_input, ctx) => ctx.vault.status(),
  'vault:unlock': async ({ passphrase }, ctx) => ctx.vault.unlock(passphrase),
  'keys:list': async (_input, ctx) => ctx.vault.list(),
  'keys:import': async (input, ctx) => ctx.vault.import(input),
  'keys:generate': async (input, ctx) => ctx.vault.generate(input),
  'keys:exportPublic': async ({ id }, ctx) => ctx.vault.exportPublic(id),
  'keys:rename': async ({ id, label, kid }, ctx) => ctx.vault.rename(id, { label, kid }),
  'keys:delete': async ({ id }, ctx) => ctx.vault.delete(id),
};
