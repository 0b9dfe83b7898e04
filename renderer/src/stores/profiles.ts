/**
 * Merchant profiles as the window knows them: names, merchant fields, and keys by kid and thumbprint
 * (public keys only; a key pasted into the editor stays in the form until the main side has it).
 */
import { create } from 'zustand';
import type { ChannelInput } from '../../../shared/contract';
import type { Profile } from '../../../shared/profile';
import type { DamagedProfilesFile, ProfilesExport, ProfilesImport, SavedProfile } from '../../../shared/profile-channels';
import type { AppError, Result } from '../../../shared/result';
import { api } from '../api';

interface ProfilesState {
  profiles: Profile[];
  loaded: boolean;
  listError: AppError | null;
  /** profiles.json was damaged and moved aside (said once per session). */
  damaged: DamagedProfilesFile | null;
  refresh(): Promise<void>;
  save(input: ChannelInput<'profiles:save'>): Promise<Result<SavedProfile>>;
  remove(id: string): Promise<Result<{ id: string }>>;
  duplicate(id: string): Promise<Result<SavedProfile>>;
  exportFile(ids?: string[]): Promise<Result<ProfilesExport>>;
  importFile(text: string, replace: boolean): Promise<Result<ProfilesImport>>;
}

async function safely<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (e) {
    return { ok: false, error: { code: 'unexpected', message: `The app did not answer: ${String(e)}` } };
  }
}

const byName = (a: Profile, b: Profile) => a.name.localeCompare(b.name);

export const useProfilesStore = create<ProfilesState>()((set, get) => {
  /** Every change is followed by a fresh list: the CLI or another window may have changed the file too. */
  const thenRefresh = async <T>(result: Result<T>): Promise<Result<T>> => {
    if (result.ok) await get().refresh();
    return result;
  };
  return {
    profiles: [],
    loaded: false,
    listError: null,
    damaged: null,
    refresh: async () => {
      const result = await safely(() => api['profiles:list']({}));
      if (result.ok) set({ profiles: [...result.value.profiles].sort(byName), loaded: true, listError: null, ...(result.value.damaged ? { damaged: result.value.damaged } : {}) });
      else set({ loaded: true, listError: result.error });
    },
    save: async (input) => thenRefresh(await safely(() => api['profiles:save'](input))),
    remove: async (id) => thenRefresh(await safely(() => api['profiles:delete']({ id }))),
    duplicate: async (id) => thenRefresh(await safely(() => api['profiles:duplicate']({ id }))),
    exportFile: async (ids) => safely(() => api['profiles:export'](ids ? { ids } : {})),
    importFile: async (text, replace) => thenRefresh(await safely(() => api['profiles:import']({ text, replace }))),
  };
});

/** The profile with this id, if it is still there. */
export function findProfile(profiles: readonly Profile[], id: string | null | undefined): Profile | undefined {
  return id ? profiles.find((p) => p.id === id) : undefined;
}
