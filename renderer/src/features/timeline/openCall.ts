/**
 * A timeline row opened: its request in Inspect, judged at the time it was logged (the reference time
 * pinned to the log time, so Inspect's verdict is the row's), and its response in Response, compared
 * with the request in Inspect. A call without a response clears Response, so no earlier response is
 * compared with this request; a response without a request is compared with nothing.
 */
import type { SessionCall } from '../../../../shared/logs';
import { useAppStore } from '../../stores/app';
import { useInspectStore } from '../../stores/inspect';
import { usePairingStore } from '../../stores/pairing';
import { useResponseStore } from '../../stores/response';

export function openCall(call: SessionCall, sourceName: string): void {
  const inspect = useInspectStore.getState();
  if (call.request) {
    inspect.setText(call.request.text);
    if (call.request.loggedAtMs !== undefined) inspect.setReference({ mode: 'pinned', epochMs: Math.round(call.request.loggedAtMs) });
  }
  const response = useResponseStore.getState();
  if (call.response) response.setText(call.response.text, 'file', `${sourceName}, line ${call.response.line}`);
  else response.clear();
  // A response alone has no request to compare with: whatever Inspect holds is another call's.
  usePairingStore.getState().setChoice(call.request ? 'inspect' : 'none');
  useAppStore.getState().setScreen(call.request ? 'inspect' : 'response');
}
