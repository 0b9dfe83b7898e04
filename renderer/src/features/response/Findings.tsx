import type { Finding } from '../../../../shared/diagnostics/types';
import { merchantTextForResponse } from '../../../../shared/diagnostics/merchant-text';
import { FindingsList, FindingsSummary } from '../../ui/FindingsList';

/** What is off about the response, from the same read as the rest of the screen: the one findings list, problems open, notes folded. */
export function Findings({ findings }: { findings: Finding[] }) {
  return (
    <section className="response-findings" aria-labelledby="findings-title">
      <div className="part-head">
        <h3 id="findings-title">Findings</h3>
        <FindingsSummary findings={findings} />
      </div>
      <FindingsList findings={findings} label="Response findings" merchantText={() => merchantTextForResponse(findings)} />
    </section>
  );
}
