import { pinnedNow } from '../../../shared/clock';
import { takeQueuedRequestIds } from '../../../shared/request-ids';
import type { PartialHandlerTable } from './types';

export const appHandlers: PartialHandlerTable<'app:info' | 'app:automation'> = {
  'app:info': async (_input, ctx) => ({
    name: ctx.name,
    version: ctx.version,
    host: ctx.host,
    platform: ctx.platform,
    vault: await ctx.vault.status(),
  }),
  // The queued request ids move to the window that asks (once), so no id is handed out twice.
  'app:automation': async () => ({ now: pinnedNow(), requestIds: takeQueuedRequestIds() }),
};
