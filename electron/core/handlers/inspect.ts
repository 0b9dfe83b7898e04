/** Inspect channels: decode, verify and explain requests and responses; re-sign for a diff. */
import { inspectRecording } from '../history/recordings';
import { inspectRequest, inspectResponse } from '../inspect';
import { profilesOf } from '../profiles';
import { resignRequest } from '../resign';
import { recordQuietly } from './history';
import type { PartialHandlerTable } from './types';

export const inspectHandlers: PartialHandlerTable<'inspect:request' | 'inspect:response' | 'inspect:resign'> = {
  'inspect:request': async ({ record, ...input }, ctx) => {
    const referenceMs = input.now ?? ctx.now();
    const verdict = await inspectRequest(input, ctx.vault, referenceMs, profilesOf(ctx));
    // The verdict just made is what is recorded: nothing is verified a second time.
    if (record && input.text.trim()) await recordQuietly(ctx, inspectRecording({ ...input, referenceMs }, verdict, record));
    return verdict;
  },
  'inspect:response': async (input) => inspectResponse(input),
  'inspect:resign': async (input, ctx) => resignRequest(input, ctx.vault),
};
