/** History channels: search, read, delete and the retention; the window's response readings are recorded here. */
import type { NewEntry } from '../history/entries';
import { logRecordings, responseRecording } from '../history/recordings';
import type { CoreContext, PartialHandlerTable } from './types';

export const historyHandlers: PartialHandlerTable<
  'history:list' | 'history:get' | 'history:delete' | 'history:clear' | 'history:settings' | 'history:recordResponse' | 'history:recordLog'
> = {
  'history:list': async (input, ctx) => ctx.history.list(input),
  'history:get': async ({ id }, ctx) => ctx.history.get(id),
  'history:delete': async ({ id }, ctx) => ctx.history.delete(id),
  'history:clear': async (_input, ctx) => ctx.history.clear(),
  'history:settings': async (input, ctx) => ctx.history.settings(input),
  'history:recordResponse': async (input, ctx) => ctx.history.record(responseRecording(input)),
  'history:recordLog': async (input, ctx) => {
    const entries = logRecordings(input, ctx.now());
    // Unlike the window's live recording, saving is what the user asked for: a failure is the answer.
    for (const entry of entries) await ctx.history.record(entry);
    return { requests: entries.filter((e) => e.kind === 'inspect').length, responses: entries.filter((e) => e.kind === 'response').length };
  },
};

/**
 * Records what a sign or inspect channel just did, when the window asked for it. A history that cannot
 * record (its status says why) never fails the sign or the inspection itself.
 */
export async function recordQuietly(ctx: CoreContext, entry: NewEntry): Promise<void> {
  try {
    await ctx.history.record(entry);
  } catch {
    // The history's status carries the reason; the answer to the user's action stands.
  }
}
