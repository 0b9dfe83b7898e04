/**
 * What a merchant-ready report says, built once from a case and rendered as Markdown or HTML: the root
 * cause in one sentence (the recorded verdict's cause, in the merchant's words), the proof (which key
 * signed, which key Juspay holds, the exact bytes signed), the fix, and the code for their stack. It
 * reads the case's recorded verdict: nothing is verified or re-derived here.
 */
import { pickCause } from '../diagnostics/cause';
import type { Finding } from '../diagnostics/types';
import { isRecord } from '../guards';
import { generateSnippet, snippetRequestFromDecoded, type Snippet, type SnippetLang } from '../snippets';
import type { CaseFile } from './format';
import { merchantWords, type MerchantFacts } from './merchant-words';

/** The default stacks: the merchant's server signs (Node), their Android app passes it on (Kotlin). */
export const DEFAULT_REPORT_LANGS: readonly SnippetLang[] = ['node', 'kotlin'];

export interface ReportFact {
  label: string;
  value: string;
}

export interface MerchantReport {
  title: string;
  /** Who and what: merchantId, channel, kid, requestId, environment. */
  facts: ReportFact[];
  /** The root cause, one sentence. */
  cause: string;
  /** True when nothing is wrong with the request. */
  ok: boolean;
  proof: ReportFact[];
  /** `protected.signaturePayload` exactly as sent (ASCII), when the case has the segments. */
  signedBytes?: string;
  decoded?: { header?: string; claims?: string };
  fix: string;
  snippets: Snippet[];
  /** Why there is no code, when there is none. */
  snippetNote?: string;
  notes: string[];
  footer: string;
}

const ENVIRONMENT_WORDS = { sandbox: 'sandbox (UAT)', production: 'production' } as const;

export function buildMerchantReport(file: CaseFile, langs: readonly SnippetLang[] = DEFAULT_REPORT_LANGS): MerchantReport {
  const verdict = file.request?.verdict;
  const decoded = verdict?.decoded;
  const header = isRecord(decoded?.header) ? decoded.header : {};
  const claims = isRecord(decoded?.claims) ? decoded.claims : {};
  const kid = typeof header.kid === 'string' && header.kid ? header.kid : undefined;
  const registered = kid ? file.profile?.registeredKeys.find((k) => k.kid === kid) : undefined;
  const signer = verdict?.verifiedBy ?? verdict?.tried.find((k) => k.verifiesIf !== undefined);
  const facts: MerchantFacts = {
    ...(kid ? { kid } : {}),
    ...(file.profile ? { environment: ENVIRONMENT_WORDS[file.profile.environment] } : {}),
    ...(signer ? { signedBy: signer.thumbprint } : {}),
    ...(registered ? { registered: registered.thumbprint } : {}),
  };

  const causeFinding = verdict?.cause ? verdict.findings.find((f) => f.id === verdict.cause && !f.causedBy) : responseCause(file.response?.findings ?? []);
  const words = causeFinding ? merchantWords(causeFinding, facts) : undefined;
  const ok = !causeFinding;
  const requestId = decoded?.requestId ?? file.response?.linkedRequestId ?? undefined;

  const report: MerchantReport = {
    title: ok ? 'Your upiGetSessionToken request is signed correctly' : 'Why your upiGetSessionToken call fails',
    facts: [
      ...fact('merchantId', claims.merchantId ?? file.profile?.merchantId),
      ...fact('merchantChannelId', claims.merchantChannelId ?? file.profile?.merchantChannelId),
      ...fact('Environment', file.profile ? ENVIRONMENT_WORDS[file.profile.environment] : undefined),
      ...fact('kid', kid),
      ...fact('requestId', requestId),
    ],
    cause: words?.cause ?? (verdict?.valid === true ? `Your request is correctly signed: the signature verifies with the key${signer ? ` with thumbprint ${signer.thumbprint}` : ''}${registered ? `, the key Juspay holds for kid ${kid}` : ''}.` : 'Nothing in this case shows what is wrong.'),
    ok,
    proof: proofOf(file, kid, signer?.thumbprint, registered?.thumbprint),
    fix: words?.fix ?? 'Nothing to change in how the request is signed.',
    snippets: [],
    notes: [],
    footer: `Prepared with UPI Inspector ${file.app.version} from a case exported ${file.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}.`,
  };
  const segments = decoded?.segments;
  if (segments?.protected !== undefined && segments.signaturePayload !== undefined) report.signedBytes = `${segments.protected}.${segments.signaturePayload}`;
  if (decoded?.headerText !== undefined || decoded?.claimsText !== undefined) {
    report.decoded = { ...(decoded?.headerText !== undefined ? { header: decoded.headerText } : {}), ...(decoded?.claimsText !== undefined ? { claims: decoded.claimsText } : {}) };
  }
  if (file.masking.mode === 'full-redaction') {
    report.notes.push('merchantCustomerId is masked in this copy (inside the signed claims too), so the bytes shown differ from the ones your app signed in that one value.');
  }
  const source = decoded ? snippetRequestFromDecoded(decoded, requestId ?? '00000000-0000-4000-8000-000000000000') : undefined;
  if (source?.ok) {
    try {
      report.snippets = langs.map((lang) => generateSnippet(lang, source.request));
    } catch (e) {
      report.snippetNote = e instanceof Error ? e.message : String(e);
    }
  } else report.snippetNote = source && !source.ok ? source.reason : 'The case holds no request to write code for.';
  return report;
}

function fact(label: string, value: unknown): ReportFact[] {
  return typeof value === 'string' && value.trim() !== '' ? [{ label, value }] : [];
}

/** A response-only case: its first error explains it. */
function responseCause(findings: Finding[]): Finding | undefined {
  const id = pickCause(findings);
  return id ? findings.find((f) => f.id === id) : findings.find((f) => f.severity === 'error' && !f.causedBy);
}

function proofOf(file: CaseFile, kid: string | undefined, signedBy: string | undefined, registered: string | undefined): ReportFact[] {
  const verdict = file.request?.verdict;
  const proof: ReportFact[] = [];
  if (verdict) {
    const tried = verdict.tried.map((k) => k.thumbprint);
    const signed = signedBy
      ? `the key with thumbprint ${signedBy}${verdict.valid === true ? '' : ' (over other bytes or another encoding than the ones sent)'}`
      : verdict.valid === null
        ? 'not checked when the case was made'
        : `none of the keys checked (thumbprints ${tried.join(', ') || 'none'})`;
    proof.push({ label: 'Key that signed this request', value: signed });
  }
  if (file.profile) {
    const held = registered
      ? `thumbprint ${registered} for kid ${kid} (${file.profile.name}, ${ENVIRONMENT_WORDS[file.profile.environment]})`
      : `no key for kid ${kid ?? '(none in the header)'} in ${file.profile.name}; registered kids: ${file.profile.registeredKeys.map((k) => k.kid).join(', ') || 'none'}`;
    proof.push({ label: 'Key Juspay holds', value: held });
  } else if (verdict) proof.push({ label: 'Key Juspay holds', value: 'not known from this case (no merchant profile was attached)' });
  const response = file.response;
  if (response) {
    const status = response.findings.find((f) => f.id === 'status.meaning');
    const error = response.findings.find((f) => f.id.startsWith('error.') && f.severity === 'error');
    proof.push({ label: 'What the SDK answered', value: firstLine((error ?? status)?.message ?? 'a response with no status') });
  }
  return proof;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}
