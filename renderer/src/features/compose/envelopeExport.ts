/**
 * Handing the signed envelope out of the app (copy, compact copy, Ctrl/Cmd+Shift+C, save as file).
 * "Now" means now: in that mode an envelope whose timestamp has drifted more than a minute from the
 * clock is signed afresh first, because a copy made 16 minutes after signing is already expired at
 * Juspay (REQUEST_EXPIRED). A pinned timestamp was chosen on purpose and is never changed. When signing
 * afresh fails, nothing stale is handed out and the toast says why.
 */
import { now as clockNow } from '../../../../shared/clock';
import type { SignResult } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/result';
import { useAppStore } from '../../stores/app';
import { useEnvelopeStore, type PreviewState } from '../../stores/envelope';
import { copyText } from '../../lib/clipboard';
import { formatSpan } from '../../lib/time';
import { saveTextFile } from '../../ui/DownloadLink';
import { errorText } from '../../lib/errorText';

/** In "now" mode an envelope whose timestamp is further than this from the clock is signed afresh before it leaves. */
export const RESIGN_AFTER_MS = 60_000;

/** The envelope to hand out, or why there is none. `resignedAfterMs`: it was signed afresh, its predecessor being that far off the clock. */
export type FreshEnvelope = { ok: true; value: SignResult; resignedAfterMs: number | null } | { ok: false; error: AppError };

/** The signed envelope on screen, signed afresh first when "now" has gone stale (same fields and key, new timestamp). */
export async function freshEnvelope(): Promise<FreshEnvelope> {
  const store = useEnvelopeStore.getState();
  const shown = shownResult(store.preview);
  if (!shown) return { ok: false, error: notSigned(store.preview) };
  const age = clockNow() - Number(shown.claims.timestamp);
  // Both ways: a clock set back since signing leaves the stamp "in the future", just as wrong.
  if (store.timestampMode !== 'now' || Math.abs(age) <= RESIGN_AFTER_MS) return { ok: true, value: shown, resignedAfterMs: null };
  const fresh = await store.signNow({ explicit: false });
  if (fresh) return { ok: true, value: fresh, resignedAfterMs: age };
  const why = notSigned(useEnvelopeStore.getState().preview);
  return { ok: false, error: { ...why, message: `The envelope on screen ${offBy(age)}, and signing it afresh failed: ${why.message}` } };
}

export type EnvelopeForm = 'json' | 'compact';
const FORM_NAME: Record<EnvelopeForm, string> = { json: 'Envelope JSON', compact: 'Compact envelope JSON' };

interface HandOut {
  text: string;
  result: SignResult;
  /** "signed afresh (the one on screen was 16 min old)", or "" when it was fresh already. */
  afresh: string;
}

/** The text to copy or save (signed afresh when due), or null after a toast that says why nothing was handed out. */
async function handOut(form: EnvelopeForm, verb: 'copied' | 'saved'): Promise<HandOut | null> {
  const answer = await freshEnvelope();
  if (!answer.ok) {
    useAppStore.getState().notify(`${FORM_NAME[form]} not ${verb}. ${errorText(answer.error)}`, 'warn');
    return null;
  }
  const afresh = answer.resignedAfterMs === null ? '' : `signed afresh (the one on screen ${offBy(answer.resignedAfterMs)})`;
  return { text: answer.value[form], result: answer.value, afresh };
}

/** For a copy button: the text to copy, signed afresh when due (a toast says so), or null. */
export async function envelopeToCopy(form: EnvelopeForm): Promise<string | null> {
  const out = await handOut(form, 'copied');
  if (out?.afresh) useAppStore.getState().notify(`${FORM_NAME[form]} ${out.afresh}.`);
  return out?.text ?? null;
}

/** Ctrl/Cmd+Shift+C: copy the envelope JSON; one toast says what was copied and whether it was signed afresh. */
export async function copyEnvelope(form: EnvelopeForm = 'json'): Promise<boolean> {
  const out = await handOut(form, 'copied');
  if (!out) return false;
  const ok = await copyText(out.text);
  const app = useAppStore.getState();
  if (ok) app.notify(`${FORM_NAME[form]} copied${out.afresh ? `, ${out.afresh}` : ''}.`);
  else app.notify('The clipboard refused the copy.', 'warn');
  return ok;
}

/** Save the envelope JSON as a file named after its requestId. */
export async function saveEnvelope(): Promise<boolean> {
  const out = await handOut('json', 'saved');
  if (!out) return false;
  const fileName = `upiGetSessionToken-${out.result.envelope.requestId}.json`;
  saveTextFile(out.text, fileName, 'application/json');
  if (out.afresh) useAppStore.getState().notify(`Envelope JSON ${out.afresh} before saving.`);
  return true;
}

/** "was 16 min old", "was stamped 3 min in the future". */
function offBy(ageMs: number): string {
  return ageMs > 0 ? `was ${formatSpan(ageMs)} old` : `was stamped ${formatSpan(ageMs)} in the future`;
}

function shownResult(preview: PreviewState): SignResult | null {
  return preview.phase === 'invalid' || preview.phase === 'error' ? null : preview.result;
}

/** Why there is no signed envelope to hand out, from the preview's state. */
function notSigned(preview: PreviewState): AppError {
  if (preview.phase === 'error' && preview.error) return preview.error;
  if (preview.phase === 'invalid' && preview.problems[0]) {
    return { code: 'form_incomplete', message: `The form is not complete: ${preview.problems[0].message}`, field: preview.problems[0].field };
  }
  if (preview.phase === 'signing') return { code: 'superseded', message: 'The form changed while signing.' };
  return { code: 'not_signed', message: 'Nothing is signed yet.' };
}
