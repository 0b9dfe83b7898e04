/** Human forms of epoch-millisecond timestamps: "3 min ago", "in 2 h", and the local date and time. */

const UNITS: [limitMs: number, unitMs: number, name: string][] = [
  [60_000, 1_000, 's'],
  [3_600_000, 60_000, 'min'],
  [86_400_000, 3_600_000, 'h'],
  [Infinity, 86_400_000, 'd'],
];

/** "just now", "42 s ago", "3 min ago", "in 5 min"; `at` and `now` are epoch ms. */
export function formatAge(at: number, now: number): string {
  const delta = now - at;
  const abs = Math.abs(delta);
  if (abs < 2_000) return 'just now';
  for (const [limit, unit, name] of UNITS) {
    if (abs < limit) {
      const n = Math.floor(abs / unit);
      return delta >= 0 ? `${n} ${name} ago` : `in ${n} ${name}`;
    }
  }
  return '';
}

/** Local date and time with seconds, e.g. "14 Nov 2022, 06:59:09"; "" for a value that is not a date. */
export function formatDateTime(at: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Epoch ms from a digits-only string, or null. */
export function parseEpochMs(text: string): number | null {
  if (!/^\d{1,16}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}
