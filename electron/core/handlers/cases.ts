/** Case channel: the window's screens exported as one masked `.upicase.json`. */
import { caseFileName } from '../../../shared/case/format';
import type { Profile } from '../../../shared/profile';
import { InspectorError } from '../../../shared/result';
import { exportCase } from '../cases/export';
import { profilesOf } from '../profiles';
import type { CoreContext, PartialHandlerTable } from './types';

export const caseHandlers: PartialHandlerTable<'case:export'> = {
  'case:export': async ({ profileId, ...input }, ctx) => {
    const profile = await caseProfile(ctx, profileId, input.request?.verdict.profile?.id);
    const file = exportCase({ ...input, ...(profile ? { profile } : {}) }, { app: { name: ctx.name, version: ctx.version }, now: ctx.now() });
    return { case: file, fileName: caseFileName(file) };
  },
};

/** The profile asked for (it must exist), else the one the verdict answered with (when it still exists). */
async function caseProfile(ctx: CoreContext, asked: string | undefined, fromVerdict: string | undefined): Promise<Profile | undefined> {
  const id = asked ?? fromVerdict;
  if (id === undefined) return undefined;
  const all = asked ? await profilesOf(ctx).all() : await profilesOf(ctx).all().catch(() => []);
  const profile = all.find((p) => p.id === id);
  if (!profile && asked) throw new InspectorError('profile_not_found', `There is no profile with id ${asked}: it may have been removed.`, { field: 'profileId' });
  return profile;
}
