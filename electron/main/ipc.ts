/**
 * The Electron door: every contract channel registered through one wrapper that checks who is asking
 * (the sender frame must be our app:// page) before the shared dispatch validates the input.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/channels';
import { err, type Result } from '../../shared/result';
import { isAppUrl } from './app-protocol';

export type RawDispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** The sender frame's URL; a destroyed frame (navigated away, closed) has none and is refused. */
function senderUrl(event: IpcMainInvokeEvent): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: RawDispatch,
  isTrustedUrl: (url: string | undefined) => boolean = isAppUrl,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const url = senderUrl(event);
      if (!isTrustedUrl(url)) {
        return err('forbidden_sender', `Refused ${channel} from ${url ?? 'an unknown frame'}: only the inspector's own page may call it.`);
      }
      return dispatch(channel, input);
    });
  }
}
