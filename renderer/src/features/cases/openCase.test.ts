import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CASE_FORMAT, caseJson, type CaseFile } from '../../../../shared/case/format';
import { envelopeText, KID, makeKey, NOW, responseText, signJws } from '../../../../shared/__fixtures__/requests';
import { inspectRequestText } from '../../../../shared/diagnostics/request';
import { memoryStorage } from '../../stores/__fixtures__/memory-storage';

globalThis.localStorage = memoryStorage();
const inspectCall = vi.fn();
const historyGet = vi.fn();
vi.mock('../../api', () => ({ api: { 'inspect:request': (i: unknown) => inspectCall(i), 'history:get': (i: unknown) => historyGet(i) } }));

const { openCaseText } = await import('./openCase');
const { caseSourceFor } = await import('./caseSources');
const { useInspectStore } = await import('../../stores/inspect');
const { useResponseStore } = await import('../../stores/response');
const { usePairingStore } = await import('../../stores/pairing');
const { useAppStore } = await import('../../stores/app');
const { useCasesStore } = await import('../../stores/cases');
const { useHistoryStore } = await import('../../stores/history');

const request = envelopeText(await signJws(await makeKey('case', KID)));
const verdict = inspectRequestText(request, { now: NOW });
const file: CaseFile = {
  format: CASE_FORMAT,
  version: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  app: { name: 'UPI Inspector', version: '0.1.0' },
  note: '',
  masking: { mode: 'masked', signatureCheckable: true, statement: 'No personal data was found to mask.', masked: [] },
  request: { text: request, referenceMs: NOW, verdict },
  response: { text: responseText(), findings: [], linkedRequestId: verdict.decoded.requestId ?? null },
  keysTried: [],
};

beforeEach(() => {
  inspectCall.mockReset();
  inspectCall.mockResolvedValue({ ok: true, value: { ...verdict, summary: { tone: 'unknown', headline: 'judged here' } } });
  usePairingStore.getState().setChoice('none');
});

describe('opening a case in the window', () => {
  it('puts its request in Inspect with the verdict it recorded, and its response in Response, linked', async () => {
    expect(openCaseText(caseJson(file), 'ticket.upicase.json')).toBeNull();
    const inspect = useInspectStore.getState();
    expect(inspect).toMatchObject({ text: request, result: verdict, reference: { mode: 'pinned', epochMs: NOW }, fromCase: { name: 'ticket.upicase.json', appVersion: '0.1.0' } });
    expect(useResponseStore.getState().text).toBe(file.response!.text);
    expect(usePairingStore.getState().choice).toBe('inspect');
    expect(useAppStore.getState().screen).toBe('inspect');
    // The screen's automatic inspection leaves the recorded verdict alone: nothing is verified until asked.
    await useInspectStore.getState().inspect();
    expect(inspectCall).not.toHaveBeenCalled();
    expect(await caseSourceFor('inspect')).toMatchObject({ kind: 'opened', opened: { name: 'ticket.upicase.json' } });
  });

  it('verifies again when asked, or once the request is edited', async () => {
    openCaseText(caseJson(file), 'ticket.upicase.json');
    await useInspectStore.getState().verifyAgain();
    expect(inspectCall).toHaveBeenCalledWith(expect.objectContaining({ text: request, now: NOW }));
    expect(useInspectStore.getState()).toMatchObject({ fromCase: null, result: { summary: { headline: 'judged here' } } });

    openCaseText(caseJson(file), 'ticket.upicase.json');
    useInspectStore.getState().setText(`${request}\n`);
    await useInspectStore.getState().inspect();
    expect(inspectCall).toHaveBeenCalledTimes(2);
    expect((await caseSourceFor('inspect')).kind).toBe('build');
  });

  it('a fully redacted case, verified again, is sent as one: the verdict will say it cannot be checked', async () => {
    const masked = [{ path: 'request.payload.signaturePayload.merchantCustomerId', rule: 'merchant-customer-id' as const }];
    openCaseText(caseJson({ ...file, masking: { ...file.masking, mode: 'full-redaction', signatureCheckable: false, masked } }), 'redacted.upicase.json');
    await useInspectStore.getState().verifyAgain();
    expect(inspectCall).toHaveBeenCalledWith(expect.objectContaining({ redaction: { masked: ['payload.signaturePayload.merchantCustomerId'], recorded: { valid: verdict.valid, headline: verdict.summary.headline } } }));
  });

  it('refuses a damaged file, naming the field, and leaves the screens as they were', () => {
    useInspectStore.getState().setText('what was there');
    const error = openCaseText(JSON.stringify({ ...file, masking: { ...file.masking, mode: 'none' } }), 'bad.upicase.json');
    expect(error).toMatchObject({ code: 'case_invalid', field: 'masking.mode' });
    expect(useCasesStore.getState().openError?.message).toMatch(/^The case file bad\.upicase\.json is refused: masking\.mode/);
    expect(useInspectStore.getState().text).toBe('what was there');
  });
});

describe('exporting a history entry', () => {
  it('takes the entry and its pair, the request judged again at the entry’s own reference time', async () => {
    const summary = { time: 5, source: 'window' as const, profile: null, merchantId: 'stock', channel: null, kid: KID, status: null, errorCode: null, valid: true, cause: null, summary: null, redacted: false };
    const requestId = verdict.decoded.requestId ?? null;
    const inspection = { ...summary, id: 'e1', kind: 'inspect' as const, requestId, pair: { id: 'e2', kind: 'response' as const, time: 6, status: 'LINKED', valid: true }, text: request, publicKey: null, publicKeyWithheld: false, draftId: 'd1', reopen: { kind: 'inspect' as const, referenceMs: NOW - 5_000 } };
    const answer = { ...summary, id: 'e2', kind: 'response' as const, requestId, pair: null, text: responseText(), publicKey: null, publicKeyWithheld: false, draftId: 'd2', reopen: { kind: 'response' as const, linkedRequestId: requestId } };
    historyGet.mockResolvedValue({ ok: true, value: answer });
    useHistoryStore.setState({ selectedId: 'e1', selected: inspection });
    const source = await caseSourceFor('history');
    expect(inspectCall).toHaveBeenCalledWith({ text: request, now: NOW - 5_000, profile: 'auto' });
    expect(source).toMatchObject({ kind: 'build', input: { request: { text: request, referenceMs: NOW - 5_000 }, response: { text: answer.text, linkedRequestId: requestId } } });
    if (source.kind === 'build') expect(source.input.response!.findings.map((f) => f.id)).toContain('status.meaning');
  });
});
