/** Human forms of epoch-millisecond timestamps: "3 min ago", "in 2 h", the local date and time, and a signed stamp's age. */
import { FUTURE_SKEW_MS, MAX_TIMESTAMP_AGE_MS } from '../../../shared/envelope-rules';
import { relativeTime, shortSpan, show } from '../../../shared/words';

/** A length of time in a badge's few characters (the shared helper): "42 s", "3 min", "2 h". */
export const formatSpan = shortSpan;

/**
 * "just now", "42 s ago", "3 min ago", "in 5 min" (the shared relative-time helper). Pass `past` for an
 * event that has happened (a key created, a request signed): it never reads "in N s".
 */
export function formatAge(at: number, now: number, options: { past?: boolean } = {}): string {
  return relativeTime(at, now, options);
}

/** Made once: each toLocaleString with options builds a new formatter (about half a millisecond). */
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** Local date and time with seconds, e.g. "14 Nov 2022, 06:59:09"; "" for a value that is not a date. */
export function formatDateTime(at: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return dateTimeFormat.format(d);
}

/** Past this age a signed stamp turns amber: Juspay's 15-minute expiry is 5 minutes away. */
export const STAMP_WARN_AGE_MS = 10 * 60_000;

export type StampState = 'ok' | 'warn' | 'error';

export interface StampAge {
  state: StampState;
  /** What a support engineer reads at a glance, e.g. "Signed 16 min ago — expired (15-minute limit)". */
  text: string;
}

/**
 * How old a signed request's `timestamp` is, against the current clock and Juspay's 15-minute limit:
 * green up to 10 minutes, amber past 10, red past 15. `stamp` is the claims' string as signed; `mode`
 * says whether it was stamped at signing ("Signed 3 min ago") or typed by the user ("Pinned timestamp
 * 3 min old"). A stamp in seconds or not a number says so instead of giving an absurd age.
 */
export function stampAge(stamp: string, now: number, mode: 'now' | 'pinned'): StampAge {
  if (/^\d{10}$/.test(stamp)) return { state: 'error', text: 'Timestamp is in seconds (10 digits): Juspay expects epoch milliseconds (13 digits)' };
  if (!/^\d{13}$/.test(stamp) || !Number.isFinite(now)) return { state: 'error', text: `Timestamp ${show(stamp, 24)} is not epoch milliseconds (13 digits)` };
  const age = now - Number(stamp);
  if (age < -2_000) {
    const ahead = `${mode === 'now' ? 'Timestamp' : 'Pinned timestamp'} ${formatSpan(age)} in the future`;
    return age < -FUTURE_SKEW_MS ? { state: 'warn', text: `${ahead} — check the value and the device clock` } : { state: 'ok', text: ahead };
  }
  const span = age < 2_000 ? null : formatSpan(age);
  const old = mode === 'now' ? `Signed ${span ? `${span} ago` : 'just now'}` : `Pinned timestamp ${span ? `${span} old` : 'just now'}`;
  if (age > MAX_TIMESTAMP_AGE_MS) return { state: 'error', text: `${old} — expired (15-minute limit)` };
  if (age > STAMP_WARN_AGE_MS) return { state: 'warn', text: `${old} — expires in ${formatSpan(MAX_TIMESTAMP_AGE_MS - age)} (15-minute limit)` };
  return { state: 'ok', text: old };
}
