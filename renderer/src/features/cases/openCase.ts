/**
 * Opening a case file into the views it came from: its request into Inspect with the verdict it
 * recorded (pinned to the time it was judged at; "Verify again" makes one here), its response into
 * Response linked to that request, its log session into the Log screen.
 */
import type { CaseFile } from '../../../../shared/case/format';
import { redactionOf } from '../../../../shared/case/redaction';
import { readCaseText } from '../../../../shared/case/schema';
import { InspectorError, type AppError } from '../../../../shared/result';
import { useAppStore } from '../../stores/app';
import { useCasesStore } from '../../stores/cases';
import { useInspectStore } from '../../stores/inspect';
import { usePairingStore } from '../../stores/pairing';
import { useResponseStore } from '../../stores/response';
import { useTimelineStore } from '../../stores/timeline';

/** Reads `text` as a case and opens it; returns the refusal (also kept in the cases store) when it is not one. */
export function openCaseText(text: string, name: string): AppError | null {
  let file: CaseFile;
  try {
    file = readCaseText(text, `The case file ${name}`);
  } catch (e) {
    const error = e instanceof InspectorError ? e.toAppError() : { code: 'unexpected' as const, message: `The case file ${name} could not be read: ${String(e)}` };
    useCasesStore.getState().setOpenError(error);
    return error;
  }
  openCase(file, name);
  return null;
}

export function openCase(file: CaseFile, name: string): void {
  useCasesStore.getState().setOpened({ name, file });
  const request = file.request;
  if (request) {
    const from = { name, createdAt: file.createdAt, appVersion: file.app.version };
    useInspectStore.getState().loadCase(request.text, request.verdict, request.referenceMs, from, redactionOf(file));
  }
  const response = useResponseStore.getState();
  if (file.response) response.setText(file.response.text, 'file', name);
  else if (request) response.clear(); // an earlier response is another call's: never compare it with this request
  const pairing = usePairingStore.getState();
  if (request) pairing.setChoice('inspect');
  else if (file.response?.linkedRequestId) {
    pairing.setTyped(file.response.linkedRequestId);
    pairing.setChoice('typed');
  } else if (file.response) pairing.setChoice('none');
  if (file.session) {
    const { source, log } = file.session;
    useTimelineStore.getState().loadSession(log, { kind: source.kind === 'cli' ? 'file' : source.kind, name: `${source.name} (from ${name})`, lines: source.lines, bytes: source.bytes });
  }
  useAppStore.getState().setScreen(request ? 'inspect' : file.response ? 'response' : 'timeline');
  useAppStore.getState().notify(`Opened case ${name}`);
}
