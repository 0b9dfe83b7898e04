/**
 * Reading a profiles file (the export format, or profiles.json): all or nothing. Text that is not JSON,
 * an unknown field, a duplicate name, or private key material anywhere refuses the whole file, naming
 * the field (`profiles[1].registeredKeys[0].d`). Pure: the main side then checks each public key.
 */
import type { z } from 'zod';
import { isRecord } from './guards';
import { parseJson } from './json';
import { profilesFileSchema, profilesStoreSchema, type Profile, type ProfilesFile } from './profile';

/** JWK members that only a private key has. */
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;

export type FileRefusal = { ok: false; reason: 'not-json' | 'private-key' | 'invalid'; message: string; field?: string };
export type FileRead<T> = { ok: true; value: T } | FileRefusal;

/** `profiles[1].registeredKeys[0].kid` from a zod path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/**
 * The first private key material in a JSON value: a PEM "PRIVATE KEY" in any string, a private JWK
 * member (d, p, q, dp, dq, qi) in any object, or a string holding such a JWK. Undefined when none.
 */
export function findPrivateMaterial(value: unknown, path: PropertyKey[] = []): { field: string; what: string } | undefined {
  const stack: Array<{ v: unknown; path: PropertyKey[] }> = [{ v: value, path }];
  while (stack.length > 0) {
    const { v, path: at } = stack.pop()!;
    if (typeof v === 'string') {
      if (/PRIVATE KEY/.test(v)) return { field: fieldPath(at), what: 'a PEM private key ("PRIVATE KEY")' };
      if (/^\s*\{/.test(v)) {
        const inner = parseJson(v);
        if (inner.ok && isRecord(inner.value)) {
          const member = PRIVATE_JWK_MEMBERS.find((m) => Object.hasOwn(inner.value as object, m));
          if (member) return { field: fieldPath(at), what: `a private JWK (it has the member "${member}")` };
        }
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...at, i] });
    } else if (isRecord(v)) {
      const member = PRIVATE_JWK_MEMBERS.find((m) => Object.hasOwn(v, m));
      if (member) return { field: fieldPath([...at, member]), what: `the private JWK member "${member}"` };
      for (const key of Object.keys(v).reverse()) stack.push({ v: v[key], path: [...at, key] });
    }
  }
  return undefined;
}

/** The first zod issue as a refusal naming its field. */
export function schemaRefusal(error: z.ZodError, what: string): FileRefusal {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const field = fieldPath([...issue.path, issue.keys[0]!]);
    return { ok: false, reason: 'invalid', field, message: `${what} has an unknown field ${field}${issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).join(', ')})` : ''}.` };
  }
  const field = fieldPath(issue.path);
  if (!field) return { ok: false, reason: 'invalid', message: `${what} is refused: ${issue.message}` };
  return { ok: false, reason: 'invalid', field, message: `${what} is refused at ${field}: ${issue.message}` };
}

function readWith<T>(text: string, what: string, schema: z.ZodType<T>): FileRead<T> {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, reason: 'not-json', message: `${what} is not JSON: ${parsed.message}` };
  const secret = findPrivateMaterial(parsed.value);
  if (secret) {
    return {
      ok: false,
      reason: 'private-key',
      field: secret.field,
      message: `${what} holds private key material at ${secret.field || 'its top level'}: ${secret.what}. Profiles carry public keys only, so the whole file is refused.`,
    };
  }
  const checked = schema.safeParse(parsed.value);
  return checked.success ? { ok: true, value: checked.data } : schemaRefusal(checked.error, what);
}

/** An export file, e.g. from `profiles export` or the Profiles screen. */
export function readProfilesFile(text: string, what = 'The profiles file'): FileRead<ProfilesFile> {
  return readWith(text, what, profilesFileSchema as z.ZodType<ProfilesFile>);
}

/** profiles.json as this app stores it. */
export function readProfilesStore(text: string, what: string): FileRead<{ profiles: Profile[] }> {
  return readWith(text, what, profilesStoreSchema as z.ZodType<{ profiles: Profile[] }>);
}
