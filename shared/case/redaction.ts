/** What a fully redacted case changed inside the signed claims, for the verdict that says it cannot be checked. */
import type { RedactionFacts } from '../diagnostics/case';
import type { CaseFile } from './format';

export function redactionOf(file: Pick<CaseFile, 'masking' | 'request'>): RedactionFacts | undefined {
  if (file.masking.mode !== 'full-redaction') return undefined;
  const masked = file.masking.masked.filter((m) => m.rule === 'merchant-customer-id' && m.path.startsWith('request.')).map((m) => m.path.slice('request.'.length));
  const recorded = file.request ? { valid: file.request.verdict.valid, headline: file.request.verdict.summary.headline } : undefined;
  return { masked, ...(recorded ? { recorded } : {}) };
}
