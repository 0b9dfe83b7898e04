/**
 * What each screen puts in a case. Inspect and Response give the same case when the response is linked
 * to the request in Inspect: the request with the verdict the main side made for it (at the time it was
 * made), and the response with the findings the Response screen shows. History gives its entry and its
 * pair, judged again at the entry's own reference time (the history keeps facts, not whole verdicts);
 * the Log screen gives its session. A case opened and left unchanged is given back as it was.
 */
import type { ChannelInput } from '../../../../shared/contract';
import { responseFindings } from '../../../../shared/diagnostics/response';
import type { HistoryEntry } from '../../../../shared/history';
import { parseResponseText } from '../../../../shared/response';
import { api } from '../../api';
import { errorText } from '../../lib/errorText';
import { useCasesStore, type CaseScreen, type OpenedCase } from '../../stores/cases';
import { useEnvelopeStore } from '../../stores/envelope';
import { useHistoryStore } from '../../stores/history';
import { useInspectStore } from '../../stores/inspect';
import { inspectedRequestId, pairingOptions, resolvePairing, usePairingStore } from '../../stores/pairing';
import { useProfilesStore } from '../../stores/profiles';
import { useResponseStore } from '../../stores/response';
import { sessionForExport, useTimelineStore } from '../../stores/timeline';

export type CaseInput = Omit<ChannelInput<'case:export'>, 'note' | 'masking'>;

export type CaseSource =
  | { kind: 'opened'; opened: OpenedCase; what: string[] }
  | { kind: 'build'; input: CaseInput; what: string[] }
  | { kind: 'none'; why: string };

type Part<T> = { ok: true; value: T } | { ok: false; why: string };

function inspectRequest(): Part<NonNullable<CaseInput['request']>> {
  const s = useInspectStore.getState();
  if (!s.text.trim()) return { ok: false, why: 'Inspect has no request: paste one first.' };
  if (s.busy || !s.result || !s.judged || s.judged.text !== s.text) return { ok: false, why: 'Inspect is still judging the request: try again in a moment.' };
  return { ok: true, value: { text: s.judged.text, referenceMs: s.judged.referenceMs, verdict: s.result } };
}

/** The response on the Response screen, with its findings and what it is linked to. */
function screenResponse(): (NonNullable<CaseInput['response']> & { linkedToInspect: boolean }) | undefined {
  const r = useResponseStore.getState();
  if (!r.parsed?.ok) return undefined;
  const pairing = usePairingStore.getState();
  const linked = resolvePairing(pairing.choice, { inspected: inspectedRequestId(useInspectStore.getState()), composed: useEnvelopeStore.getState().requestId, typed: pairing.typed });
  return {
    text: r.text,
    findings: responseFindings(r.parsed, pairingOptions(linked)),
    linkedRequestId: linked.requestId ?? null,
    linkedToInspect: linked.choice === 'inspect' && linked.requestId !== undefined,
  };
}

/** The opened case, while the screen still shows what it recorded. */
function openedUnchanged(screen: CaseScreen): OpenedCase | undefined {
  const opened = useCasesStore.getState().opened;
  if (!opened) return undefined;
  const inspect = useInspectStore.getState();
  const requestSame = !opened.file.request || (inspect.fromCase !== null && inspect.text === opened.file.request.text);
  const responseSame = !opened.file.response || useResponseStore.getState().text === opened.file.response.text;
  if (screen === 'inspect' && opened.file.request && requestSame && responseSame) return opened;
  if (screen === 'response' && opened.file.response && requestSame && responseSame) return opened;
  return undefined;
}

export async function caseSourceFor(screen: CaseScreen): Promise<CaseSource> {
  const opened = openedUnchanged(screen);
  if (opened) return { kind: 'opened', opened, what: [`The case ${opened.name}, as it was opened.`] };
  if (screen === 'inspect' || screen === 'response') {
    const request = inspectRequest();
    const response = screenResponse();
    if (screen === 'inspect' && !request.ok) return { kind: 'none', why: request.why };
    if (screen === 'response' && !response) return { kind: 'none', why: 'The Response screen has no response it can read: paste one first.' };
    const withRequest = request.ok && (screen === 'inspect' || response?.linkedToInspect === true);
    const withResponse = response !== undefined && (screen === 'response' || response.linkedToInspect);
    const input: CaseInput = {};
    const what: string[] = [];
    if (withRequest && request.ok) {
      input.request = request.value;
      what.push('The request in Inspect, with its verdict.');
    }
    if (withResponse && response) {
      const { linkedToInspect: _linked, ...value } = response;
      input.response = value;
      what.push(`The response on the Response screen${response.linkedToInspect ? ', linked to that request' : ''}, with its findings.`);
    }
    return { kind: 'build', input, what };
  }
  if (screen === 'timeline') {
    const exported = sessionForExport(useTimelineStore.getState());
    if (!exported) return { kind: 'none', why: 'The Log screen has no session: open, drop or paste a log first.' };
    const { session, source } = exported;
    return {
      kind: 'build',
      input: { session: { source: { kind: source.kind, name: source.name, lines: source.lines, bytes: source.bytes }, log: session } },
      what: [`The log ${source.name}: ${session.calls.length} calls with their verdicts, and the session findings.`],
    };
  }
  return historySource();
}

async function historySource(): Promise<CaseSource> {
  const entry = useHistoryStore.getState().selected;
  if (!entry) return { kind: 'none', why: 'Choose an entry in the history first.' };
  const pair = entry.pair ? await api['history:get']({ id: entry.pair.id }) : undefined;
  const other = pair?.ok ? pair.value : undefined;
  const requestEntry = entry.kind !== 'response' ? entry : other;
  const responseEntry = entry.kind === 'response' ? entry : other?.kind === 'response' ? other : undefined;
  const input: CaseInput = {};
  const what: string[] = [];
  if (requestEntry) {
    const referenceMs = referenceOf(requestEntry);
    const profileId = useProfilesStore.getState().profiles.find((p) => p.name === requestEntry.profile)?.id;
    const verdict = await api['inspect:request']({
      text: requestEntry.text,
      ...(requestEntry.publicKey ? { publicKey: requestEntry.publicKey } : {}),
      now: referenceMs,
      profile: profileId ? { id: profileId } : 'auto',
    });
    if (!verdict.ok) return { kind: 'none', why: errorText(verdict.error) };
    input.request = { text: requestEntry.text, referenceMs, verdict: verdict.value };
    what.push(`The ${requestEntry.kind === 'sign' ? 'signed request' : 'request'} of this entry, judged at ${new Date(referenceMs).toISOString()}.`);
  }
  if (responseEntry) {
    const requestId = requestEntry?.requestId ?? (responseEntry.reopen.kind === 'response' ? responseEntry.reopen.linkedRequestId : null) ?? undefined;
    const findings = responseFindings(parseResponseText(responseEntry.text), requestId ? { requestId, requestLabel: 'the request of this history entry' } : {});
    input.response = { text: responseEntry.text, findings, linkedRequestId: requestId ?? null };
    what.push(`The response${requestEntry ? ' paired with it' : ' of this entry'}, with its findings.`);
  }
  return { kind: 'build', input, what };
}

/** When an entry's verdict was made: an inspection's reference time, a signature's timestamp. */
function referenceOf(entry: HistoryEntry): number {
  if (entry.reopen.kind === 'inspect') return entry.reopen.referenceMs;
  if (entry.reopen.kind === 'sign' && /^\d{10,16}$/.test(entry.reopen.fields.timestamp)) return Number(entry.reopen.fields.timestamp);
  return entry.time;
}
