/**
 * The profiles channels' inputs and outputs, for `contract.ts`. A registered key arrives as pasted text
 * (PEM, JWK or certificate: the main side keeps only its public half), a vault key id, or the thumbprint
 * of one the profile already holds; the signing key as a vault key id or by kid and thumbprint.
 */
import { z } from 'zod';
import { MAX_REGISTERED_KEYS, environmentSchema, profileNameSchema, thumbprintSchema, type Profile } from './profile';

const optionalText = (max: number) => z.string().max(max).optional();
const required = (field: string, what: string) =>
  z.string({ error: `${field} is required: ${what}.` }).max(200).trim().min(1, { error: `${field} is required: ${what}.` });

export const registeredKeyInputSchema = z
  .object({
    /** Default: the kid a pasted JWK or the vault key carries. */
    kid: optionalText(200),
    text: z.string().max(256 * 1024, { error: 'the key text is over 256 KiB: that is not a single RSA key.' }).optional(),
    keyId: optionalText(100),
    thumbprint: thumbprintSchema.optional(),
    registeredAt: optionalText(200),
    registeredBy: optionalText(200),
  })
  .strict()
  .superRefine((k, ctx) => {
    const given = [k.text !== undefined && k.text.trim() !== '', k.keyId !== undefined, k.thumbprint !== undefined].filter(Boolean).length;
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'each registered key needs exactly one of: its public key pasted (PEM, JWK or certificate), a vault key, or the thumbprint of a key the profile already holds.',
      });
    }
  });

export const signingKeyInputSchema = z.union([
  z.object({ keyId: z.string().min(1).max(100) }).strict(),
  z.object({ kid: z.string().trim().min(1).max(200), thumbprint: thumbprintSchema }).strict(),
]);

/** The whole profile: on an update, what is left out (signing key, registered keys) is removed. */
export const saveProfileInputSchema = z
  .object({
    /** Absent: a new profile. */
    id: optionalText(100),
    name: profileNameSchema,
    environment: environmentSchema,
    merchantId: required('merchantId', 'the merchantId Juspay issued'),
    merchantChannelId: required('merchantChannelId', 'the merchantChannelId Juspay issued'),
    merchantCustomerId: z.string().max(200).trim().optional(),
    signingKey: signingKeyInputSchema.nullable().optional(),
    registeredKeys: z.array(registeredKeyInputSchema).max(MAX_REGISTERED_KEYS, { error: `a profile holds at most ${MAX_REGISTERED_KEYS} registered keys.` }).optional(),
  })
  .strict();

export type SaveProfileInput = z.output<typeof saveProfileInputSchema>;
export type RegisteredKeyInput = z.output<typeof registeredKeyInputSchema>;

export const profileIdInputSchema = z.object({ id: z.string().min(1, { error: 'id is required: pick a profile.' }).max(100) }).strict();

export const duplicateProfileInputSchema = z
  .object({
    id: z.string().min(1).max(100),
    /** Default: the name with its environment word switched ("Acme UAT" → "Acme PROD"). */
    name: profileNameSchema.optional(),
    /** Default: the other environment. */
    environment: environmentSchema.optional(),
  })
  .strict();

export const exportProfilesInputSchema = z.object({ ids: z.array(z.string().min(1).max(100)).max(500).optional() }).strict();

export const importProfilesInputSchema = z
  .object({
    text: z.string().min(1, { error: 'the profiles file is empty.' }).max(16 * 1024 * 1024),
    /** Overwrite stored profiles of the same name; otherwise a name already taken refuses the file. */
    replace: z.boolean().optional(),
  })
  .strict();

/** profiles.json could not be read: it was moved aside (not overwritten) and the profiles started empty. */
export interface DamagedProfilesFile {
  file: string;
  movedTo: string;
  reason: string;
}

export interface ProfileList {
  profiles: Profile[];
  damaged?: DamagedProfilesFile;
}

export interface SavedProfile {
  profile: Profile;
  /** Things worth saying about what was stored, e.g. that a pasted private key was kept as its public half only. */
  notes: string[];
}

export interface ProfilesExport {
  fileName: string;
  /** The export file, JSON: public keys only. */
  text: string;
  count: number;
}

export interface ProfilesImport {
  imported: Profile[];
  /** Names of stored profiles the import overwrote (with `replace`). */
  replaced: string[];
}
