/**
 * The case file's schema: strict at every level (an unknown field anywhere refuses the file) and
 * versioned. `readCaseText` refuses a bad file naming the field and what is wrong with it. The same
 * schemas check the `case:export` channel's input, so the window cannot send what no file may hold.
 */
import { z } from 'zod';
import { FINDING_IDS, type FindingId } from '../diagnostics/catalog';
import { isRecord } from '../guards';
import { parseJson } from '../json';
import { environmentSchema } from '../profile';
import { InspectorError } from '../result';
import type { Verdict } from '../verdict';
import type { LogSession } from '../logs/session';
import { CASE_FORMAT, CASE_VERSION, MASK_RULES, MASKING_MODES, type CaseFile } from './format';

const MB = 1024 * 1024;
const text = (max: number) => z.string().max(max);
const int = z.number().int();
const count = int.nonnegative();

export const findingSchema = z
  .object({ id: text(100), severity: z.enum(['error', 'warning', 'info']), path: text(4000), message: text(20_000), fix: text(20_000), causedBy: text(100).optional() })
  .strict();

const keyRefShape = {
  keyId: text(300),
  source: z.enum(['vault', 'pasted', 'file', 'profile']).optional(),
  label: text(1000),
  kid: text(300),
  thumbprint: text(100),
  bits: count,
};
const keyRefSchema = z.object(keyRefShape).strict();
const verifiesIf = z.enum(['standard-base64', 'claims-json', 'header-and-claims-json', 'signaturePayload-only', 'other']).optional();
const keyTriedSchema = z.object({ ...keyRefShape, valid: z.boolean(), verifiesIf }).strict();
const { keyId: _keyId, ...caseKeyShape } = keyRefShape;
export const caseKeySchema = z.object({ ...caseKeyShape, valid: z.boolean(), verifiesIf }).strict();

const logPrefixSchema = z
  .object({ format: z.enum(['threadtime', 'time', 'brief']), level: text(1), tag: text(1024), pid: count, tid: count.optional(), time: text(40).optional(), length: count })
  .strict();

const findingIds = Object.keys(FINDING_IDS) as [FindingId, ...FindingId[]];
const tone = z.enum(['ok', 'warn', 'error', 'unknown']);

const decodedSchema = z
  .object({
    kind: z.enum(['envelope', 'payload', 'segments', 'compact-jws', 'unknown']),
    source: z.enum(['json', 'log-line', 'compact', 'lines', 'key-value', 'none']),
    variant: z.enum(['direct-jws', 'rsa', 'cat', 'mixed']).optional(),
    escaped: z.boolean().optional(),
    wrapperPath: text(4000).optional(),
    foundAt: z.object({ line: count, column: count }).strict().optional(),
    log: logPrefixSchema.optional(),
    envelope: z.unknown().optional(),
    requestId: text(1000).optional(),
    header: z.unknown().optional(),
    claims: z.unknown().optional(),
    segments: z.object({ protected: text(8 * MB).optional(), signaturePayload: text(8 * MB).optional(), signature: text(8 * MB).optional() }).strict().optional(),
    headerText: text(8 * MB).optional(),
    claimsText: text(8 * MB).optional(),
    signatureByteLength: count.optional(),
  })
  .strict();

