/**
 * Channel names alone, without schemas, so the sandboxed preload can expose one function per channel
 * without bundling zod. `contract.ts` checks at compile time that it defines exactly these.
 */
export const CHANNELS = [
  'app:info',
  'app:automation',
  'vault:status',
  'vault:unlock',
  'vault:lock',
  'vault:changePassphrase',
  'vault:settings',
  'keys:list',
  'keys:import',
  'keys:generate',
  'keys:exportPublic',
  'keys:rename',
  'keys:delete',
  'envelope:sign',
  'envelope:verify',
  'inspect:request',
  'inspect:response',
  'inspect:resign',
  'profiles:list',
  'profiles:save',
  'profiles:delete',
  'profiles:duplicate',
  'profiles:export',
  'profiles:import',
  'history:list',
  'history:get',
  'history:delete',
  'history:clear',
  'history:settings',
  'history:recordResponse',
  'logs:session',
  'logs:devices',
  'logs:capture:start',
  'logs:capture:poll',
  'logs:capture:stop',
  'case:export',
  'history:recordLog',
  'settings:get',
  'settings:set',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** HTTP path of a channel on the browser host. */
export function channelPath(channel: Channel): string {
  return `/api/${channel}`;
}
