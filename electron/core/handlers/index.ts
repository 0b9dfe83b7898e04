/**
 * The handler table: contract channel → core function. Both doors (Electron IPC and the browser host)
 * call `dispatch`, so validation and error shaping happen once, here.
 */
import { contract, inputError, isChannel, type Channel, type ChannelOutput } from '../../../shared/contract';
import { err, InspectorError, ok, type Result } from '../../../shared/result';
import { appHandlers } from './app';
import { keyHandlers } from './keys';
import { envelopeHandlers } from './envelope';
import { inspectHandlers } from './inspect';
import type { CoreContext, HandlerTable } from './types';

export type { CoreContext, HandlerTable } from './types';

export const handlers: HandlerTable = {
  ...appHandlers,
  ...keyHandlers,
  ...envelopeHandlers,
  ...inspectHandlers,
};

/** Validates raw input against the contract, runs the handler, and returns a Result whatever happens. */
export async function dispatch(
  table: HandlerTable,
  ctx: CoreContext,
  channel: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return err('unknown_channel', `There is no channel named "${channel}".`);
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: inputError(parsed.error) };
  try {
    const handler = table[channel] as (input: unknown, ctx: CoreContext) => Promise<unknown>;
    return ok(await handler(parsed.data, ctx));
  } catch (e) {
    return toErrorResult(e, channel);
  }
}

export function toErrorResult(e: unknown, channel: Channel): Result<never> {
  if (e instanceof InspectorError) return { ok: false, error: e.toAppError() };
  // An unexpected failure: say which operation broke without leaking a stack or key material.
  const detail = e instanceof Error ? e.message : String(e);
  return err('internal', `${channel} failed unexpectedly: ${detail.split('\n')[0]}`);
}

export type Dispatch = <C extends Channel>(channel: C, input: unknown) => Promise<Result<ChannelOutput<C>>>;

/** Binds a table and context into one function, the shape both doors and the CLI use. */
export function bindDispatch(table: HandlerTable, ctx: CoreContext): Dispatch {
  return ((channel: string, input: unknown) => dispatch(table, ctx, channel, input)) as Dispatch;
}
