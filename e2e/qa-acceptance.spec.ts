/**
 * Written as a QA team outside the project would: only @playwright/test, the documented knobs
 * (docs/automation.md), launchInspector and UpiInspector. No page markup, no channels.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { launchInspector, UpiInspector } from './kit';

const NOW = 1767225600000; // 2026-01-01T00:00:00Z
const REQUEST_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const KID = 'uat-qa-kid-01';

/** A seed folder: one private key (kid from keys.json) and a profile that signs with it. */
function writeSeed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-seed-'));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const thumbprint = createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n })).digest('base64url');
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'merchant-uat.pem'), String(privateKey.export({ type: 'pkcs8', format: 'pem' })));
  writeFileSync(join(dir, 'keys.json'), JSON.stringify({ 'merchant-uat.pem': { kid: KID, label: 'Merchant UAT' } }));
  const profile = {
    name: 'Acme UAT',
    environment: 'sandbox',
    merchantId: 'ACME01',
    merchantChannelId: 'ACMEAPP',
    merchantCustomerId: 'cust-42',
    signingKey: { kid: KID, thumbprint },
    registeredKeys: [{ kid: KID, thumbprint, publicKeyPem: String(publicKey.export({ type: 'spki', format: 'pem' })), registeredAt: '2026-01-01', registeredBy: 'QA' }],
  };
  writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ format: 'upi-inspector.profiles', version: 1, profiles: [profile] }, null, 2));
  return dir;
}

const LINKED = JSON.stringify({
  requestId: REQUEST_ID,
  service: 'in.juspay.hyperapi',
  payload: {
    action: 'upiGetSessionToken',
    status: 'LINKED',
    isDeviceBound: 'true',
    isDeviceActivated: 'true',
    vpaAccounts: [
      {
        vpa: 'qa.user@axb',
        accounts: [
          { bankName: 'Axis Bank', bankCode: '607153', maskedAccountNumber: 'XXXXXXXX1111', mpinSet: 'true', mpinLength: '6', otpLength: '6', atmPinLength: '4', referenceId: 'ref-1', type: 'SAVINGS', ifsc: 'UTIB0000123', isPrimary: 'true', name: 'QA', branchName: 'B', bankAccountUniqueId: 'u-1' },
          { bankName: 'ICICI Bank', bankCode: '508534', maskedAccountNumber: 'XXXXXXXX2222', mpinSet: false, mpinLength: 4, otpLength: 8, atmPinLength: 6, referenceId: 'ref-2', type: 'CURRENT', ifsc: 'ICIC0000001', isPrimary: 'false', name: 'QA', branchName: 'B', bankAccountUniqueId: 'u-2' },
        ],
      },
    ],
  },
  error: false,
  event: 'process_result',
});

let seed: string;
test.beforeAll(() => {
  seed = writeSeed();
});
test.afterAll(() => rmSync(seed, { recursive: true, force: true }));

/** One launch: seeded, clock and request id pinned; signs for the seeded profile and returns the envelope text. */
async function signOnce(page: Page): Promise<{ text: string; app: UpiInspector; close(): Promise<void> }> {
  const inspector = await launchInspector({ seed, now: NOW, requestIds: [REQUEST_ID] });
  const app = new UpiInspector(page);
  await app.open(inspector.url);
  await app.chooseProfile('Acme UAT');
  const envelope = await app.sign();
  expect(envelope.requestId).toBe(REQUEST_ID);
  return { text: JSON.stringify(envelope), app, close: inspector.close };
}

test('a seeded key and profile, a pinned clock and request id: the same envelope on two launches', async ({ page }) => {
  const first = await signOnce(page);
  const claims = JSON.parse(Buffer.from((JSON.parse(first.text) as { payload: { signaturePayload: string } }).payload.signaturePayload, 'base64url').toString('utf8')) as Record<string, string>;
  expect(claims).toEqual({ merchantId: 'ACME01', merchantCustomerId: 'cust-42', merchantChannelId: 'ACMEAPP', timestamp: String(NOW) });
  await first.close();
  const second = await signOnce(page);
  expect(second.text).toBe(first.text);
  await second.close();
});

test('a LINKED response: mpin, OTP and ATM-pin lengths read from the accounts table', async ({ page }) => {
  const inspector = await launchInspector({ now: NOW });
  const app = new UpiInspector(page);
  await app.open(inspector.url);
  await app.pasteResponse(LINKED);
  const summary = await app.summary();
  expect(summary.status).toBe('LINKED');
  expect(summary.isDeviceBound).toBe('true');
  const accounts = await app.accounts();
  expect(accounts.map((a) => [a.maskedAccountNumber, a.mpinLength, a.otpLength, a.atmPinLength])).toEqual([
    ['XXXXXXXX1111', '6', '6', '4'],
    ['XXXXXXXX2222', '4', '8', '6'],
  ]);
  await inspector.close();
});

test('a tampered request does not verify, and the verdict says why', async ({ page }) => {
  const { text, app, close } = await signOnce(page);
  const envelope = JSON.parse(text) as { payload: { signaturePayload: string } };
  const claims = JSON.parse(Buffer.from(envelope.payload.signaturePayload, 'base64url').toString('utf8')) as Record<string, string>;
  envelope.payload.signaturePayload = Buffer.from(JSON.stringify({ ...claims, merchantCustomerId: 'cust-99' })).toString('base64url');
  const untouched = await app.inspect(text);
  expect(untouched.valid).toBe(true);
  const verdict = await app.inspect(JSON.stringify(envelope));
  expect(verdict.valid).toBe(false);
  // The seeded profile registers the key for this kid, so the cause is said in its terms.
  expect(verdict.cause).toBe('profile.registered-key-mismatch');
  expect(verdict.findings).toContainEqual({ id: 'profile.registered-key-mismatch', severity: 'error' });
  await close();
});
