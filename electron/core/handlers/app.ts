import type { PartialHandlerTable } from './types';

export const appHandlers: PartialHandlerTable<'app:info'> = {
  'app:info': async (_input, ctx) => ({
    name: ctx.name,
    version: ctx.version,
    host: ctx.host,
    platform: ctx.platform,
    vault: await ctx.vault.status(),
  }),
};
