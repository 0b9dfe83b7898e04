/** Inspect channels: decode, verify and explain requests and responses; re-sign for a diff. */
import { inspectRequest, inspectResponse } from '../inspect';
import { profilesOf } from '../profiles';
import { resignRequest } from '../resign';
import type { PartialHandlerTable } from './types';

export const inspectHandlers: PartialHandlerTable<'inspect:request' | 'inspect:response' | 'inspect:resign'> = {
  'inspect:request': async (input, ctx) => inspectRequest(input, ctx.vault, ctx.now(), profilesOf(ctx)),
  'inspect:response': async (input) => inspectResponse(input),
  'inspect:resign': async (input, ctx) => resignRequest(input, ctx.vault),
};
