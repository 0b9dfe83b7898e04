import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ResignDiff } from '../../../shared/contract';
import type { Verdict } from '../../../shared/verdict';
import type { AppError } from '../../../shared/result';
import { api } from '../api';
import { newDraftId } from '../lib/draftId';
import { holdsPrivateMaterial, persistStorage } from '../lib/windowStorage';

/** Reference time for timestamp checks: the clock, or a moment the engineer pins (e.g. the log's time). */
export type ReferenceTime = { mode: 'now' } | { mode: 'pinned'; epochMs: number };

/** Which profile the verdict answers with: picked from the request, none, or a profile's id. */
export type ProfileChoice = 'auto' | 'none' | (string & {});

interface InspectState {
  text: string;
  /** The history entry this text records into: renewed on each paste and clear, kept while typing. */
  draftId: string;
  publicKey: string;
  /** Counts the engineer's edits of the key box (clearing a used private key is not one: it must not re-inspect). */
  keyEdits: number;
  /**
   * A private key pasted into the public-key box: used for one inspection (its public half), then taken
   * out of the box; never written to the window's storage. What verified with it, for the notice.
   */
  forgottenKey: { thumbprint: string | null; valid: boolean } | null;
  reference: ReferenceTime;
  profileChoice: ProfileChoice;
  /** The main side's verdict on the text: everything the screen shows about it. */
  result: Verdict | null;
  error: AppError | null;
  busy: boolean;
  resignKeyId: string;
  resign: ResignDiff | null;
  resignError: AppError | null;
  setText(text: string): void;
  /** A paste starts a new history entry; edits after it update that entry. */
  newDraft(): void;
  setPublicKey(text: string): void;
  setReference(reference: ReferenceTime): void;
  setProfileChoice(choice: ProfileChoice): void;
  setResignKeyId(id: string): void;
  inspect(): Promise<void>;
  resignWith(keyId: string): Promise<void>;
  clear(): void;
}

let latest = 0;

export const useInspectStore = create<InspectState>()(
  persist(
    (set, get) => ({
      text: '',
      draftId: newDraftId(),
      publicKey: '',
      keyEdits: 0,
      forgottenKey: null,
      reference: { mode: 'now' },
      profileChoice: 'auto',
      result: null,
      error: null,
      busy: false,
      resignKeyId: '',
      resign: null,
      resignError: null,
      setText: (text) => set({ text, resign: null, resignError: null }),
      newDraft: () => set({ draftId: newDraftId() }),
      setPublicKey: (publicKey) => set((s) => ({ publicKey, keyEdits: s.keyEdits + 1, forgottenKey: null })),
      setReference: (reference) => set({ reference }),
      setProfileChoice: (profileChoice) => set({ profileChoice }),
      setResignKeyId: (resignKeyId) => set({ resignKeyId }),
      inspect: async () => {
        const { text, publicKey, reference, profileChoice, draftId } = get();
        if (!text.trim()) {
          set({ result: null, error: null });
          return;
        }
        const ticket = ++latest;
        set({ busy: true });
        const result = await api['inspect:request']({
          text,
          ...(publicKey.trim() ? { publicKey } : {}),
          now: reference.mode === 'pinned' ? reference.epochMs : Date.now(),
          ...(profileChoice === 'none' ? {} : { profile: profileChoice === 'auto' ? ('auto' as const) : { id: profileChoice } }),
          record: { draftId },
        });
        if (ticket !== latest) return; // a newer paste already answered
        set(result.ok ? { result: result.value, error: null, busy: false } : { result: null, error: result.error, busy: false });
        // Used once, then forgotten: a private key leaves the box (and never reaches storage).
        if (publicKey.trim() && holdsPrivateMaterial(publicKey) && get().publicKey === publicKey) {
          const pasted = result.ok ? result.value.tried.find((t) => t.source === 'pasted') : undefined;
          set({ publicKey: '', forgottenKey: { thumbprint: pasted?.thumbprint ?? null, valid: pasted?.valid === true } });
        }
      },
      resignWith: async (keyId) => {
        set({ resignKeyId: keyId, resignError: null });
        const result = await api['inspect:resign']({ text: get().text, keyId });
        set(result.ok ? { resign: result.value } : { resign: null, resignError: result.error });
      },
      clear: () => set({ text: '', draftId: newDraftId(), result: null, error: null, resign: null, resignError: null }),
    }),
    {
      name: 'upi-inspector.inspect',
      // Keep what was pasted across restarts; the storage door drops anything holding a private key.
      storage: persistStorage('upi-inspector.inspect'),
      partialize: (s) => ({ text: s.text.length < 512 * 1024 ? s.text : '', draftId: s.draftId, publicKey: s.publicKey, reference: s.reference, resignKeyId: s.resignKeyId, profileChoice: s.profileChoice }),
    },
  ),
);
