/** Assembles the verdict from the findings and the signature evidence: root causes, the cause, the headline. */
import type { RequestDecoded, Verdict, VerdictTone } from '../verdict';
import { FINDING_IDS, sortFindings } from './catalog';
import { foldConsequences, pickCause } from './cause';
import { describeKey } from './keys';
import type { Finding, SignatureEvidence } from './types';
import { plural } from '../words';

export function assembleVerdict(raw: Finding[], decoded: RequestDecoded, evidence: SignatureEvidence | undefined): Verdict {
  const findings = sortFindings(foldConsequences(raw));
  const cause = pickCause(findings);
  const tried = evidence?.notCheckedReason === undefined ? (evidence?.keysTried ?? []) : [];
  const verifiedBy = evidence?.notCheckedReason === undefined ? evidence?.verifiedBy : undefined;
  const valid: boolean | null = verifiedBy ? true : tried.length > 0 && decoded.segments?.signature !== undefined ? false : null;
  const verdict: Verdict = { valid, tried, findings, summary: summarize(valid, findings, cause, verifiedBy ? describeKey(verifiedBy) : ''), decoded };
  if (verifiedBy) verdict.verifiedBy = verifiedBy;
  if (cause) verdict.cause = cause;
  return verdict;
}

/** The headline: what a support engineer would say first, in the tone of the worst finding. */
function summarize(valid: boolean | null, findings: Finding[], cause: string | undefined, by: string): Verdict['summary'] {
  const title = (id: string) => (FINDING_IDS as Record<string, { title: string }>)[id]?.title ?? id;
  const warnings = findings.filter((f) => f.severity === 'warning');
  let tone: VerdictTone;
  let headline: string;
  if (cause) {
    tone = 'error';
    headline = valid === true ? `The signature verifies with ${by}, but: ${lower(title(cause))}.` : `${title(cause)}.`;
  } else if (valid === true) {
    tone = warnings.length ? 'warn' : 'ok';
    headline = warnings.length
      ? `The signature verifies with ${by}, but ${lower(title(warnings[0]!.id))}${warnings.length > 1 ? ` (and ${plural(warnings.length - 1, 'more warning')})` : ''}.`
      : `The signature verifies with ${by}, and nothing else is wrong.`;
  } else {
    tone = warnings.length ? 'warn' : 'unknown';
    const why = findings.find((f) => f.id === 'case.redacted') ?? findings.find((f) => f.id === 'signature.no-keys' || f.id === 'signature.not-checked');
    const others = warnings.filter((f) => f !== why).length;
    headline = `Not verified: ${why ? lower(title(why.id)) : 'nothing to verify'}${others ? `; ${plural(others, 'warning')}` : ''}.`;
  }
  return { tone, headline };
}

function lower(s: string): string {
  return s.length > 1 && s[1] !== s[1]!.toUpperCase() ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
