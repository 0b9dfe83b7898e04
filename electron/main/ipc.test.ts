import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/channels';
import { dispatch as coreDispatch, handlers, type CoreContext } from '../core/handlers';
import { registerIpcHandlers } from './ipc';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function setup() {
  const registered = new Map<string, Listener>();
  const ctx = {
    host: 'electron',
    name: 'UPI Inspector',
    version: '1.2.3',
    platform: 'test',
    vault: { status: async () => ({ state: 'unlocked', mode: 'session', path: null, keyCount: 0 }) },
    now: () => 0,
  } as unknown as CoreContext;
  const dispatch = vi.fn((channel: string, input: unknown) => coreDispatch(handlers, ctx, channel, input));
  registerIpcHandlers({ handle: (channel: string, listener: Listener) => void registered.set(channel, listener) } as never, dispatch);
  const event = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url } }) as unknown as IpcMainInvokeEvent;
  return { registered, dispatch, event };
}

describe('the IPC wrapper', () => {
  it('registers one handler per contract channel', () => {
    expect([...setup().registered.keys()]).toEqual([...CHANNELS]);
  });

  it('refuses a foreign or missing sender frame without calling the handler', async () => {
    const { registered, dispatch, event } = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', undefined]) {
      const reply = await registered.get('app:info')!(event(url), {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses input that fails the contract, naming the field, without running the handler', async () => {
    const { registered, event } = setup();
    const reply = await registered.get('keys:generate')!(event('app://inspector/index.html'), { bits: 512 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'bits' } });
  });

  it('answers our own page', async () => {
    const { registered, event } = setup();
    const reply = await registered.get('app:info')!(event('app://inspector/index.html'), {});
    expect(reply).toMatchObject({ ok: true, value: { version: '1.2.3', host: 'electron' } });
  });
});
