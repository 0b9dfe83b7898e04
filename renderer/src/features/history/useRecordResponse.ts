import { useEffect } from 'react';
import { responseFindings } from '../../../../shared/diagnostics/response';
import type { Finding } from '../../../../shared/diagnostics/types';
import { responseFacts } from '../../../../shared/history';
import type { ParseResponseResult } from '../../../../shared/response';
import { api } from '../../api';
import { afterNextPaint } from '../../lib/afterPaint';
import { useResponseStore } from '../../stores/response';

/**
 * Records the Response screen's reading in the history: once per read of a paste (the store reads each
 * paste once), and again when linking it to another request changes its findings. The text and the
 * facts the window already read go to the main side; nothing is parsed there.
 */
export function useRecordResponse(parsed: ParseResponseResult | null, findings: Finding[], linkedRequestId: string | undefined): void {
  const text = useResponseStore((s) => s.text);
  const draftId = useResponseStore((s) => s.draftId);
  useEffect(() => {
    if (!parsed || (!parsed.ok && parsed.reason === 'empty') || text !== useResponseStore.getState().text) return;
    // Just after the next paint: sending a 5 MB text takes tens of milliseconds, which the paste's first
    // paint should not wait for. A newer read before then replaces this one.
    return afterNextPaint(() => {
      const judged = parsed.ok ? findings : responseFindings(parsed);
      void api['history:recordResponse']({ draftId, text, ...responseFacts(parsed, judged), linkedRequestId: linkedRequestId ?? null });
    });
    // The text is read with `parsed`: recording on the text alone would record a typed edit before its read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed, findings, draftId, linkedRequestId]);
}
