/**
 * A case's request, verified again — only when asked (`verify CASE`, the window's "Verify again"), with
 * the one `verifyRequestText`, at the reference time the case was judged at unless told otherwise. A
 * fully redacted case is not verified: the verdict says it cannot be, and why (`case.redacted`).
 */
import type { CaseFile, CaseRequest, CaseResponse } from '../../../shared/case/format';
import { redactionOf } from '../../../shared/case/redaction';
import { InspectorError } from '../../../shared/result';
import type { Verdict } from '../../../shared/verdict';
import type { KeySet } from '../candidates';
import { verifyRequestText } from '../inspect';
import type { ProfileScope } from '../profiles/verdict';

export function caseRequestOf(file: CaseFile, source: string): CaseRequest {
  if (file.request) return file.request;
  const what = file.session ? `a log session of ${file.session.log.calls.length} calls` : 'a response only';
  throw new InspectorError('case_incomplete', `${source} holds no request to verify: it holds ${what}.`, {
    field: 'request',
    fix: file.session ? 'Open the case in the window (Log screen) and open a call from it, or run "upi-inspector case show" to read the session.' : 'Run inspect-response on it, or "upi-inspector case show".',
  });
}

export function caseResponseOf(file: CaseFile, source: string): CaseResponse {
  if (file.response) return file.response;
  throw new InspectorError('case_incomplete', `${source} holds no response to inspect.`, {
    field: 'response',
    fix: file.request ? 'Run verify on it for its request, or "upi-inspector case show".' : 'Run "upi-inspector case show" to read it.',
  });
}

/** The case's request verified with `keys`, at `now` (default: the time its verdict was made at). */
export function verifyCaseRequest(file: CaseFile, keys: KeySet, now: number | undefined, scope: ProfileScope | undefined, source: string): Verdict {
  const request = caseRequestOf(file, source);
  return verifyRequestText(request.text, keys, now ?? request.referenceMs, scope, redactionOf(file));
}
