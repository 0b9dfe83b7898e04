/**
 * Header checks the browser host makes on the raw request. Node folds repeated headers before we see
 * them (a second Host is dropped, a second Origin joined or dropped), so the checks that depend on a
 * header's single value read `rawHeaders`, where every occurrence is still there.
 */

/** Headers whose value decides who may call: each must appear at most once. */
export const SINGLE_HEADERS = ['host', 'origin'] as const;

/** The first of `names` that `rawHeaders` (name, value, name, value…) carries more than once. */
export function repeatedHeader(rawHeaders: readonly string[], names: readonly string[] = SINGLE_HEADERS): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (!names.includes(name)) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

/**
 * True for `application/json`, with or without parameters (`; charset=utf-8`). API calls must say so:
 * a page on another site can only send JSON this way after a CORS preflight, which the host never grants.
 */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  return value.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
