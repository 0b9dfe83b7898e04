import { settingsOf } from '../settings';
import type { PartialHandlerTable } from './types';

export const settingsHandlers: PartialHandlerTable<'settings:get' | 'settings:set'> = {
  'settings:get': async (_input, ctx) => settingsOf(ctx).get(),
  'settings:set': async (patch, ctx) => settingsOf(ctx).set(patch),
};
