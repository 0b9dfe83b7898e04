/**
 * Field lookup that forgives spelling: `RequestId`, `request_id` and `REQUEST-ID` all find requestId, so
 * the docs' capitalised keys are read (and the findings flag them) instead of reported as missing.
 */

/** A key found in an object, exactly or ignoring case, `_`, `-` and spaces. */
export interface KeyHit {
  /** The key as written in the input. */
  key: string;
  value: unknown;
  /** True when spelled exactly as the wire format wants. */
  exact: boolean;
}

/** `requestId`, `RequestId`, `request_id` and `REQUEST-ID` all canonicalise to `requestid`. */
export function canonicalKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length && i < 200; i++) {
    const c = key.charCodeAt(i);
    if (c === 95 || c === 45 || c === 32) continue;
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : key.charAt(i);
  }
  return out;
}

/** Looks a field up exactly, then ignoring case/underscores; an exact key always wins. */
export function findKey(obj: Record<string, unknown>, name: string): KeyHit | undefined {
  if (Object.hasOwn(obj, name)) return { key: name, value: obj[name], exact: true };
  const want = canonicalKey(name);
  for (const key of Object.keys(obj)) {
    if (canonicalKey(key) === want) return { key, value: obj[key], exact: false };
  }
  return undefined;
}
