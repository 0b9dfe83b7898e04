/**
 * The automation knobs every door reads at start-up (browser host, Electron main, CLI): a pinned clock
 * (UPI_INSPECTOR_NOW) and queued request ids (UPI_INSPECTOR_REQUEST_IDS). A bad value stops the start with
 * a message naming the variable: a QA run must not sign with a clock it did not ask for.
 * UPI_INSPECTOR_HOME and UPI_INSPECTOR_PASSPHRASE are read where the vault opens; UPI_INSPECTOR_SEED in ./seed.
 */
import { parsePinnedNow, pinClock } from '../../shared/clock';
import { parseRequestIds, queueRequestIds } from '../../shared/request-ids';

export const NOW_ENV = 'UPI_INSPECTOR_NOW';
export const REQUEST_IDS_ENV = 'UPI_INSPECTOR_REQUEST_IDS';

export interface AutomationSettings {
  /** Epoch ms the clock is pinned at, or null for the real clock. */
  now: number | null;
  requestIds: string[];
}

/** What the knobs say, or the first one that is wrong and how to write it. */
export function readAutomationEnv(env: Record<string, string | undefined>): { ok: true; settings: AutomationSettings } | { ok: false; message: string } {
  let now: number | null = null;
  const nowText = env[NOW_ENV];
  if (nowText !== undefined && nowText.trim() !== '') {
    const parsed = parsePinnedNow(nowText);
    if (!parsed.ok) return parsed;
    now = parsed.ms;
  }
  let requestIds: string[] = [];
  const idsText = env[REQUEST_IDS_ENV];
  if (idsText !== undefined && idsText.trim() !== '') {
    const parsed = parseRequestIds(idsText);
    if (!parsed.ok) return parsed;
    requestIds = parsed.ids;
  }
  return { ok: true, settings: { now, requestIds } };
}

/** Pins the process's clock and queues its request ids; throws an Error whose message names the bad variable. */
export function applyAutomationEnv(env: Record<string, string | undefined>): AutomationSettings {
  const read = readAutomationEnv(env);
  if (!read.ok) throw new Error(read.message);
  pinClock(read.settings.now);
  queueRequestIds(read.settings.requestIds);
  return read.settings;
}
