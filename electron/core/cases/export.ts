/**
 * Building a case file from what a screen (or the CLI) holds: the verdict exactly as the main side made
 * it, masked like the texts it was made from; no key material of any kind (the profile by kid and
 * thumbprint, the keys tried by thumbprint, private key material removed from every text).
 */
import { CASE_FORMAT, CASE_VERSION, caseJson, type CaseFile, type CaseProfile, type CaseSession, type MaskedPath, type MaskingMode } from '../../../shared/case/format';
import { readCaseText } from '../../../shared/case/schema';
import type { Finding } from '../../../shared/diagnostics/types';
import { profileIdentity, type Profile } from '../../../shared/profile';
import type { Verdict } from '../../../shared/verdict';
import { holdsPrivateMaterial, redactPrivateMaterial } from '../history/redact';
import { maskRequestText, maskResponseText, SEGMENT_KEYS, type MaskedItem } from './mask-items';
import { maskValue } from './mask-rules';
import { sweepStrings } from './mask-text';
import { caseStatement } from './statement';

export interface CaseExportInput {
  request?: { text: string; referenceMs: number; verdict: Verdict };
  response?: { text: string; findings: Finding[]; linkedRequestId?: string | null | undefined };
  session?: CaseSession;
  /** The profile the verdict answered with; only its name, merchant and registered kids/thumbprints are kept. */
  profile?: Profile;
  note?: string;
  masking: MaskingMode;
}

export interface ExportContext {
  app: { name: string; version: string };
  /** Epoch ms. */
  now: number;
}

/** In the masked mode these keep what the signed segments say (anyone can decode the segments anyway). */
const DECODED_KEYS = new Set([...SEGMENT_KEYS, 'segments', 'claims', 'claimsText', 'header', 'headerText']);

export function profileOfCase(profile: Profile): CaseProfile {
  return profileIdentity(profile);
}

export function exportCase(input: CaseExportInput, context: ExportContext): CaseFile {
  const masked: MaskedPath[] = [];
  /** Each personal value once: a log repeats the same VPA in every call. */
  const pairMap = new Map<string, string>();
  const swaps: Array<[string, string]> = [];
  const rewritten: string[] = [];
  const take = (item: MaskedItem, where: string): string => {
    for (const h of item.hits) {
      masked.push({ path: h.path, rule: h.rule });
      if (typeof h.original === 'string') pairMap.set(h.original, h.masked);
    }
    swaps.push(...item.swaps);
    if (item.rewritten) rewritten.push(where);
    return item.text;
  };
  const clean = (text: string, where: string): string => {
    const r = redactPrivateMaterial(text);
    if (r.redacted) masked.push({ path: where, rule: 'private-key' });
    return r.text;
  };
  const full = input.masking === 'full-redaction';

  const requestText = input.request && take(maskRequestText(clean(input.request.text, 'request.text'), 'request', input.masking), 'request');
  const responseText = input.response && take(maskResponseText(clean(input.response.text, 'response.text'), 'response'), 'response');
  const calls = input.session?.log.calls.map((call, i) => {
    const base = `session.calls[${i}]`;
    return {
      ...call,
      ...(call.request ? { request: { ...call.request, text: take(maskRequestText(clean(call.request.text, `${base}.request.text`), `${base}.request`, input.masking), `${base}.request`) } } : {}),
      ...(call.response ? { response: { ...call.response, text: take(maskResponseText(clean(call.response.text, `${base}.response.text`), `${base}.response`), `${base}.response`) } } : {}),
    };
  });

  /** Masks a value the way the texts were: the personal values everywhere, the signed ones only under full redaction. */
  const pairs = [...pairMap];
  const sweep = <T>(value: T, skip: ReadonlySet<string> = full ? new Set() : DECODED_KEYS): T => {
    const once = sweepStrings(value, pairs, skip);
    return swaps.length ? sweepStrings(once, swaps) : once;
  };

  const file: CaseFile = {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    createdAt: new Date(context.now).toISOString(),
    app: { name: context.app.name, version: context.app.version },
    note: sweep(clean(input.note ?? '', 'note')),
    masking: { mode: input.masking, signatureCheckable: !full, statement: '', masked },
    keysTried: (input.request?.verdict.tried ?? []).map(({ keyId: _keyId, ...key }) => key),
  };
  if (input.request && requestText !== undefined) {
    file.request = { text: requestText, referenceMs: input.request.referenceMs, verdict: sweep(maskedVerdict(input.request.verdict)) };
  }
  if (input.response && responseText !== undefined) {
    file.response = { text: responseText, findings: sweep(input.response.findings), linkedRequestId: input.response.linkedRequestId ?? null };
  }
  if (input.profile) file.profile = profileOfCase(input.profile);
  if (input.session && calls) {
    const log = { ...input.session.log, calls: sweep(calls, new Set(['text', ...(full ? [] : DECODED_KEYS)])), findings: sweep(input.session.log.findings) };
    file.session = { source: input.session.source, log };
  }
  file.masking.statement = caseStatement(file.masking, rewritten);
  return withoutPrivateMaterial(file);
}

/** The verdict's parsed envelope masked like its text (the segments inside it are left to the sweep). */
function maskedVerdict(verdict: Verdict): Verdict {
  if (verdict.decoded.envelope === undefined) return verdict;
  return { ...verdict, decoded: { ...verdict.decoded, envelope: maskValue(verdict.decoded.envelope, '', SEGMENT_KEYS).value } };
}

/** The last net: private key material anywhere in the file (a key pasted into a note) is removed. */
function withoutPrivateMaterial(file: CaseFile): CaseFile {
  const json = caseJson(file);
  if (!holdsPrivateMaterial(json)) return file;
  const cleaned = readCaseText(redactPrivateMaterial(json).text);
  cleaned.masking.masked.push({ path: '(anywhere)', rule: 'private-key' });
  return cleaned;
}
