/**
 * The profile store: list, save, delete, duplicate, export and import, over profiles.json (or memory).
 * Every operation reads the file afresh (the window and the CLI may both write it) and every change is
 * written whole and atomically, one at a time; a refused change writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { canSign } from '../../../shared/keys';
import {
  PROFILES_FILE_FORMAT,
  PROFILES_VERSION,
  describeProfile,
  duplicateName,
  exportedProfile,
  otherEnvironment,
  profileSchema,
  sameName,
  type KeyReference,
  type Profile,
} from '../../../shared/profile';
import type { DamagedProfilesFile, ProfileList, ProfilesExport, ProfilesImport, SaveProfileInput, SavedProfile } from '../../../shared/profile-channels';
import { findPrivateMaterial, readProfilesFile, schemaRefusal } from '../../../shared/profile-file';
import { signingRefusal } from '../../../shared/profile-match';
import { InspectorError } from '../../../shared/result';
import { list } from '../../../shared/words';
import type { Vault } from '../vault/vault';
import { MemoryProfiles, ProfilesFileOnDisk, type ProfilesBacking } from './file';
import { checkImportedKeys, readRegisteredKey } from './registered';

export class ProfileStore {
  private readonly backing: ProfilesBacking;
  private damaged: DamagedProfilesFile | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** `dataDir` null: memory only (tests, or a host that persists nothing). */
  constructor(dataDir: string | null, private readonly now: () => number = Date.now) {
    this.backing = dataDir === null ? new MemoryProfiles() : new ProfilesFileOnDisk(dataDir, (notice) => (this.damaged = notice), now);
  }

  get path(): string | null {
    return this.backing.path;
  }

  async list(): Promise<ProfileList> {
    const profiles = await this.exclusive(() => this.backing.read());
    return this.damaged ? { profiles, damaged: this.damaged } : { profiles };
  }

  async all(): Promise<Profile[]> {
    return (await this.list()).profiles;
  }

  async get(id: string): Promise<Profile> {
    const found = (await this.all()).find((p) => p.id === id);
    if (!found) throw notFound(`There is no profile with id ${id}.`, 'id');
    return found;
  }

  /** By name, as the CLI takes it (case and surrounding spaces ignored). */
  async byName(name: string): Promise<Profile> {
    const all = await this.all();
    const found = all.find((p) => sameName(p.name, name));
    if (!found) throw notFound(`There is no profile named "${name}"${all.length ? ` (there are ${list(all.map((p) => `"${p.name}"`))})` : ''}.`, 'profile');
    return found;
  }

  /** Creates or updates a profile; registered keys are reduced to public keys and thumbprints. */
  save(input: SaveProfileInput, vault: Vault): Promise<SavedProfile> {
    return this.mutate(async (profiles) => {
      const stored = input.id === undefined ? undefined : profiles.find((p) => p.id === input.id);
      if (input.id !== undefined && !stored) throw notFound(`There is no profile with id ${input.id}: it may have been removed.`, 'id');
      assertNameFree(profiles, input.name, stored?.id);
      const notes: string[] = [];
      const registeredKeys = [];
      for (const [i, k] of (input.registeredKeys ?? []).entries()) {
        const read = await readRegisteredKey(k, i, stored, vault);
        const twin = registeredKeys.findIndex((r) => r.kid === read.key.kid);
        if (twin >= 0) {
          throw new InspectorError('invalid_input', `kid "${read.key.kid}" is registered twice (keys #${twin + 1} and #${i + 1}): Juspay holds one public key per kid.`, {
            fix: 'Keep one key per kid.',
            field: `registeredKeys.${i}.kid`,
          });
        }
        registeredKeys.push(read.key);
        if (read.note) notes.push(read.note);
      }
      const at = new Date(this.now()).toISOString();
      const profile: Profile = {
        id: stored?.id ?? randomUUID(),
        name: input.name,
        environment: input.environment,
        merchantId: input.merchantId,
        merchantChannelId: input.merchantChannelId,
        merchantCustomerId: input.merchantCustomerId ?? '',
        registeredKeys,
        createdAt: stored?.createdAt ?? at,
        updatedAt: at,
      };
      const signing = await signingKeyOf(input.signingKey, vault);
      if (signing) {
        profile.signingKey = { kid: signing.kid, thumbprint: signing.thumbprint };
        const others = profiles.filter((p) => p.id !== profile.id);
        const refusal = signingRefusal(profile, others, signing);
        if (refusal) notes.push(`Signing with this profile will be refused: ${refusal.message}`);
      }
      assertStorable(profile);
      upsert(profiles, profile);
      return { profile, notes };
    });
  }

  delete(id: string): Promise<{ id: string }> {
    return this.mutate(async (profiles) => {
      const index = profiles.findIndex((p) => p.id === id);
      if (index < 0) throw notFound(`There is no profile with id ${id}: it may have been removed already.`, 'id');
      profiles.splice(index, 1);
      return { id };
    });
  }

  /** A copy, by default in the other environment ("Acme UAT" → "Acme PROD"), whose kids and keys are its own. */
  duplicate(input: { id: string; name?: string | undefined; environment?: Profile['environment'] | undefined }): Promise<SavedProfile> {
    return this.mutate(async (profiles) => {
      const source = profiles.find((p) => p.id === input.id);
      if (!source) throw notFound(`There is no profile with id ${input.id}: it may have been removed.`, 'id');
      const environment = input.environment ?? otherEnvironment(source.environment);
      const switched = environment !== source.environment;
      const name = input.name ?? (switched ? duplicateName(source.name, environment) : `${source.name} (copy)`);
      assertNameFree(profiles, name);
      const at = new Date(this.now()).toISOString();
      const { signingKey, ...fields } = structuredClone(source);
      const profile: Profile = { ...fields, id: randomUUID(), name, environment, createdAt: at, updatedAt: at, registeredKeys: switched ? [] : fields.registeredKeys };
      if (signingKey && !switched) profile.signingKey = signingKey;
      profiles.push(profile);
      const notes = switched && (source.registeredKeys.length > 0 || signingKey)
        ? [`The registered keys and the signing key were not copied: Juspay issues ${environment} its own kids. Add the keys registered for ${describeProfile(profile)}.`]
        : [];
      return { profile, notes };
    });
  }

  /** The export file: public keys by kid and thumbprint, no local ids. */
  async exportFile(ids?: readonly string[]): Promise<ProfilesExport> {
    const all = await this.all();
    const unknown = ids?.find((id) => !all.some((p) => p.id === id));
    if (unknown) throw notFound(`There is no profile with id ${unknown}.`, 'ids');
    const chosen = ids ? all.filter((p) => ids.includes(p.id)) : all;
    const file = { format: PROFILES_FILE_FORMAT, version: PROFILES_VERSION, profiles: chosen.map(exportedProfile) };
    // Never expected: the store refuses private material on the way in. Checked again on the way out.
    if (findPrivateMaterial(file)) throw new InspectorError('internal', 'The export would hold private key material, so it was not made.');
    const day = new Date(this.now()).toISOString().slice(0, 10);
    return { fileName: `upi-inspector-profiles-${day}.json`, text: `${JSON.stringify(file, null, 2)}\n`, count: chosen.length };
  }

  /** Imports a profiles file whole, or refuses it whole naming the field; nothing stored changes on a refusal. */
  async importFile(text: string, replace = false): Promise<ProfilesImport> {
    const read = readProfilesFile(text);
    if (!read.ok) {
      const code = read.reason === 'private-key' ? 'profiles_file_private_key' : 'profiles_file_invalid';
      throw new InspectorError(code, read.message, read.field === undefined ? {} : { field: read.field });
    }
    for (const [i, p] of read.value.profiles.entries()) await checkImportedKeys(p, `profiles[${i}]`);
    return this.mutate(async (profiles) => {
      const taken = read.value.profiles.filter((p) => profiles.some((q) => sameName(q.name, p.name)));
      if (taken.length > 0 && !replace) {
        throw new InspectorError('profile_name_taken', `Profiles named ${list(taken.map((p) => `"${p.name}"`))} are already stored, so nothing was imported.`, { field: 'text' });
      }
      const at = new Date(this.now()).toISOString();
      const imported = read.value.profiles.map((fields) => {
        const old = profiles.find((q) => sameName(q.name, fields.name));
        const profile: Profile = { ...fields, id: old?.id ?? randomUUID(), createdAt: old?.createdAt ?? at, updatedAt: at };
        assertStorable(profile);
        upsert(profiles, profile);
        return profile;
      });
      return { imported, replaced: taken.map((p) => p.name) };
    });
  }

  private mutate<T>(change: (draft: Profile[]) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const draft = await this.backing.read();
      const result = await change(draft);
      await this.backing.write(draft);
      return result;
    });
  }

  /** One operation at a time: two saves must not write over each other. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function notFound(message: string, field: string): InspectorError {
  return new InspectorError('profile_not_found', message, { field });
}

function assertNameFree(profiles: readonly Profile[], name: string, except?: string): void {
  const holder = profiles.find((p) => p.id !== except && sameName(p.name, name));
  if (holder) throw new InspectorError('profile_name_taken', `A profile named "${holder.name}" already exists.`, { field: 'name' });
}

function upsert(profiles: Profile[], profile: Profile): void {
  const index = profiles.findIndex((p) => p.id === profile.id);
  if (index >= 0) profiles[index] = profile;
  else profiles.push(profile);
}

/** The stored schema is the last word: what it would refuse on reading is never written. */
function assertStorable(profile: Profile): void {
  const checked = profileSchema.safeParse(profile);
  if (!checked.success) {
    const refusal = schemaRefusal(checked.error, 'The profile');
    throw new InspectorError('invalid_input', refusal.message, refusal.field === undefined ? {} : { field: refusal.field });
  }
}

/** The signing key by kid and thumbprint: a vault key must be a private key that can sign. */
async function signingKeyOf(input: SaveProfileInput['signingKey'], vault: Vault): Promise<(KeyReference & { label: string }) | undefined> {
  if (!input) return undefined;
  if ('thumbprint' in input) return { kid: input.kid, thumbprint: input.thumbprint, label: input.kid };
  const key = (await vault.list()).find((k) => k.id === input.keyId);
  if (!key) throw new InspectorError('key_not_found', `There is no key with id ${input.keyId} in the vault.`, { field: 'signingKey.keyId' });
  if (!canSign(key)) {
    throw new InspectorError('invalid_input', `The key "${key.label}" cannot sign (${key.kind === 'public' ? 'it is a public key' : `it is only ${key.bits} bits`}).`, {
      fix: 'Choose a private key of 2048 bits or more as the signing key, or none.',
      field: 'signingKey.keyId',
    });
  }
  if (!key.kid) throw new InspectorError('kid_missing', `The key "${key.label}" has no kid, so it cannot sign for a profile.`, { field: 'signingKey.keyId' });
  return { kid: key.kid, thumbprint: key.thumbprint, label: key.label };
}
