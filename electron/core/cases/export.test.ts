import { describe, expect, it } from 'vitest';
import { caseJson } from '../../../shared/case/format';
import { readCaseText } from '../../../shared/case/schema';
import { inspectResponseText } from '../../../shared/diagnostics';
import { readRequest } from '../../../shared/request';
import { parseResponseText } from '../../../shared/response';
import { verdictExitCode } from '../../../shared/verdict';
import { PERSONAL, REQUEST_TEXT, RESPONSE, RESPONSE_TEXT, SEGMENTS, merchant, requestVerdict } from '../__fixtures__/case-inputs';
import { privateJwkValues } from '../__fixtures__/test-keys';
import { exportCase, type CaseExportInput } from './export';
import { redactionOf } from '../../../shared/case/redaction';
import { vaultWith } from '../__fixtures__/signed-request';
import { createCore } from '../index';
import { verifyCaseRequest } from './verify';

const APP = { app: { name: 'UPI Inspector', version: '9.9.9' }, now: Date.UTC(2026, 11, 1, 10, 0) };
const { verdict, keys } = await requestVerdict();
const findings = inspectResponseText(RESPONSE_TEXT, { requestId: RESPONSE.requestId }).findings;

function input(masking: CaseExportInput['masking'], extra: Partial<CaseExportInput> = {}): CaseExportInput {
  return {
    request: { text: REQUEST_TEXT, referenceMs: 1668389349848, verdict },
    response: { text: RESPONSE_TEXT, findings, linkedRequestId: RESPONSE.requestId },
    note: 'Merchant says "Merchant signature mismatch" since Monday.',
    masking,
    ...extra,
  };
}

