/**
 * The handler table: contract channel → core function. Both doors (Electron IPC and the browser host)
 * call `dispatch`, so validation and error shaping happen once, here.
 */
import { contract, inputError, isChannel, type Channel, type ChannelOutput } from '../../../shared/contract';
import { refuseDeepJson } from '../deep-json';
import { MAX_JSON_DEPTH, MAX_OUTPUT_DEPTH, nestedDeeperThan } from '../../../shared/json-depth';
import { err, InspectorError, ok, type Result } from '../../../shared/result';
import { appHandlers } from './app';
import { keyHandlers } from './keys';
import { envelopeHandlers } from './envelope';
import { inspectHandlers } from './inspect';
import { profileHandlers } from './profiles';
import { historyHandlers } from './history';
import { logHandlers } from './logs';
import { vaultHandlers } from './vault';
import { caseHandlers } from './cases';
import { settingsHandlers } from './settings';
import type { CoreContext, HandlerTable } from './types';

export { refuseDeepJson };

export type { CoreContext, HandlerTable } from './types';

export const handlers: HandlerTable = {
  ...appHandlers,
  ...keyHandlers,
  ...envelopeHandlers,
  ...inspectHandlers,
  ...profileHandlers,
  ...historyHandlers,
  ...logHandlers,
  ...vaultHandlers,
  ...caseHandlers,
  ...settingsHandlers,
};

/** Input fields that may hold JSON text (a pasted request or response, a JWK): checked for depth before any handler reads them. */
const JSON_TEXT_FIELDS = ['text', 'publicKey'] as const;

/**
 * Validates raw input against the contract, runs the handler, and returns a Result whatever happens.
 * Nothing nested deeper than MAX_JSON_DEPTH gets in (the input, or JSON in its text fields), and nothing
 * deeper than MAX_OUTPUT_DEPTH goes out: every reader and serialiser after this point may recurse.
 */
export async function dispatch(
  table: HandlerTable,
  ctx: CoreContext,
  channel: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return err('unknown_channel', `There is no channel named "${channel}".`);
  if (nestedDeeperThan(rawInput, MAX_JSON_DEPTH)) {
    return err('too_deep', `The ${channel} request is nested more than ${MAX_JSON_DEPTH} levels deep (the limit is ${MAX_JSON_DEPTH}).`, { fix: 'Send a flat object of fields: every channel takes one.' });
  }
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: inputError(parsed.error) };
  let value: unknown;
  try {
    const input = parsed.data as Record<string, unknown>;
    for (const field of JSON_TEXT_FIELDS) {
      if (typeof input[field] === 'string') refuseDeepJson(input[field], field, field);
    }
    const handler = table[channel] as (input: unknown, ctx: CoreContext) => Promise<unknown>;
    value = await handler(parsed.data, ctx);
  } catch (e) {
    return toErrorResult(e, channel);
  }
  if (nestedDeeperThan(value, MAX_OUTPUT_DEPTH)) {
    return err(
      'answer_too_deep',
      `The answer to ${channel} would nest more than ${MAX_OUTPUT_DEPTH} levels deep, so it is not sent: something in the input (a base64 segment, a JSON string) holds very deeply nested JSON.`,
    );
  }
  return ok(value);
}

export function toErrorResult(e: unknown, channel: Channel): Result<never> {
  if (e instanceof InspectorError) return { ok: false, error: e.toAppError() };
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    // A recursive step ran out of stack on something the depth checks could not see (e.g. JSON in base64).
    return err('too_deep', `${channel}: the input nests too deeply to read (the limit is ${MAX_JSON_DEPTH} levels).`, {
      fix: 'Check that this is the right text: a request or response nests fewer than 10 levels.',
    });
  }
  // An unexpected failure: say which operation broke without leaking a stack or key material.
  const detail = e instanceof Error ? e.message : String(e);
  return err('internal', `${channel} failed unexpectedly: ${detail.split('\n')[0]}`);
}

export type Dispatch = <C extends Channel>(channel: C, input: unknown) => Promise<Result<ChannelOutput<C>>>;

/** Binds a table and context into one function, the shape both doors and the CLI use. */
export function bindDispatch(table: HandlerTable, ctx: CoreContext): Dispatch {
  return ((channel: string, input: unknown) => dispatch(table, ctx, channel, input)) as Dispatch;
}
