import { now as clockNow } from '../../../shared/clock';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ResignDiff } from '../../../shared/contract';
import type { RedactionFacts } from '../../../shared/diagnostics/case';
import type { Verdict } from '../../../shared/verdict';
import type { AppError } from '../../../shared/result';
import { api } from '../api';
import { newDraftId } from '../lib/draftId';
import { holdsPrivateMaterial, persistStorage } from '../lib/windowStorage';

/** Reference time for timestamp checks: the clock, or a moment the engineer pins (e.g. the log's time). */
export type ReferenceTime = { mode: 'now' } | { mode: 'pinned'; epochMs: number };

/** Which profile the verdict answers with: picked from the request, none, or a profile's id. */
export type ProfileChoice = 'auto' | 'none' | (string & {});

/** The verdict on screen is a case file's, as recorded when it was exported (not verified here). */
export interface FromCase {
  name: string;
  createdAt: string;
  appVersion: string;
}

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
  /** The text and the reference time (epoch ms) the verdict on screen was made for. */
  judged: { text: string; referenceMs: number } | null;
  /** Set while the verdict on screen is an opened case's: nothing is verified until asked or edited. */
  fromCase: FromCase | null;
  /** The text is a fully redacted case's: verifying it says it cannot be checked, and why. */
  redaction: RedactionFacts | null;
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
  /** Opens a case's request with the verdict it recorded, pinned to the time it was judged at. */
  loadCase(text: string, verdict: Verdict, referenceMs: number, from: FromCase, redaction?: RedactionFacts): void;
  /** Verifies the opened case's request here, with this window's keys and profiles. */
  verifyAgain(): Promise<void>;
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
      judged: null,
      fromCase: null,
      redaction: null,
      error: null,
      busy: false,
      resignKeyId: '',
      resign: null,
      resignError: null,
      // Any change the verdict depends on means the engineer wants a verdict made here, not the case's.
      setText: (text) => set((s) => (text === s.text ? { resign: null, resignError: null } : { text, resign: null, resignError: null, fromCase: null, redaction: null })),
      newDraft: () => set({ draftId: newDraftId() }),
      setPublicKey: (publicKey) => set((s) => ({ publicKey, keyEdits: s.keyEdits + 1, forgottenKey: null, fromCase: null })),
      setReference: (reference) => set({ reference, fromCase: null }),
      setProfileChoice: (profileChoice) => set({ profileChoice, fromCase: null }),
      setResignKeyId: (resignKeyId) => set({ resignKeyId }),
      inspect: async () => {
        const { text, publicKey, reference, profileChoice, draftId, fromCase, redaction } = get();
        if (fromCase) return;
        if (!text.trim()) {
          set({ result: null, judged: null, error: null });
          return;
        }
        const ticket = ++latest;
        set({ busy: true });
        const referenceMs = reference.mode === 'pinned' ? reference.epochMs : clockNow();
        const result = await api['inspect:request']({
          text,
          ...(publicKey.trim() ? { publicKey } : {}),
          now: referenceMs,
          ...(profileChoice === 'none' ? {} : { profile: profileChoice === 'auto' ? ('auto' as const) : { id: profileChoice } }),
          record: { draftId },
          ...(redaction ? { redaction } : {}),
        });
        if (ticket !== latest) return; // a newer paste already answered
        set(result.ok ? { result: result.value, judged: { text, referenceMs }, error: null, busy: false } : { result: null, judged: null, error: result.error, busy: false });
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
      clear: () => set({ text: '', draftId: newDraftId(), result: null, judged: null, fromCase: null, redaction: null, error: null, resign: null, resignError: null }),
      loadCase: (text, verdict, referenceMs, from, redaction) => {
        latest++; // an inspection still running answers for the text that was there before
        set({
          text,
          draftId: newDraftId(),
          reference: { mode: 'pinned', epochMs: referenceMs },
          result: verdict,
          judged: { text, referenceMs },
          fromCase: from,
          redaction: redaction ?? null,
          error: null,
          busy: false,
          resign: null,
          resignError: null,
        });
      },
      verifyAgain: async () => {
        set({ fromCase: null });
        await get().inspect();
      },
    }),
    {
      name: 'upi-inspector.inspect',
      // Keep what was pasted across restarts; the storage door drops anything holding a private key.
      storage: persistStorage('upi-inspector.inspect'),
      partialize: (s) => ({ text: s.text.length < 512 * 1024 ? s.text : '', draftId: s.draftId, publicKey: s.publicKey, reference: s.reference, resignKeyId: s.resignKeyId, profileChoice: s.profileChoice }),
    },
  ),
);
