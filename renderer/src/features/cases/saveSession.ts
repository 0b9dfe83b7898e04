/** A log session saved to History: each call's request (with its row's verdict) and response, as the main side records them. */
import type { RecordLogResult } from '../../../../shared/history-log';
import type { LogSession } from '../../../../shared/logs';
import type { Result } from '../../../../shared/result';
import { api } from '../../api';

export function saveSessionToHistory(session: LogSession, source: string): Promise<Result<RecordLogResult>> {
  const calls = session.calls.map((c) => ({
    ...(c.request
      ? {
          request: {
            text: c.request.text,
            line: c.request.line,
            ...(c.request.requestId !== undefined ? { requestId: c.request.requestId } : {}),
            ...(c.request.merchantId !== undefined ? { merchantId: c.request.merchantId } : {}),
            ...(c.request.kid !== undefined ? { kid: c.request.kid } : {}),
            ...(c.request.loggedAtMs !== undefined ? { loggedAtMs: c.request.loggedAtMs } : {}),
            verdict: { valid: c.request.verdict.valid, headline: c.request.verdict.headline, ...(c.request.verdict.cause ? { cause: c.request.verdict.cause } : {}) },
          },
        }
      : {}),
    ...(c.response ? { response: { text: c.response.text, line: c.response.line, ...(c.response.requestId !== undefined ? { requestId: c.response.requestId } : {}) } } : {}),
  }));
  return api['history:recordLog']({ source, calls });
}
