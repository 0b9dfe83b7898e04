import { generateKeyPairSync, sign } from 'node:crypto';
import type { Page } from '@playwright/test';
import { FINDING_IDS } from '../shared/diagnostics/catalog';
import { test, expect } from './fixtures';
import { InspectPage, callMainSide, ResponsePage, fixture } from './kit';

const KID = 'uat833359804655bb748702e324111';
const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const clipboard = (app: Page) => app.evaluate(() => navigator.clipboard.readText());
/** Every finding id the text mentions, from the catalogue itself: there must be none. */
const idsIn = (text: string) => Object.keys(FINDING_IDS).filter((id) => text.includes(id));

function rsaKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicPem: String(publicKey.export({ type: 'spki', format: 'pem' })) };
}

function signedRequest(key: ReturnType<typeof rsaKey>, encode: (sig: Buffer) => string = (s) => s.toString('base64url')): string {
  const protectedSegment = b64url(JSON.stringify({ kid: KID, alg: 'RS256' }));
  const claims = b64url(JSON.stringify({ merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: String(Date.now()) }));
  const signature = sign('sha256', Buffer.from(`${protectedSegment}.${claims}`), key.privateKey);
  return JSON.stringify({
    requestId: '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f',
    service: 'in.juspay.hyperapi',
    payload: { action: 'upiGetSessionToken', protected: protectedSegment, signaturePayload: claims, signature: encode(signature) },
  });
}

test.describe('Findings people can forward', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('Inspect: "Copy for the merchant" names the cause and the fix, one line per key, no internal id', async ({ app }) => {
    // Six keys in the vault, none of them the one the app signed with: the case that made a wall of thumbprints.
    const thumbprints: string[] = [];
    for (let i = 0; i < 6; i++) {
      const info = (await callMainSide(app, 'keys:import', { text: rsaKey().publicPem, kid: i === 0 ? KID : `uat-other-${i}`, label: `Vault key ${i}` })) as { thumbprint: string };
      thumbprints.push(info.thumbprint);
    }
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(signedRequest(rsaKey()));
    await inspect.expectFinding('signature.invalid', /does not verify/);

    await inspect.root.getByRole('button', { name: 'Copy for the merchant' }).click();
    await expect(inspect.root.getByRole('button', { name: 'Copy for the merchant' })).toHaveText('Copied ✓');
    const text = await clipboard(app);
    expect(text).toMatch(/^Cause: The signature on your request does not verify/m);
    expect(text).toMatch(/^Fix: Sign the ASCII string protected \+ "\." \+ signaturePayload/m);
    expect(idsIn(text)).toEqual([]);
    expect(text).not.toMatch(/Nothing to fix/i);
    // At most one line per key tried, and never a full thumbprint.
    expect(text.split('\n').filter((l) => /thumbprint/.test(l))).toHaveLength(6);
    for (const t of thumbprints) expect(text).not.toContain(t);

    // The finding's id is behind its Details toggle, not in the way.
    const finding = inspect.finding('signature.invalid').first();
    await expect(finding.locator('.finding-id')).toBeHidden();
    await finding.getByText('Details').click();
    await expect(finding.locator('.finding-id')).toHaveText('signature.invalid');

    // One finding copied on its own: its message, where, and the fix, no id.
    await finding.getByRole('button', { name: /^Copy this finding/ }).click();
    const one = await clipboard(app);
    expect(one).toMatch(/^Error: The signature does not verify with any of the 6 keys tried/);
    expect(one).toMatch(/^Where: payload\.signature$/m);
    expect(one).toMatch(/^Fix: Check that the signature is RS256/m);
    expect(idsIn(one)).toEqual([]);
  });

  test('Inspect: notes are folded and "Nothing to fix" never shows', async ({ app }) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.publicPem, kid: KID, label: 'Merchant key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(signedRequest(key));
    await expect(inspect.summary).toContainText('No problems found');
    const notes = inspect.root.locator('details.notes');
    await expect(notes).not.toHaveAttribute('open', '');
    await expect(inspect.finding('signature.verified')).toBeHidden();
    await notes.locator('> summary').click();
    await expect(inspect.finding('signature.verified')).toBeVisible();
    await expect(inspect.root.getByLabel('Findings', { exact: true }).first()).not.toContainText('Nothing to fix');
    await inspect.root.getByRole('button', { name: 'Copy for the merchant' }).click();
    const text = await clipboard(app);
    expect(text).toMatch(/signed correctly/);
    expect(idsIn(text)).toEqual([]);
  });

  test('Response: "Copy for the merchant" names the error and what to do', async ({ app }) => {
    const response = new ResponsePage(app);
    await response.paste(fixture('failure.json'));
    const button = response.root.getByRole('button', { name: 'Copy for the merchant' });
    await button.click();
    await expect(button).toHaveText('Copied ✓');
    const text = await clipboard(app);
    expect(text).toMatch(/^Cause: .*JP_001/m);
    expect(text).toMatch(/^Fix: .+/m);
    expect(idsIn(text)).toEqual([]);
  });
});
