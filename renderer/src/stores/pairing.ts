/**
 * Which request a pasted response is compared with. A response is judged against a request only when
 * the user linked them: by default the request open on the Inspect screen (when it has a requestId);
 * the user may pick the envelope in Compose, a requestId they type, or nothing. Unlinked, the
 * response's requestId is shown and never called wrong.
 *
 * The Inspect screen's result is read in ONE place, `inspectedRequestId`, so a change to that store's
 * result type touches one function here.
 */
import { create } from 'zustand';
import type { InspectResponseOptions } from '../../../shared/diagnostics/response';
import { useEnvelopeStore } from './envelope';
import { useInspectStore } from './inspect';

export type PairingChoice = 'inspect' | 'compose' | 'typed' | 'none';

/** The choices in the order the Response screen offers them, with their words. */
export const PAIRING_CHOICES: readonly { choice: PairingChoice; label: string }[] = [
  { choice: 'inspect', label: 'the request in Inspect' },
  { choice: 'compose', label: 'the envelope in Compose' },
  { choice: 'typed', label: 'a requestId I type' },
  { choice: 'none', label: 'nothing' },
];

interface PairingState {
  choice: PairingChoice;
  /** The requestId typed for `typed`, kept when another choice is picked so switching back restores it. */
  typed: string;
  setChoice(choice: PairingChoice): void;
  setTyped(requestId: string): void;
}

/** In memory only: a fresh window links to the request in Inspect. */
export const usePairingStore = create<PairingState>()((set) => ({
  choice: 'inspect',
  typed: '',
  setChoice: (choice) => set({ choice }),
  setTyped: (typed) => set({ typed }),
}));

type InspectState = ReturnType<typeof useInspectStore.getState>;

/** The requestId of the request open on the Inspect screen, if it has one. The only read of its result. */
export function inspectedRequestId(state: InspectState): string | undefined {
  const id = state.result?.decoded.requestId;
  return id !== undefined && id.trim() !== '' ? id : undefined;
}

/** The Inspect screen's requestId, re-rendering when its result changes. */
export function useInspectedRequestId(): string | undefined {
  return useInspectStore(inspectedRequestId);
}

/** What the response is linked to, resolved. */
export interface LinkedRequest {
  choice: PairingChoice;
  /** The id to compare the response's requestId with; absent when nothing is linked. */
  requestId?: string;
  /** The linked request in words, for findings and badges ("the request open in Inspect"). */
  label: string;
  /** Why a choice that links has nothing to compare with yet ("Inspect has no request with a requestId"). */
  missing?: string;
}

const LABELS: Record<PairingChoice, string> = {
  inspect: 'the request open in Inspect',
  compose: 'the envelope in Compose',
  typed: 'the requestId you typed',
  none: 'nothing',
};

const MISSING: Record<Exclude<PairingChoice, 'none'>, string> = {
  inspect: 'Inspect has no request with a requestId open, so the response is not compared.',
  compose: 'Compose has no requestId, so the response is not compared.',
  typed: 'Type the requestId to compare with.',
};

/** Resolves a choice against the ids each source has now. Pure. */
export function resolvePairing(choice: PairingChoice, ids: { inspected?: string | undefined; composed?: string | undefined; typed?: string | undefined }): LinkedRequest {
  const label = LABELS[choice];
  if (choice === 'none') return { choice, label };
  const raw = choice === 'inspect' ? ids.inspected : choice === 'compose' ? ids.composed : ids.typed;
  const requestId = raw?.trim();
  return requestId ? { choice, requestId, label } : { choice, label, missing: MISSING[choice] };
}

/** The options that make `responseFindings` compare with the linked request, and only with it. */
export function pairingOptions(linked: Pick<LinkedRequest, 'requestId' | 'label'>): InspectResponseOptions {
  return linked.requestId ? { requestId: linked.requestId, requestLabel: linked.label } : {};
}

/** The request the response is linked to now; re-renders when the choice or the chosen source changes. */
export function useLinkedRequest(): LinkedRequest {
  const choice = usePairingStore((s) => s.choice);
  const typed = usePairingStore((s) => s.typed);
  const inspected = useInspectedRequestId();
  const composed = useEnvelopeStore((s) => s.requestId);
  return resolvePairing(choice, { inspected, composed, typed });
}
