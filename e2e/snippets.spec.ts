import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ComposePage, InspectPage, KeysPage, SnippetPanelPage } from './kit';
import { PYTHON } from '../electron/cli/__fixtures__/toolchain';

const KID = 'uat833359804655bb748702e324111';
/** Quotes, `$`, backticks and Unicode: the code must carry them into the signed bytes unchanged. */
const CUSTOMER = 'cust "42" $HOME `id` ünï';

interface Envelope {
  requestId: string;
  service: string;
  payload: { action: string; protected: string; signaturePayload: string; signature: string };
}

/** A fresh merchant key, written to a file the generated code is run with; removed after the test. */
function merchantKey() {
  const dir = mkdtempSync(join(tmpdir(), 'upi-e2e-snippets-'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const file = join(dir, 'merchant.pem');
  writeFileSync(file, pem, { mode: 0o600 });
  return { dir, privateKey, pem, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const pemBodyLines = (pem: string) => pem.split('\n').filter((line) => line.length === 64);

test.describe('code for this request', () => {
  test('Compose: pick Node, copy; the copied file, run with the key, prints the preview’s segments', async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const key = merchantKey();
    try {
      const keys = new KeysPage(app);
      await keys.importText(key.pem, { label: 'Merchant key', kid: KID });
      await expect(keys.card('Merchant key')).toBeVisible();

      const compose = new ComposePage(app);
      await compose.open();
      await compose.fill({ merchantId: 'stock', merchantCustomerId: CUSTOMER, merchantChannelId: 'STOCK_ANDROID' });
      const preview = JSON.parse(await compose.envelopeJson()) as Envelope;

      const panel = new SnippetPanelPage(compose.preview);
      await panel.open();
      await panel.choose('node');
      await expect(panel.usage).toHaveText('Run: node sign-session-token.mjs PRIVATE_KEY.pem');
      await panel.copyButton.click();
      await expect(panel.copyButton).toHaveText('Copied ✓');
      const copied = await app.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await panel.code.innerText());
      for (const line of pemBodyLines(key.pem)) expect(copied).not.toContain(line);

      const file = join(key.dir, 'sign-session-token.mjs');
      writeFileSync(file, copied);
      const printed = JSON.parse(execFileSync(process.execPath, [file, key.file], { encoding: 'utf8' })) as Envelope;
      expect(printed.payload).toEqual(preview.payload);
      expect(printed).toEqual(preview);
    } finally {
      key.cleanup();
    }
  });

  test('Inspect: a pasted envelope’s code, saved as Python, rebuilds what was pasted; a request without kid says why there is none', async ({ app }) => {
    const key = merchantKey();
    try {
      // What a merchant's server signed, the way the docs say.
      const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
      const protectedHeader = b64url(JSON.stringify({ kid: KID, alg: 'RS256' }));
      const signaturePayload = b64url(JSON.stringify({ merchantId: 'stock', merchantCustomerId: CUSTOMER, merchantChannelId: 'STOCK_ANDROID', timestamp: '1668389349848' }));
      const signature = sign('sha256', Buffer.from(`${protectedHeader}.${signaturePayload}`), key.privateKey).toString('base64url');
      const pasted = JSON.stringify(
        { requestId: '0cdd0a47-cc0a-439c-90af-0a7f59eef8a2', service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', protected: protectedHeader, signaturePayload, signature } },
        null,
        2,
      );

      const inspect = new InspectPage(app);
      await inspect.open();
      await inspect.paste(pasted);
      const panel = new SnippetPanelPage(inspect.root);
      await panel.open();
      await panel.choose('python');
      await expect(panel.code).toContainText('REQUEST_ID = "0cdd0a47-cc0a-439c-90af-0a7f59eef8a2"');
      const [download] = await Promise.all([app.waitForEvent('download'), panel.saveButton.click()]);
      expect(download.suggestedFilename()).toBe('sign_session_token.py');
      const file = join(key.dir, 'sign_session_token.py');
      await download.saveAs(file);
      expect(readFileSync(file, 'utf8')).toBe(await panel.code.innerText());
      expect(execFileSync(PYTHON, [file, key.file], { encoding: 'utf8' })).toBe(`${pasted}\n`);

      // Android: the SDK call, with the segments from the server passed in.
      await panel.choose('kotlin');
      await expect(panel.code).toContainText('hyperServices.process(build(signed, requestId))');
      await expect(panel.usage).toContainText('UpiSessionTokenRequest.process(hyperServices, SignedSegments(…))');

      await inspect.paste(`${b64url(JSON.stringify({ alg: 'RS256' }))}.${signaturePayload}.${signature}`);
      await expect(panel.root.getByRole('status')).toHaveText('Code needs the header’s kid, and it has none.');
      await expect(panel.code).toHaveCount(0);
    } finally {
      key.cleanup();
    }
  });
});
