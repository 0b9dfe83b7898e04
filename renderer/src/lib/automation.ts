/**
 * The automation surface in the window (docs/automation.md): the host's pinned clock and queued request
 * ids are installed before the first screen is marked ready, and `<html data-app-state="ready">` tells a
 * test runner the first screen takes input.
 */
import { pinClock, now } from '../../../shared/clock';
import { queueRequestIds } from '../../../shared/request-ids';
import { api } from '../api';
import { useEnvelopeStore } from '../stores/envelope';

async function applyHostAutomation(): Promise<void> {
  const answer = await api['app:automation']({}).catch(() => null);
  if (!answer?.ok) return;
  const { now: pinned, requestIds } = answer.value;
  if (pinned !== null) {
    pinClock(pinned);
    useEnvelopeStore.setState({ nowTimestamp: String(now()) });
  }
  if (requestIds.length > 0) {
    queueRequestIds(requestIds);
    // The Compose form starts with the first pinned id (replacing the one made before the host answered).
    useEnvelopeStore.getState().generateRequestId();
  }
}

const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

/** Sets data-app-state="ready" on <html> once the host's settings are in and a screen has been painted. */
export async function markReadyWhenInteractive(): Promise<void> {
  document.documentElement.dataset.appState = 'starting';
  await applyHostAutomation();
  while (!document.querySelector('[data-screen]')) await nextFrame();
  await nextFrame();
  document.documentElement.dataset.appState = 'ready';
}
