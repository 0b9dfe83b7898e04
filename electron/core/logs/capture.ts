/**
 * Live captures for the window: `adb logcat` of one device read into a session on the main side, polled
 * by the window (the browser host has no push channel). Stopping keeps the session; a device that
 * disconnects ends the capture with a message, keeping what was read. Captures belong to one core.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeLineNotes, LogFeed } from '../../../shared/logs';
import { MAX_SESSION_ITEMS, type CaptureSnapshot, type CaptureState } from '../../../shared/logs/channels';
import { InspectorError } from '../../../shared/result';
import { windowKeySet } from '../candidates';
import type { CoreContext } from '../handlers/types';
import { describeEnd, pickDevice, startLogcat, type Env, type Logcat } from './adb';
import { SessionJudge } from './judge';
import { readLogStream } from './read';

/** Running at once, per core. */
export const MAX_RUNNING_CAPTURES = 4;
/** Finished captures kept for a last poll. */
const KEEP_FINISHED = 4;

interface Capture {
  id: string;
  serial: string;
  state: CaptureState;
  message?: string;
  /** State changes (start, end, stop) count as revisions too, beside the judge's. */
  stateChanges: number;
  judge: SessionJudge;
  feed: LogFeed;
  logcat: Logcat;
  abort: AbortController;
  /** Settles when the last line read is in the session. */
  done?: Promise<void>;
}

const registries = new WeakMap<CoreContext, Map<string, Capture>>();
const everyLogcat = new Set<Logcat>();
let exitHook = false;

function registry(ctx: CoreContext): Map<string, Capture> {
  let map = registries.get(ctx);
  if (!map) registries.set(ctx, (map = new Map()));
  return map;
}

export async function startCapture(ctx: CoreContext, serial: string, env: Env = process.env): Promise<CaptureSnapshot> {
  const captures = registry(ctx);
  const running = [...captures.values()].filter((c) => c.state === 'running');
  if (running.length >= MAX_RUNNING_CAPTURES) {
    throw new InspectorError('capture_limit', `${running.length} live captures are running (${running.map((c) => c.serial).join(', ')}); the limit is ${MAX_RUNNING_CAPTURES}.`);
  }
  await pickDevice(env, serial);
  const keys = await windowKeySet(ctx.vault, undefined);
  const logcat = startLogcat(serial, env);
  trackForExit(logcat);
  const capture: Capture = {
    id: randomUUID(),
    serial,
    state: 'running',
    stateChanges: 1,
    judge: new SessionJudge(keys, { now: ctx.now }),
    feed: new LogFeed(`adb logcat (${serial})`),
    logcat,
    abort: new AbortController(),
  };
  captures.set(capture.id, capture);
  forgetOldCaptures(captures);
  capture.done = pump(capture);
  return snapshot(capture, 0);
}

export function pollCapture(ctx: CoreContext, captureId: string, since: number): CaptureSnapshot {
  return snapshot(find(ctx, captureId), since);
}

/** Stops reading and answers with the whole session, the lines already read included. */
export async function stopCapture(ctx: CoreContext, captureId: string): Promise<CaptureSnapshot> {
  const capture = find(ctx, captureId);
  if (capture.state === 'running') finish(capture, 'stopped');
  await Promise.race([capture.done, sleep(2000)]);
  return snapshot(capture, 0);
}

async function pump(capture: Capture): Promise<void> {
  try {
    await readLogStream(capture.logcat.stdout, capture.feed, {
      signal: capture.abort.signal,
      onItems: (items) => {
        capture.judge.add(items);
        if (capture.judge.itemCount >= MAX_SESSION_ITEMS && capture.state === 'running') {
          finish(capture, 'stopped', `The capture holds ${MAX_SESSION_ITEMS.toLocaleString('en-US')} requests and responses, the most one session keeps: it was stopped. Start another for what follows.`);
        }
      },
    });
  } catch (e) {
    if (capture.state === 'running') finish(capture, 'ended', e instanceof InspectorError ? e.message : `Reading adb logcat failed: ${String(e)}`);
    return;
  }
  const end = await capture.logcat.ended;
  everyLogcat.delete(capture.logcat);
  if (capture.state === 'running') finish(capture, 'ended', describeEnd(capture.serial, end, capture.feed.notes.lines));
}

function finish(capture: Capture, state: CaptureState, message?: string): void {
  capture.state = state;
  capture.stateChanges++;
  const notes = describeLineNotes(capture.feed.notes).filter((n) => !n.startsWith('The log ends in the middle'));
  const said = [message, ...notes].filter(Boolean).join(' ');
  if (said) capture.message = said;
  capture.abort.abort();
  capture.logcat.stop();
}

function snapshot(capture: Capture, since: number): CaptureSnapshot {
  const revision = capture.judge.revision + capture.stateChanges;
  const out: CaptureSnapshot = {
    captureId: capture.id,
    serial: capture.serial,
    state: capture.state,
    revision,
    lines: capture.feed.notes.lines,
    items: capture.judge.itemCount,
  };
  if (capture.message) out.message = capture.message;
  if (revision > since) out.session = capture.judge.session();
  return out;
}

function find(ctx: CoreContext, captureId: string): Capture {
  const capture = registry(ctx).get(captureId);
  if (!capture) throw new InspectorError('capture_not_found', `There is no live capture ${captureId}.`, { field: 'captureId' });
  return capture;
}

function forgetOldCaptures(captures: Map<string, Capture>): void {
  const finished = [...captures.values()].filter((c) => c.state !== 'running');
  for (const c of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) captures.delete(c.id);
}

/** adb logcat runs until stopped: never leave one behind when the host or app exits. */
function trackForExit(logcat: Logcat): void {
  everyLogcat.add(logcat);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const l of everyLogcat) l.stop();
  });
}
