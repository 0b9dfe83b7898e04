/** Profile channels: the store does the work; registered keys come out as public keys and thumbprints only. */
import { profilesOf } from '../profiles';
import type { PartialHandlerTable } from './types';

export const profileHandlers: PartialHandlerTable<'profiles:list' | 'profiles:save' | 'profiles:delete' | 'profiles:duplicate' | 'profiles:export' | 'profiles:import'> = {
  'profiles:list': async (_input, ctx) => profilesOf(ctx).list(),
  'profiles:save': async (input, ctx) => profilesOf(ctx).save(input, ctx.vault),
  'profiles:delete': async ({ id }, ctx) => profilesOf(ctx).delete(id),
  'profiles:duplicate': async (input, ctx) => profilesOf(ctx).duplicate(input),
  'profiles:export': async ({ ids }, ctx) => profilesOf(ctx).exportFile(ids),
  'profiles:import': async ({ text, replace }, ctx) => profilesOf(ctx).importFile(text, replace === true),
};
