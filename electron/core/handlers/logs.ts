/** Log channels: judge a session the window read, list adb devices, run live captures. */
import { windowKeySet } from '../candidates';
import { judgeItems, listDevices, pollCapture, startCapture, stopCapture } from '../logs';
import type { PartialHandlerTable } from './types';

export const logHandlers: PartialHandlerTable<'logs:session' | 'logs:devices' | 'logs:capture:start' | 'logs:capture:poll' | 'logs:capture:stop'> = {
  'logs:session': async (input, ctx) =>
    judgeItems(input.items, await windowKeySet(ctx.vault, undefined), {
      now: ctx.now,
      ...(input.zoneOffsetMs !== undefined ? { zoneOffsetMs: input.zoneOffsetMs } : {}),
      ...(input.year !== undefined ? { year: input.year } : {}),
    }),
  'logs:devices': async () => listDevices(process.env),
  'logs:capture:start': async (input, ctx) => startCapture(ctx, input.serial),
  'logs:capture:poll': async (input, ctx) => pollCapture(ctx, input.captureId, input.since),
  'logs:capture:stop': async (input, ctx) => stopCapture(ctx, input.captureId),
};
