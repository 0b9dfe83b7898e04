/**
 * The one clock the app reads "the time" from, on both sides. UPI_INSPECTOR_NOW pins it (a QA run signs
 * the same bytes twice); the main side reads the variable, the window gets the pinned value from the host
 * (`app:automation`). Durations (timeouts, lock staleness, measured speed) keep the real clock: a frozen
 * clock would make them never end.
 */
let pinnedMs: number | null = null;

/** Epoch milliseconds: the pinned instant when one is set, otherwise the real time. */
export function now(): number {
  return pinnedMs ?? Date.now();
}

/** Pins the clock at `ms` (epoch milliseconds), or lets it run again with null. */
export function pinClock(ms: number | null): void {
  pinnedMs = ms;
}

/** The pinned instant, or null when the clock runs. */
export function pinnedNow(): number | null {
  return pinnedMs;
}

/** Reads UPI_INSPECTOR_NOW's value: epoch milliseconds as digits. */
export function parsePinnedNow(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^\d{1,16}$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    return { ok: false, message: `UPI_INSPECTOR_NOW is "${text}": write the instant as epoch milliseconds (13 digits, e.g. 1767225600000).` };
  }
  return { ok: true, ms: Number(trimmed) };
}
