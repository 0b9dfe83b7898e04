import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { caseReport, buildMerchantReport } from '../../../shared/case';
import { REPORT_STYLE, REPORT_STYLE_SHA256 } from '../../../shared/case/report-render';
import { FINDING_IDS } from '../../../shared/diagnostics/catalog';
import { inspectResponseText } from '../../../shared/diagnostics';
import type { Profile } from '../../../shared/profile';
import { KID, NOW, REQUEST_TEXT, RESPONSE, SEGMENTS, requestVerdict } from '../__fixtures__/case-inputs';
import { testRsaKey } from '../__fixtures__/test-keys';
import { verifyRequestText } from '../inspect';
import { jwkThumbprint } from '../keys/export';
import { exportCase } from './export';

const APP = { app: { name: 'UPI Inspector', version: '0.1.0' }, now: Date.UTC(2026, 11, 1) };
const held = testRsaKey(2048, 'held by juspay');
const heldThumbprint = await jwkThumbprint(held.publicKey);
const profile: Profile = {
  id: 'p-acme',
  name: 'Acme UAT',
  environment: 'sandbox',
  merchantId: 'stock',
  merchantChannelId: 'stockapp',
  merchantCustomerId: '',
  registeredKeys: [{ kid: KID, thumbprint: heldThumbprint, publicKeyPem: held.spkiPem, registeredAt: '2026-01-05', registeredBy: 'ops' }],
  createdAt: '2026-01-05T00:00:00.000Z',
  updatedAt: '2026-01-05T00:00:00.000Z',
};
const { verdict: valid, keys } = await requestVerdict();
// The merchant signs with their key (it is in the vault); Juspay holds another one for the same kid.
const mismatch = verifyRequestText(REQUEST_TEXT, keys, NOW, { choice: { mode: 'chosen', profile }, all: [profile] });
const signer = valid.verifiedBy!.thumbprint;
const errorResponse = JSON.stringify({ ...RESPONSE, payload: { action: 'upiGetSessionToken', status: 'FAILURE' }, error: true, errorCode: 'JP_001', errorMessage: 'Merchant signature mismatch' });
const responseFindings = inspectResponseText(errorResponse, { requestId: RESPONSE.requestId }).findings;
const mismatchCase = exportCase(
  { request: { text: REQUEST_TEXT, referenceMs: NOW, verdict: mismatch }, response: { text: errorResponse, findings: responseFindings, linkedRequestId: RESPONSE.requestId }, profile, masking: 'masked' },
  APP,
);

describe('the merchant report', () => {
  it('gives the root cause in one sentence, in the merchant’s words', () => {
    expect(mismatch.cause).toBe('profile.registered-key-mismatch');
    const report = buildMerchantReport(mismatchCase);
    expect(report.cause).toBe(`Your request was signed with a different key from the one registered with Juspay for kid ${KID} in sandbox (UAT).`);
    expect(report.cause.split(/[.!?]\s/)).toHaveLength(1);
    expect(report.fix).toContain(`thumbprint ${heldThumbprint}`);
    expect(report.fix).toContain(`thumbprint ${signer}`);
  });

  it('proves it: which key signed, which key Juspay holds, the exact bytes signed, what the SDK answered', () => {
    const md = caseReport(mismatchCase, 'md');
    expect(md).toContain(`**Key that signed this request:** the key with thumbprint ${signer}`);
    expect(md).toContain(`**Key Juspay holds:** thumbprint ${heldThumbprint} for kid ${KID} (Acme UAT, sandbox (UAT))`);
    expect(md).toContain(`${SEGMENTS.protected}.${SEGMENTS.signaturePayload}`);
    expect(md).toMatch(/What the SDK answered:\*\* .*JP_001/);
    expect(md).toContain('"merchantCustomerId":"cust-42"');
  });

  it('carries the code for the merchant’s stack: Node and Kotlin by default, or the languages chosen', () => {
    const md = caseReport(mismatchCase, 'md');
    expect(md).toContain('### Server · Node (node:crypto)');
    expect(md).toContain('```js\n');
    expect(md).toContain('### Android · Kotlin');
    expect(md).toContain('"cust-42"');
    const python = caseReport(mismatchCase, 'md', ['python']);
    expect(python).toContain('### Server · Python (cryptography)');
    expect(python).not.toContain('Kotlin');
  });

  it('names no internal finding id, in Markdown or HTML', () => {
    const responseOnly = exportCase({ response: { text: errorResponse, findings: responseFindings }, masking: 'masked' }, APP);
    const validCase = exportCase({ request: { text: REQUEST_TEXT, referenceMs: NOW, verdict: valid }, masking: 'masked' }, APP);
    for (const file of [mismatchCase, responseOnly, validCase]) {
      // Outside the code: a snippet may well say error.message.
      for (const text of [caseReport(file, 'md').replace(/```[\s\S]*?```/g, ''), caseReport(file, 'html').replace(/<pre>[\s\S]*?<\/pre>/g, '')]) {
        expect(Object.keys(FINDING_IDS).filter((id) => text.includes(id))).toEqual([]);
      }
    }
    expect(buildMerchantReport(validCase)).toMatchObject({ ok: true, title: 'Your upiGetSessionToken request is signed correctly' });
    expect(buildMerchantReport(responseOnly).cause).toMatch(/JP_001/);
  });

  it('is one self-contained, CSP-safe page: no script, no external asset, its stylesheet allowed by hash', () => {
    const html = caseReport(mismatchCase, 'html');
    expect(createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64')).toBe(REPORT_STYLE_SHA256);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${REPORT_STYLE_SHA256}';`);
    expect(html.replace(/<pre>[\s\S]*?<\/pre>/g, '')).not.toMatch(/<script|\son\w+=|\sstyle=|\ssrc=|\shref=|<link|<img|<iframe/i);
    expect(REPORT_STYLE).not.toMatch(/url\(|@import/);
    expect(html).toContain('<p class="cause" id="root-cause">Your request was signed with a different key');
    expect(html).toContain('<p class="fix" id="the-fix">Sign with the private key');
  });

  it('escapes what the merchant sent: a request cannot inject markup into the page', () => {
    const hostile = { ...mismatch, decoded: { ...mismatch.decoded, claimsText: '{"merchantId":"</code><script>alert(1)</script>"}' } };
    const file = exportCase({ request: { text: REQUEST_TEXT, referenceMs: NOW, verdict: hostile }, masking: 'masked' }, APP);
    const html = caseReport(file, 'html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says when the bytes shown were redacted', () => {
    const redacted = exportCase({ request: { text: REQUEST_TEXT, referenceMs: NOW, verdict: mismatch }, profile, masking: 'full-redaction' }, APP);
    const md = caseReport(redacted, 'md');
    expect(md).toContain('merchantCustomerId is masked in this copy');
    expect(md).not.toContain('cust-42');
  });
});
