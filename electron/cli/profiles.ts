/**
 * Profiles for the commands: the store in the data directory (UPI_INSPECTOR_HOME) and a core on it.
 * Most profile commands need no vault, so their core carries an empty session vault; the commands that
 * read vault keys (`profiles add --signing-key`, `sign`) use the context's unlocked vault.
 */
import type { Channel, ChannelOutput } from '../../shared/contract';
import type { Profile } from '../../shared/profile';
import type { DamagedProfilesFile } from '../../shared/profile-channels';
import { createCore, type Core } from '../core';
import { ProfileStore } from '../core/profiles';
import type { ProfileScope } from '../core/profiles/verdict';
import { openVault } from '../core/vault/open';
import { resolveDataDir } from '../core/vault/store';
import { unwrap } from './commands/shared';
import type { CliContext } from './context';

export function profileStore(ctx: CliContext): ProfileStore {
  return new ProfileStore(resolveDataDir(ctx.io.env), () => ctx.io.now());
}

/** A core on the data directory whose vault is an empty session vault: for channels that need none. */
async function vaultlessCore(ctx: CliContext): Promise<Core> {
  return createCore({ host: 'browser', version: ctx.version, vault: await openVault({ mode: 'session' }), dataDir: resolveDataDir(ctx.io.env), now: ctx.io.now });
}

/** Calls a channel that needs no vault through the core's dispatch, as the doors do. */
export async function callWithoutVault<C extends Channel>(ctx: CliContext, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  return unwrap(await (await vaultlessCore(ctx)).dispatch(channel, input));
}

/** Says on stderr that profiles.json was damaged and moved aside (stdout stays the command's answer). */
export function warnDamaged(ctx: CliContext, damaged: DamagedProfilesFile | undefined): void {
  if (!damaged) return;
  ctx.io.stderr(`upi-inspector: warning: the profiles file ${damaged.file} was damaged (${damaged.reason}); it was moved to ${damaged.movedTo} and the profiles start empty.\n`);
}

/** The profile named `name`, and every profile (for the guard and "registered in …"). */
export async function profileNamed(ctx: CliContext, name: string): Promise<{ profile: Profile; all: Profile[] }> {
  const store = profileStore(ctx);
  const listed = await store.list();
  warnDamaged(ctx, listed.damaged);
  return { profile: await store.byName(name), all: listed.profiles };
}

/** `verify --profile NAME`: the verdict answers with that profile. */
export async function chosenProfileScope(ctx: CliContext, name: string): Promise<ProfileScope> {
  const { profile, all } = await profileNamed(ctx, name);
  return { choice: { mode: 'chosen', profile }, all };
}
