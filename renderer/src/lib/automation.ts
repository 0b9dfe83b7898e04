/**
 * The automation surface in the window (docs/automation.md): the host's pinned clock and queued request
 * ids are installed before the first screen is marked ready, and `<html data-app-state="ready">` tells a
 * test runner the first screen takes input.
 */
import { pinClock } from '../../../shared/clock';
import { queueRequestIds } from '../../../shared/request-ids';
import { api } from '../api';

/**
 * Asked before the first render (beside the settings, main.tsx): every store is made after it, so the
 * Compose form starts at the pinned time with the first pinned id.
 */
export async function applyHostAutomation(): Promise<void> {
  const answer = await api['app:automation']({}).catch(() => null);
  if (!answer?.ok) return;
  const { now: pinned, requestIds } = answer.value;
  if (pinned !== null) pinClock(pinned);
  if (requestIds.length > 0) queueRequestIds(requestIds);
}

const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

/** Sets data-app-state="ready" on <html> once the first screen has rendered and been painted. */
export async function markReadyWhenInteractive(): Promise<void> {
  document.documentElement.dataset.appState = 'starting';
  // The screen on view has loaded its code and rendered (not its "Opening …" placeholder).
  while (!document.querySelector('.screen:not([hidden]) > :not(h1):not([data-screen-loading])')) await nextFrame();
  await nextFrame();
  document.documentElement.dataset.appState = 'ready';
}
