/**
 * Logcat times carry no zone and (by default) no year. To compare them with a request's `timestamp`
 * (epoch ms from the signing server), read them as UTC wall-clock times, then find the device's zone as
 * the 15-minute multiple that best fits the log's requests (zones are whole quarter hours); what is left
 * over is the device clock's skew.
 */
import { describeDuration } from '../words';

const TIME = /^(?:(\d{4})-)?(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})$/;

/** A logcat time as if it were UTC, in the given year when the log does not say; NaN when unreadable. */
export function logTimeAsUtc(text: string, fallbackYear: number): number {
  const m = TIME.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.UTC(y ? Number(y) : fallbackYear, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
}

const QUARTER_HOUR = 15 * 60_000;
/** Real zones lie between UTC−12 and UTC+14. */
const MIN_OFFSET = -12 * 60 * 60_000;
const MAX_OFFSET = 14 * 60 * 60_000;

/**
 * The device's UTC offset that best explains pairs of (log time read as UTC, signed timestamp): the
 * median difference rounded to a quarter hour. Undefined without pairs.
 */
export function inferZoneOffset(pairs: ReadonlyArray<{ logUtc: number; signedAt: number }>): number | undefined {
  const diffs = pairs.map((p) => p.logUtc - p.signedAt).filter((d) => Number.isFinite(d) && d >= MIN_OFFSET - QUARTER_HOUR && d <= MAX_OFFSET + QUARTER_HOUR);
  if (diffs.length === 0) return undefined;
  diffs.sort((a, b) => a - b);
  const median = diffs[Math.floor(diffs.length / 2)]!;
  const offset = Math.round(median / QUARTER_HOUR) * QUARTER_HOUR;
  return Math.min(MAX_OFFSET, Math.max(MIN_OFFSET, offset));
}

/** "UTC+05:30" */
export function describeOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '−' : '+';
  const minutes = Math.abs(Math.round(offsetMs / 60_000));
  return `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A row's clock skew in words: "device 2 minutes ahead", "device 40 seconds behind", "in step" under a second. */
export function describeSkew(skewMs: number | undefined): string {
  if (skewMs === undefined || !Number.isFinite(skewMs)) return '';
  if (Math.abs(skewMs) < 1000) return 'in step';
  return `device ${describeDuration(skewMs)} ${skewMs > 0 ? 'ahead' : 'behind'}`;
}

/** "+05:30" or "-03:00" as ms east of UTC; undefined when it is not such an offset. */
export function parseZoneOffset(text: string): number | undefined {
  const m = /^(?:UTC)?([+-−])(\d{1,2}):?(\d\d)$/.exec(text.trim());
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > 14 * 60) return undefined;
  return (m[1] === '+' ? 1 : -1) * minutes * 60_000;
}
