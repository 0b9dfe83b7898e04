/**
 * Merchant profiles: the facts a support engineer keeps per merchant setup (UAT and production apart),
 * above all *which public key Juspay holds for each kid*. Keys are named by kid and RFC 7638 thumbprint,
 * never by a vault id, so a profile file works on another machine once its keys are imported there.
 * A registered key carries its public key (SPKI PEM) so it verifies wherever the profile goes; nothing
 * here ever holds private key material (see profile-file.ts, which refuses any).
 */
import { z } from 'zod';

export const ENVIRONMENTS = ['sandbox', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const PROFILES_FILE_FORMAT = 'upi-inspector.profiles';
export const PROFILES_STORE_FORMAT = 'upi-inspector.profiles-store';
export const PROFILES_VERSION = 1;

/** A key by what identifies it anywhere: the kid Juspay issued and the public key's thumbprint. */
export interface KeyReference {
  kid: string;
  /** RFC 7638 SHA-256 thumbprint of the public JWK, base64url. */
  thumbprint: string;
}

/** The public key Juspay holds for one kid, as the merchant registered it. */
export interface RegisteredKey extends KeyReference {
  /** The public key itself, SPKI PEM, so the profile verifies on a machine whose vault lacks it. */
  publicKeyPem: string;
  /** When it was registered with Juspay (free text: a date, a ticket). */
  registeredAt: string;
  /** Who registered it (free text). */
  registeredBy: string;
}

/** A profile as exported: everything but the local id and times. */
export interface ProfileFields {
  name: string;
  environment: Environment;
  merchantId: string;
  merchantChannelId: string;
  /** Default merchantCustomerId for Compose; may be empty. */
  merchantCustomerId: string;
  /** The vault key this profile signs with, by kid and thumbprint. */
  signingKey?: KeyReference;
  registeredKeys: RegisteredKey[];
}

/** A profile as stored and as channels return it. */
export interface Profile extends ProfileFields {
  /** Local id, for this data directory only; never exported. */
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProfilesFile {
  format: typeof PROFILES_FILE_FORMAT;
  version: typeof PROFILES_VERSION;
  profiles: ProfileFields[];
}

export const MAX_PROFILES = 500;
export const MAX_REGISTERED_KEYS = 50;
const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be a string.` }).max(max, { error: `${field} is over ${max} characters.` });
const required = (field: string, max: number, what: string) =>
  text(field, max).trim().min(1, { error: `${field} is required: ${what}.` });

export const environmentSchema = z.enum(ENVIRONMENTS, { error: 'environment must be "sandbox" or "production".' });
export const kidSchema = required('kid', 200, 'the kid Juspay issued for this key');
export const thumbprintSchema = z.string().regex(THUMBPRINT, { error: 'thumbprint must be an RFC 7638 SHA-256 thumbprint (43 base64url characters).' });
export const profileNameSchema = required('name', 100, 'name the profile, e.g. "Acme UAT"');

const keyReferenceSchema = z.object({ kid: kidSchema, thumbprint: thumbprintSchema }).strict();

export const registeredKeySchema = z
  .object({
    kid: kidSchema,
    thumbprint: thumbprintSchema,
    publicKeyPem: z
      .string()
      .max(64 * 1024)
      .regex(/^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/, {
        error: 'publicKeyPem must be an SPKI PEM public key ("-----BEGIN PUBLIC KEY-----").',
      }),
    registeredAt: text('registeredAt', 200),
    registeredBy: text('registeredBy', 200),
  })
  .strict();

const profileFieldsShape = {
  name: profileNameSchema,
  environment: environmentSchema,
  merchantId: required('merchantId', 200, 'the merchantId Juspay issued'),
  merchantChannelId: required('merchantChannelId', 200, 'the merchantChannelId Juspay issued'),
  merchantCustomerId: text('merchantCustomerId', 200).trim(),
  signingKey: keyReferenceSchema.optional(),
  registeredKeys: z.array(registeredKeySchema).max(MAX_REGISTERED_KEYS, { error: `a profile holds at most ${MAX_REGISTERED_KEYS} registered keys.` }),
};

export const profileFieldsSchema = z.object(profileFieldsShape).strict().superRefine(uniqueKids);

export const profileSchema = z
  .object({ id: z.string().min(1).max(100), ...profileFieldsShape, createdAt: z.string().max(40), updatedAt: z.string().max(40) })
  .strict()
  .superRefine(uniqueKids);

/** The export file: strict, so an unknown field anywhere refuses the file. */
export const profilesFileSchema = z
  .object({
    format: z.literal(PROFILES_FILE_FORMAT, { error: `format must be "${PROFILES_FILE_FORMAT}": this is not a UPI Inspector profiles file.` }),
    version: z.literal(PROFILES_VERSION, { error: `version must be ${PROFILES_VERSION}, the version this UPI Inspector reads.` }),
    profiles: z.array(profileFieldsSchema).max(MAX_PROFILES),
  })
  .strict()
  .superRefine((file, ctx) => uniqueNames(file.profiles, ctx));

/** profiles.json in the data directory. */
export const profilesStoreSchema = z
  .object({
    format: z.literal(PROFILES_STORE_FORMAT),
    version: z.literal(PROFILES_VERSION),
    profiles: z.array(profileSchema).max(MAX_PROFILES),
  })
  .strict()
  .superRefine((file, ctx) => uniqueNames(file.profiles, ctx));

/** Profile names compare without case or surrounding spaces: "Acme UAT" and "acme uat " are one name. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function uniqueNames(profiles: ReadonlyArray<{ name: string }>, ctx: z.RefinementCtx): void {
  profiles.forEach((p, i) => {
    const first = profiles.findIndex((q) => sameName(q.name, p.name));
    if (first < i) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'name'], message: `the name "${p.name.trim()}" is used twice (profiles[${first}] has it too): names must be unique.` });
  });
}

function uniqueKids(profile: { registeredKeys: ReadonlyArray<{ kid: string }> }, ctx: z.RefinementCtx): void {
  profile.registeredKeys.forEach((k, i) => {
    const first = profile.registeredKeys.findIndex((q) => q.kid.trim() === k.kid.trim());
    if (first < i) ctx.addIssue({ code: 'custom', path: ['registeredKeys', i, 'kid'], message: `kid "${k.kid.trim()}" is registered twice (registeredKeys[${first}] has it too): Juspay holds one public key per kid.` });
  });
}

/** The exported form of a profile: no id, no times. */
export function exportedProfile(p: Profile): ProfileFields {
  const out: ProfileFields = {
    name: p.name,
    environment: p.environment,
    merchantId: p.merchantId,
    merchantChannelId: p.merchantChannelId,
    merchantCustomerId: p.merchantCustomerId,
    registeredKeys: p.registeredKeys.map((k) => ({ kid: k.kid, thumbprint: k.thumbprint, publicKeyPem: k.publicKeyPem, registeredAt: k.registeredAt, registeredBy: k.registeredBy })),
  };
  if (p.signingKey) out.signingKey = { kid: p.signingKey.kid, thumbprint: p.signingKey.thumbprint };
  return out;
}

/** "Acme UAT (sandbox)". */
export function describeProfile(p: Pick<ProfileFields, 'name' | 'environment'>): string {
  return `${p.name} (${p.environment})`;
}

/** The other environment. */
export function otherEnvironment(env: Environment): Environment {
  return env === 'sandbox' ? 'production' : 'sandbox';
}

/** A name for a copy in the other environment: "Acme UAT" → "Acme PROD", "Acme production" → "Acme sandbox". */
export function duplicateName(name: string, to: Environment): string {
  const words: Record<Environment, RegExp> = { sandbox: /\b(UAT|SANDBOX|SBX)\b/i, production: /\b(PROD|PRODUCTION|LIVE)\b/i };
  const from = otherEnvironment(to);
  const match = words[from].exec(name);
  if (!match) return `${name.trim()} (${to})`;
  const word = match[0];
  const replacement = to === 'production' ? (/^(uat|sbx)$/i.test(word) ? 'PROD' : 'production') : /^(prod|live)$/i.test(word) ? 'UAT' : 'sandbox';
  const cased = word === word.toUpperCase() ? replacement.toUpperCase() : replacement;
  return name.replace(words[from], cased).trim();
}

/** What a profile says about a request (its identity and registered keys), without its id or notes: what findings and case files carry. */
export function profileIdentity(profile: Profile) {
  return {
    name: profile.name,
    environment: profile.environment,
    merchantId: profile.merchantId,
    merchantChannelId: profile.merchantChannelId,
    registeredKeys: profile.registeredKeys.map((k) => ({ kid: k.kid, thumbprint: k.thumbprint })),
  };
}