/** Every place a personal value could hide in the file, as text. */
function leaks(json: string): string[] {
  const unescaped = json.replace(/\\+"/g, '"');
  return Object.values(PERSONAL).filter((v) => json.includes(v) || unescaped.includes(v));
}

describe('a masked case', () => {
  const file = exportCase(input('masked'), APP);
  const response = parseResponseText(file.response!.text);

  it('masks the mobile number and the account numbers beyond their last 4 digits, and names every path', () => {
    expect(response.ok).toBe(true);
    const payload = response.ok ? (response.raw.payload as typeof RESPONSE.payload) : RESPONSE.payload;
    expect(payload.customerMobileNumber).toBe('XXXXXXXXXX10');
    expect(payload.vpaAccounts[0]!.accounts[1]).toMatchObject({ accountNumber: 'XXXXXXXXXX7890', name: 'R*** S***' });
    // Already masked by the SDK beyond its last 4 digits: nothing more to hide, so left alone.
    expect(payload.vpaAccounts[0]!.accounts[0]!.maskedAccountNumber).toBe('XXXXXXXX4521');
    expect(payload.vpaAccounts[0]!.vpa).toBe('a***@axb');
    expect(payload.deviceFingerPrint).toBe('[masked]');
    expect(payload.otherInfo).toBe('[masked]');
    const paths = file.masking.masked.map((m) => `${m.path} ${m.rule}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'response.payload.customerMobileNumber mobile-number',
        'response.payload.vpaAccounts[0].accounts[1].accountNumber account-number',
        'response.payload.vpaAccounts[0].accounts[0].name account-holder-name',
        'response.payload.vpaAccounts[1].vpa vpa',
        'response.payload.vpaAccounts[0].accounts[0].bankAccountUniqueId bank-account-unique-id',
        'response.payload.vpaAccounts[0].accounts[0].referenceId reference-id',
        'response.payload.deviceFingerPrint device-fingerprint',
        'response.payload.otherInfo other-info',
      ]),
    );
    expect(file.masking).toMatchObject({ mode: 'masked', signatureCheckable: true });
    expect(file.masking.statement).toMatch(/signed segments .* exactly as received, so the signature can still be verified anywhere/);
  });

  it('keeps the response as received: same layout, same keys, only the values masked', () => {
    expect(file.response!.text.split('\n')).toHaveLength(RESPONSE_TEXT.split('\n').length);
    expect(file.response!.text).toContain('"bankName": "Axis Bank"');
  });

  it('keeps the signed segments byte for byte, so verify on the case still says valid', () => {
    expect(readRequest(file.request!.text).segments).toEqual(SEGMENTS);
    const again = verifyCaseRequest(readCaseText(caseJson(file)), keys, undefined, undefined, 'case');
    expect(again.valid).toBe(true);
    expect(again.verifiedBy?.thumbprint).toBe(verdict.verifiedBy?.thumbprint);
    expect(verdictExitCode(again)).toBe(0);
  });

  it('stores the verdict as it was made, and the keys tried by thumbprint', () => {
    expect(file.request!.verdict.summary).toEqual(verdict.summary);
    expect(file.request!.verdict.valid).toBe(true);
    expect(file.keysTried).toEqual([expect.objectContaining({ kid: verdict.tried[0]!.kid, thumbprint: verdict.tried[0]!.thumbprint, valid: true })]);
    expect(file.keysTried[0]).not.toHaveProperty('keyId');
    expect(file.app).toEqual(APP.app);
    expect(file.createdAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('holds no unmasked personal value and no private key material anywhere', () => {
    const withKey = exportCase(input('masked', { note: `debug: ${merchant.pkcs8Pem} ${JSON.stringify(merchant.privateJwk)}` }), APP);
    const json = caseJson(withKey);
    expect(leaks(json)).toEqual([]);
    expect(json).not.toContain('PRIVATE KEY');
    for (const secret of privateJwkValues(merchant.privateJwk)) expect(json).not.toContain(secret);
    expect(withKey.masking.masked).toContainEqual({ path: 'note', rule: 'private-key' });
  });

  it('masks a VPA the SDK quotes in its errorMessage, in the text and in the findings that repeat it', () => {
    const failed = JSON.stringify({ ...RESPONSE, error: true, errorCode: 'JP_001', errorMessage: 'Invalid VPA ab.c@ybl for this device', payload: { action: 'upiGetSessionToken', status: 'FAILURE' } });
    const masked = exportCase({ response: { text: failed, findings: inspectResponseText(failed).findings }, masking: 'masked' }, APP);
    expect(caseJson(masked)).not.toContain('ab.c@ybl');
    expect(masked.response!.findings.map((f) => f.message).join(' ')).toContain('Invalid VPA a***@ybl');
  });

  it('masks a response found in a log line, escaped, and keeps the log line around it', () => {
    const logged = `12-01 10:15:02.481  4211  4218 D HyperSDK: onEvent ${JSON.stringify(JSON.stringify(RESPONSE))}`;
    const masked = exportCase({ response: { text: logged, findings: [] }, masking: 'masked' }, APP);
    expect(masked.response!.text.startsWith('12-01 10:15:02.481  4211  4218 D HyperSDK: onEvent "')).toBe(true);
    expect(leaks(caseJson(masked))).toEqual([]);
    expect(masked.masking.masked.map((m) => m.path)).toContain('response.payload.customerMobileNumber');
  });
});

describe('a fully redacted case', () => {
  const file = exportCase(input('full-redaction'), APP);

  it('masks merchantCustomerId inside the claims, re-encodes the segment and says the signature can no longer be checked', () => {
    const decoded = readRequest(file.request!.text);
    expect(decoded.claims?.json).toMatchObject({ merchantId: 'stock', merchantCustomerId: 'c***' });
    expect(decoded.segments.protected).toBe(SEGMENTS.protected);
    expect(decoded.segments.signature).toBe(SEGMENTS.signature);
    expect(file.masking.masked).toContainEqual({ path: 'request.payload.signaturePayload.merchantCustomerId', rule: 'merchant-customer-id' });
    expect(file.masking).toMatchObject({ mode: 'full-redaction', signatureCheckable: false });
    expect(file.masking.statement).toMatch(/the signature can no longer be checked against this file/);
    // The recorded verdict is the one made before redaction, masked the same way.
    expect(file.request!.verdict.valid).toBe(true);
    expect(file.request!.verdict.decoded.claims).toMatchObject({ merchantCustomerId: 'c***' });
    expect(file.request!.verdict.decoded.segments?.signaturePayload).toBe(decoded.segments.signaturePayload);
    expect(caseJson(file)).not.toContain('cust-42');
  });

  it('verify answers that it cannot check, and why', () => {
    const again = verifyCaseRequest(file, keys, undefined, undefined, 'case');
    expect(again.valid).toBeNull();
    expect(again.tried).toEqual([]);
    expect(again.summary.headline).toBe('Not verified: the case was fully redacted, so its signature cannot be checked.');
    const finding = again.findings.find((f) => f.id === 'case.redacted');
    expect(finding?.message).toMatch(/full redaction, which masked payload\.signaturePayload\.merchantCustomerId .* made before redaction: valid/);
    expect(again.findings.map((f) => f.id)).not.toContain('signature.invalid');
    expect(verdictExitCode(again)).toBe(2);
  });
});

describe('a redacted case in the window', () => {
  it('inspect:request with the case\u2019s redaction says it cannot check, as verify does', async () => {
    const file = exportCase(input('full-redaction'), APP);
    const { vault } = await vaultWith({ pem: merchant.spkiPem, label: 'Merchant key' });
    const core = createCore({ host: 'browser', version: '0.0.0-test', vault, now: () => APP.now });
    const answer = await core.dispatch('inspect:request', { text: file.request!.text, now: file.request!.referenceMs, redaction: redactionOf(file) });
    expect(answer.ok && answer.value.summary.headline).toBe('Not verified: the case was fully redacted, so its signature cannot be checked.');
    const plain = await core.dispatch('inspect:request', { text: file.request!.text, now: file.request!.referenceMs });
    expect(plain.ok && plain.value.cause).toBe('signature.invalid');
  });
});

describe('a log session case', () => {
  it('masks every call and keeps the session findings', () => {
    const line = (n: number) => ({ line: n, lastLine: n, time: '12-01 10:15:02.481', tag: 'HyperSDK' });
    const brief = { valid: true, tone: 'ok' as const, headline: `Paid by ${PERSONAL.vpa}` };
    const log = {
      calls: [{ id: 'c1', pairing: 'paired' as const, request: { ...line(1), text: REQUEST_TEXT, verdict: brief }, response: { ...line(2), text: JSON.stringify(RESPONSE) } }],
      findings: [],
      unclosed: [],
      counts: { requests: 1, responses: 1, paired: 1, unpaired: 0, errors: 0 },
    };
    const file = exportCase({ session: { source: { kind: 'file', name: 'session.log', lines: 2, bytes: 10 }, log }, masking: 'masked' }, APP);
    expect(leaks(caseJson(file))).toEqual([]);
    expect(file.session!.log.calls[0]!.request!.verdict.headline).toBe('Paid by a***@axb');
    expect(readRequest(file.session!.log.calls[0]!.request!.text).segments).toEqual(SEGMENTS);
    expect(file.masking.masked.map((m) => m.path)).toContain('session.calls[0].response.payload.customerMobileNumber');
  });
});
