/**
 * Reopening a history entry: its screen is put back exactly as it was — Inspect's text, public key and
 * reference time; the Response screen's text and the request it was linked to; Compose's fields with
 * the timestamp pinned to the one signed — and later changes keep recording into the same entry.
 */
import type { HistoryEntry } from '../../../../shared/history';
import { useAppStore } from '../../stores/app';
import { useEnvelopeStore } from '../../stores/envelope';
import { useInspectStore } from '../../stores/inspect';
import { usePairingStore } from '../../stores/pairing';
import { useResponseStore } from '../../stores/response';

export const REOPEN_LABEL: Record<HistoryEntry['kind'], string> = { sign: 'Reopen in Compose', inspect: 'Reopen in Inspect', response: 'Reopen in Response' };

export function reopenEntry(entry: HistoryEntry): void {
  const reopen = entry.reopen;
  if (reopen.kind === 'inspect') {
    useInspectStore.setState({
      text: entry.text,
      publicKey: entry.publicKey ?? '',
      keyEdits: useInspectStore.getState().keyEdits + 1,
      forgottenKey: null,
      reference: { mode: 'pinned', epochMs: reopen.referenceMs },
      draftId: entry.draftId,
      result: null,
      judged: null,
      fromCase: null,
      redaction: null,
      error: null,
      resign: null,
      resignError: null,
    });
    useAppStore.getState().setScreen('inspect');
  } else if (reopen.kind === 'response') {
    if (reopen.linkedRequestId) {
      usePairingStore.getState().setTyped(reopen.linkedRequestId);
      usePairingStore.getState().setChoice('typed');
    } else {
      usePairingStore.getState().setChoice('none');
    }
    useResponseStore.getState().restore(entry.text, entry.draftId);
    useAppStore.getState().setScreen('response');
  } else {
    const { fields, keyId } = reopen;
    useEnvelopeStore.setState({
      requestId: fields.requestId,
      service: fields.service,
      action: fields.action,
      merchantId: fields.merchantId,
      merchantCustomerId: fields.merchantCustomerId,
      merchantChannelId: fields.merchantChannelId,
      timestampMode: 'pinned',
      pinnedTimestamp: fields.timestamp,
      keyId,
    });
    useEnvelopeStore.getState().scheduleSign();
    useAppStore.getState().setScreen('compose');
  }
}
