/**
 * The log channels' inputs and outputs, kept here so the contract only lists them. The window reads a
 * log file itself (File.stream() + LogItemFinder: bounded memory, items are small) and sends the items
 * to `logs:session`, which judges each request with the main side's one verdict. Live capture runs
 * `adb logcat` on the main side; the window polls it (the browser host has no push channel).
 */
import { z } from 'zod';
import type { LogSession } from './session';

/** Items one `logs:session` call takes: a 10,000-call timeline is 20,000 items, with room to spare. */
export const MAX_SESSION_ITEMS = 50_000;
/**
 * Characters of item text one call takes, all items together: escaped as JSON (a logged escaped request
 * doubles) it stays under the browser host's 96 MB body limit.
 */
export const MAX_SESSION_CHARS = 40 * 1024 * 1024;
/** One item's text: the finder closes a block at 8 MB. */
const MAX_ITEM_CHARS = 16 * 1024 * 1024;
const HOUR = 3600_000;

const count = z.number().int().nonnegative();
const line = z.number().int().positive();

const logPrefix = z
  .object({
    format: z.enum(['threadtime', 'time', 'brief']),
    level: z.string().max(1),
    tag: z.string().max(1024),
    pid: count,
    tid: count.optional(),
    time: z.string().max(40).optional(),
    length: count,
  })
  .strict();

const logItem = z
  .object({
    kind: z.enum(['candidate', 'unclosed']),
    text: z.string().max(MAX_ITEM_CHARS, { error: 'an item is over 16 MB: that is not one request or response.' }),
    line,
    lastLine: line,
    log: logPrefix.optional(),
  })
  .strict();

export const logsSessionInput = z
  .object({
    items: z
      .array(logItem)
      .max(MAX_SESSION_ITEMS, { error: `a log session takes at most ${MAX_SESSION_ITEMS.toLocaleString('en-US')} items: split the log.` })
      .refine((items) => items.reduce((sum, i) => sum + i.text.length, 0) <= MAX_SESSION_CHARS, {
        error: `the items hold over ${MAX_SESSION_CHARS / (1024 * 1024)} MB of text together: split the log.`,
      }),
    /** The device's UTC offset, when the engineer knows it; otherwise inferred from the requests. */
    zoneOffsetMs: z
      .number()
      .int()
      .min(-12 * HOUR, { error: 'zoneOffsetMs must be between UTC−12:00 and UTC+14:00.' })
      .max(14 * HOUR, { error: 'zoneOffsetMs must be between UTC−12:00 and UTC+14:00.' })
      .optional(),
    /** Year of the log's times, which logcat does not print by default. */
    year: z.number().int().min(2000).max(2100).optional(),
  })
  .strict();

/** adb serials are letters, digits and . : - _ (e.g. emulator-5554, 192.168.1.20:5555); never an option. */
const serial = z
  .string()
  .min(1, { error: 'serial is required: pick a device from the list.' })
  .max(200)
  .regex(/^[\w.:@-]+$/, { error: 'serial is not an adb serial (letters, digits and . : - _ only).' })
  .refine((s) => !s.startsWith('-'), { error: 'serial may not start with "-".' });
const captureId = z.string().min(1, { error: 'captureId is required: start a capture first.' }).max(100);

export const captureStartInput = z.object({ serial }).strict();
export const capturePollInput = z.object({ captureId, since: count }).strict();
export const captureStopInput = z.object({ captureId }).strict();

/** One line of `adb devices -l`. */
export interface AdbDevice {
  serial: string;
  /** adb's word: device, offline, unauthorized, no permissions, recovery, … */
  state: string;
  model?: string;
  /** Only a device in state `device` can be captured. */
  ready: boolean;
  /** What to do when it is not ready. */
  note?: string;
}

export type CaptureState = 'running' | 'stopped' | 'ended';

/** A live capture as the window polls it. */
export interface CaptureSnapshot {
  captureId: string;
  serial: string;
  state: CaptureState;
  /** Why it ended (the device disconnected, adb failed), or what was noticed (line notes). */
  message?: string;
  /** Goes up each time new items arrive or the state changes. */
  revision: number;
  lines: number;
  items: number;
  /** The whole session, when `revision` is newer than the poll's `since` (zone inference may change every row). */
  session?: LogSession;
}