export const verdictSchema = z
  .object({
    valid: z.boolean().nullable(),
    verifiedBy: keyRefSchema.optional(),
    tried: z.array(keyTriedSchema).max(10_000),
    findings: z.array(findingSchema).max(10_000),
    cause: z.enum(findingIds, { error: 'cause must be the id of a finding UPI Inspector knows.' }).optional(),
    summary: z.object({ tone, headline: text(4000) }).strict(),
    decoded: decodedSchema,
    profile: z
      .object({
        id: text(100),
        name: text(200),
        environment: environmentSchema,
        picked: z.enum(['chosen', 'auto']),
        matchedOn: z.array(z.enum(['kid', 'merchantId', 'merchantChannelId'])).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const loggedAtShape = {
  line: count,
  lastLine: count,
  time: text(40).optional(),
  tag: text(1024).optional(),
  pid: count.optional(),
  tid: count.optional(),
  loggedAtMs: z.number().optional(),
};
const loggedAtSchema = z.object(loggedAtShape).strict();

const sessionSchema = z
  .object({
    calls: z
      .array(
        z
          .object({
            id: text(200),
            request: z
              .object({
                ...loggedAtShape,
                text: text(16 * MB),
                requestId: text(1000).optional(),
                action: text(1000).optional(),
                merchantId: text(1000).optional(),
                kid: text(1000).optional(),
                signedAt: z.number().optional(),
                verdict: z.object({ valid: z.boolean().nullable(), cause: text(100).optional(), tone, headline: text(4000) }).strict(),
              })
              .strict()
              .optional(),
            response: z
              .object({ ...loggedAtShape, text: text(16 * MB), requestId: text(1000).optional(), status: text(1000).optional(), errorCode: text(1000).optional(), error: z.boolean().optional() })
              .strict()
              .optional(),
            pairing: z.enum(['paired', 'request-only', 'response-only']),
            skewMs: z.number().optional(),
          })
          .strict(),
      )
      .max(100_000),
    findings: z.array(findingSchema).max(100_000),
    zoneOffsetMs: int.optional(),
    unclosed: z.array(loggedAtSchema).max(100_000),
    counts: z.object({ requests: count, responses: count, paired: count, unpaired: count, errors: count }).strict(),
    skipped: z.array(z.object({ ...loggedAtShape, reason: text(4000) }).strict()).max(100_000).optional(),
  })
  .strict();

export const caseSessionSchema = z
  .object({
    source: z.object({ kind: z.enum(['file', 'drop', 'paste', 'capture', 'cli']), name: text(1000), lines: count, bytes: count }).strict(),
    log: sessionSchema,
  })
  .strict();

export const caseRequestSchema = z.object({ text: text(8 * MB), referenceMs: count, verdict: verdictSchema }).strict();
export const caseResponseSchema = z.object({ text: text(64 * MB), findings: z.array(findingSchema).max(10_000), linkedRequestId: text(1000).nullable() }).strict();

export const caseFileSchema = z
  .object({
    format: z.literal(CASE_FORMAT, { error: `format must be "${CASE_FORMAT}": this is not a UPI Inspector case file.` }),
    version: z.literal(CASE_VERSION, { error: `version must be ${CASE_VERSION}, the version this UPI Inspector reads.` }),
    createdAt: z.iso.datetime({ offset: true, error: 'createdAt must be an ISO 8601 time, e.g. 2026-12-01T10:15:02.481Z.' }),
    app: z.object({ name: text(200), version: text(100) }).strict(),
    note: text(100_000),
    masking: z
      .object({
        mode: z.enum(MASKING_MODES, { error: 'masking.mode must be "masked" or "full-redaction".' }),
        signatureCheckable: z.boolean(),
        statement: text(4000),
        masked: z.array(z.object({ path: text(4000), rule: z.enum(MASK_RULES) }).strict()).max(1_000_000),
      })
      .strict(),
    request: caseRequestSchema.optional(),
    response: caseResponseSchema.optional(),
    profile: z
      .object({
        name: text(200),
        environment: environmentSchema,
        merchantId: text(200),
        merchantChannelId: text(200),
        registeredKeys: z.array(z.object({ kid: text(200), thumbprint: text(100) }).strict()).max(50),
      })
      .strict()
      .optional(),
    keysTried: z.array(caseKeySchema).max(10_000),
    session: caseSessionSchema.optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (!file.request && !file.response && !file.session) ctx.addIssue({ code: 'custom', path: ['request'], message: 'a case holds a request, a response or a log session: this one holds none.' });
    if (file.masking.signatureCheckable !== (file.masking.mode === 'masked')) {
      ctx.addIssue({ code: 'custom', path: ['masking', 'signatureCheckable'], message: 'signatureCheckable must be true for "masked" and false for "full-redaction".' });
    }
  });

// The schemas describe the very types the code uses: a change to one without the other does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _verdict: Same<z.infer<typeof verdictSchema>, Verdict> = true;
const _session: Same<z.infer<typeof sessionSchema>, LogSession> = true;
const _case: Same<z.infer<typeof caseFileSchema>, CaseFile> = true;
void [_verdict, _session, _case];

// looksLikeCase lives with the format (no zod): the window checks every paste with it at start-up.
export { looksLikeCase } from './format';

/** Reads a case file, or throws `case_invalid` naming the field and what is wrong, with what to do. */
export function readCaseText(text: string, what = 'The case file'): CaseFile {
  const parsed = parseJson(text);
  if (!parsed.ok) throw refused(`${what} is not JSON: ${parsed.message}`);
  const value = parsed.value;
  if (!isRecord(value)) throw refused(`${what} is not a JSON object.`);
  if (value.format !== CASE_FORMAT) {
    throw refused(`${what} is not a UPI Inspector case: its format is ${JSON.stringify(value.format ?? null)}, not "${CASE_FORMAT}".`, 'format');
  }
  if (typeof value.version === 'number' && value.version > CASE_VERSION) {
    throw refused(`${what} was written by a newer UPI Inspector (case version ${value.version}; this one reads version ${CASE_VERSION}).`, 'version', 'Open it with a newer UPI Inspector.');
  }
  const checked = caseFileSchema.safeParse(value);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0]!;
  const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message.replace(/\.$/, '');
  throw refused(`${what} is refused: ${field ? `${field}: ` : ''}${message}.`, field || undefined);
}

function refused(message: string, field?: string, fix?: string): InspectorError {
  return new InspectorError('case_invalid', message, { ...(field ? { field } : {}), ...(fix ? { fix } : {}) });
}
