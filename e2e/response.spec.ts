import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ResponsePage, fixture, bigResponseText, ComposePage, InspectPage } from './kit';

test('a LINKED response: status, VPAs, and every account field read alike whether spelled as strings or JSON values', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));

  await expect(response.status).toContainText('LINKED');
  await expect(response.status).toContainText('registered on this device and has linked bank accounts');
  await expect(response.rows('VPAs')).toHaveCount(2);
  await expect(await response.cell('VPAs', 'asha.k@axb', 'accounts')).toHaveText('2');
  await expect(await response.cell('VPAs', 'asha.k@axb', 'primary bank')).toHaveText('Axis Bank');
  await expect(await response.cell('VPAs', 'asha.k@okhdfc', 'accounts')).toHaveText('1');
  await expect(response.rows('Accounts')).toHaveCount(3);

  // Rows are found by their masked account number, a column shown from the start.
  // Axis: lengths and booleans sent as strings ("6", "true").
  const axis = 'XXXXXXXX4521';
  await expect(await response.cell('Accounts', axis, 'mpinLength')).toHaveText('6');
  await expect(await response.cell('Accounts', axis, 'otpLength')).toHaveText('6');
  await expect(await response.cell('Accounts', axis, 'atmPinLength')).toHaveText('4');
  await expect(await response.cell('Accounts', axis, 'mpinSet')).toHaveText('true');
  await expect((await response.cell('Accounts', axis, 'mpinLength')).locator('.spelled-string')).toHaveAttribute('title', 'Sent as the string "6"');
  // ICICI: the same fields as JSON numbers and booleans.
  const icici = 'XXXXXXXX7788';
  await expect(await response.cell('Accounts', icici, 'mpinLength')).toHaveText('4');
  await expect(await response.cell('Accounts', icici, 'otpLength')).toHaveText('8');
  await expect(await response.cell('Accounts', icici, 'atmPinLength')).toHaveText('6');
  await expect(await response.cell('Accounts', icici, 'mpinSet')).toHaveText('false');
  await expect(await response.cell('Accounts', icici, 'vpa')).toHaveText('asha.k@axb');
  // Every documented field has its column: the ones not shown at first are in the column chooser.
  for (const column of ['isInitialTopUpDone', 'bankCode', 'ifsc', 'branchName', 'type', 'name', 'referenceId', 'bankAccountUniqueId']) {
    await expect(response.table('Accounts').getByRole('columnheader', { name: column, exact: true })).toHaveCount(0);
    await response.setColumnShown(column, true);
  }
  await expect(await response.cell('Accounts', icici, 'isInitialTopUpDone')).toHaveText('topup_txn_pending');
  for (const [column, value] of [
    ['bankName', 'ICICI Bank'],
    ['bankCode', '508534'],
    ['maskedAccountNumber', 'XXXXXXXX7788'],
    ['ifsc', 'ICIC0000456'],
    ['branchName', 'Indiranagar'],
    ['type', 'CURRENT'],
    ['name', 'Asha K'],
    ['isPrimary', 'false'],
    ['referenceId', 'ref-icici-7788'],
    ['bankAccountUniqueId', 'uniq-icici-7788'],
  ]) {
    await expect(await response.cell('Accounts', icici, column!)).toHaveText(value!);
  }
  // Scalars of the payload.
  const fields = response.root.getByLabel('Response fields');
  await expect(fields).toContainText('dfp-2f7c9a1b');
  await expect(fields).toContainText('XXXXXX3210');
});

test('accounts sort by a header click and filter by text or by clicking a VPA', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));
  const accounts = response.table('Accounts');
  const otpHeader = accounts.getByRole('columnheader', { name: 'otpLength', exact: true });
  await otpHeader.getByRole('button').click();
  await expect(otpHeader).toHaveAttribute('aria-sort', 'ascending');
  await otpHeader.getByRole('button').click();
  await expect(otpHeader).toHaveAttribute('aria-sort', 'descending');
  // Numbers sort as numbers whatever their spelling: 8 (JSON) before "6" (string).
  await expect(response.rows('Accounts').first()).toContainText('XXXXXXXX7788');

  await response.root.getByLabel('Filter accounts').fill('hdfc');
  await expect(response.rows('Accounts')).toHaveCount(1);
  await expect(response.rows('Accounts')).toContainText('XXXXXXXX0099');
  await response.root.getByLabel('Filter accounts').fill('');
  await expect(response.rows('Accounts')).toHaveCount(3);

  await response.table('VPAs').getByRole('button', { name: 'asha.k@okhdfc', exact: true }).click();
  await expect(response.rows('Accounts')).toHaveCount(1);
  await expect(response.root.getByText('1 of 3 accounts')).toBeVisible();
  await expect(response.table('VPAs').getByRole('button', { name: 'asha.k@okhdfc', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await response.root.getByRole('button', { name: 'Show accounts of every VPA' }).click();
  await expect(response.rows('Accounts')).toHaveCount(3);
});

const STATUSES = [
  { file: 'fresh.json', status: 'FRESH', meaning: /permissions are granted but the user is not registered/i, next: /device binding/ },
  { file: 'bound.json', status: 'BOUND', meaning: /registered on this device but no bank accounts were found/i, next: /link a bank account/ },
  { file: 'nopermission.json', status: 'NOPERMISSION', meaning: /not granted the permissions/i, next: /grant the phone-state permission/ },
  { file: 'failure.json', status: 'FAILURE', meaning: /the call failed/i, next: /errorCode and errorMessage/ },
];

test('FRESH, BOUND, NOPERMISSION and FAILURE each say what they mean and what to do next', async ({ app }) => {
  const response = new ResponsePage(app);
  for (const s of STATUSES) {
    await response.paste(fixture(s.file));
    await expect(response.status.getByTestId('status')).toHaveText(s.status);
    await expect(response.status.getByTestId('status-meaning')).toHaveText(s.meaning);
    await expect(response.status.getByTestId('status-next')).toHaveText(s.next);
    if (s.status !== 'FAILURE') {
      // One line, not two empty tables with their headers.
      await expect(response.root.getByRole('note', { name: 'Accounts' })).toContainText('No accounts in this response: accounts appear only when the status is LINKED');
      await expect(response.root.getByRole('table')).toHaveCount(0);
    }
  }
  // FAILURE carries an error: its code's documented meaning and the backend message's meaning.
  const error = response.root.getByRole('group', { name: 'Error' });
  await expect(error).toContainText('JP_001');
  await expect(error).toContainText('documented');
  await expect(error.getByTestId('error-code-meaning')).toContainText('business-logic or parameter problem');
  await expect(error).toContainText('Juspay could not verify the signature with the public key registered for this kid');
});

test('an unknown status and an undocumented error code are labelled as such', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.paste(JSON.stringify({ payload: { status: 'PENDING_KYC' }, error: true, errorCode: 'JP_012', errorMessage: 'x', event: 'process_result' }));
  await expect(response.status).toContainText('PENDING_KYC');
  await expect(response.status).toContainText('unknown status');
  await expect(response.root.getByRole('group', { name: 'Error' })).toContainText('unconfirmed');
});

test('broken JSON is reported with its line and column, and the line is marked', async ({ app }) => {
  const response = new ResponsePage(app);
  const broken = '{\n  "requestId": "5f0c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f",\n  "payload": {\n    "status": "LINKED",,\n    "prefix": "AXB"\n  }\n}';
  await response.paste(broken);
  await expect(response.problem).toContainText('Invalid JSON.');
  await expect(response.problem).toContainText('line 4, column 24');
  await expect(response.raw.locator('.cm-json-error-line')).toHaveAttribute('data-line', '4');
  await expect(response.raw.locator('.cm-json-error-line')).toContainText('"status": "LINKED",,');
  // What was pasted stays in the box to be fixed.
  await expect(response.input).toHaveValue(broken);
  await response.input.fill(broken.replace(',,', ','));
  await expect(response.problem).toHaveCount(0);
  await expect(response.status).toContainText('LINKED');
});

test('JSON that is not a response says what was expected', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.paste('{"foo": 1, "bar": [1, 2]}');
  await expect(response.problem).toContainText('Not a response.');
  // One statement, one capital: "Not a response. Expected …", never "Not a response. this is not a response".
  await expect(response.problem).toContainText('Not a response. Expected a upiGetSessionToken response: an object with `payload`');
  await expect(response.problem).not.toContainText('this is not');
  await expect(response.problem).toContainText('`foo`');
});

/** The requestId of every response fixture, and of the request in e2e/fixtures/inspected-request.json. */
const ANSWERED = '5f0c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const INSPECTED = '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f';

test('in a fresh window nothing is linked: the requestId is shown, never called wrong, and nothing goes to the main side', async ({ app }) => {
  const inspectCalls: string[] = [];
  app.on('request', (r) => {
    if (r.url().includes('/api/inspect:response')) inspectCalls.push(r.url());
  });
  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));
  await expect(response.status).toContainText('LINKED');
  await expect(response.findings.first()).toBeAttached();
  await expect(response.requestIdField).toContainText(ANSWERED);
  await expect(response.requestIdField.locator('.badge')).toHaveCount(0);
  await expect(response.errors.filter({ hasText: 'requestId' })).toHaveCount(0);
  await expect(response.compareWith).toHaveValue('inspect');
  await expect(response.root.getByText('Inspect has no request with a requestId open')).toBeVisible();

  // The built-in sample, whose requestId is nobody's.
  await response.root.getByRole('button', { name: 'Load sample' }).click();
  await expect(response.root.getByLabel('Response source')).toContainText('Sample');
  await expect(response.requestIdField).toContainText('8cbc3ad3-6e4c-4b0a-9a3f-0f6f1c2d9a11');
  await expect(response.errors).toHaveCount(0);
  await expect(response.findings.filter({ hasText: 'spelled as strings' })).toHaveCount(1);
  // Read and judged in the window, from one read.
  expect(inspectCalls).toEqual([]);
});

test('linked to the request in Inspect with another requestId: exactly one error naming both ids; "nothing" unlinks', async ({ app }) => {
  const inspect = new InspectPage(app);
  await inspect.open();
  await inspect.paste(fixture('inspected-request.json'));
  const response = new ResponsePage(app);
  await response.paste(fixture('fresh.json'));
  await expect(response.root.getByLabel('Linked requestId')).toHaveText(INSPECTED);

  const aboutRequestId = response.errors.filter({ hasText: 'requestId' });
  await expect(aboutRequestId).toHaveCount(1);
  await expect(aboutRequestId).toHaveAttribute('data-finding-id', 'response.request-id-mismatch');
  await expect(aboutRequestId).toContainText(ANSWERED);
  await expect(aboutRequestId).toContainText(INSPECTED);
  await expect(response.findings.filter({ hasText: INSPECTED })).toHaveCount(1);
  await expect(response.requestIdField).toContainText('differs from the request open in Inspect');

  await response.compareWith.selectOption({ label: 'nothing' });
  await expect(aboutRequestId).toHaveCount(0);
  await expect(response.errors).toHaveCount(0);
  await expect(response.requestIdField.locator('.badge')).toHaveCount(0);
  await expect(response.requestIdField).toContainText(ANSWERED);

  // Linked again, it follows what Inspect holds: the request this response answers.
  await response.compareWith.selectOption({ label: 'the request in Inspect' });
  await expect(aboutRequestId).toHaveCount(1);
  await inspect.open();
  await inspect.paste(fixture('inspected-request.json').replace(INSPECTED, ANSWERED));
  await response.open();
  await expect(response.requestIdField).toContainText('matches the request open in Inspect');
  await expect(aboutRequestId).toHaveCount(0);
});

test('the requestId can be compared with the envelope in Compose or a typed requestId', async ({ app }) => {
  const compose = new ComposePage(app);
  await compose.open();
  await compose.field('requestId').fill(ANSWERED);
  const response = new ResponsePage(app);
  await response.paste(fixture('fresh.json'));
  await response.compareWith.selectOption({ label: 'the envelope in Compose' });
  await expect(response.requestIdField).toContainText('matches the envelope in Compose');
  await compose.open();
  await compose.root.getByRole('button', { name: 'Generate a new requestId (uuid v4)' }).click();
  await response.open();
  await expect(response.requestIdField).toContainText('differs from the envelope in Compose');
  await expect(response.errors.filter({ hasText: 'requestId' })).toHaveCount(1);
  await expect(response.errors.filter({ hasText: 'requestId' })).toContainText('the envelope in Compose');

  await response.compareWith.selectOption({ label: 'a requestId I type' });
  await expect(response.root.getByText('Type the requestId to compare with.')).toBeVisible();
  await expect(response.errors).toHaveCount(0);
  await response.root.getByLabel('requestId to compare with').fill(ANSWERED);
  await expect(response.requestIdField).toContainText('matches the requestId you typed');
  await response.root.getByLabel('requestId to compare with').fill('someone-else');
  await expect(response.errors.filter({ hasText: 'someone-else' })).toHaveCount(1);
});

test('a response opened from a file or dropped on the box is read', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.open();
  await response.root.getByLabel('Open file…').setInputFiles(join(__dirname, 'fixtures', 'bound.json'));
  await expect(response.status.getByTestId('status')).toHaveText('BOUND');
  await expect(response.root.getByLabel('Response source')).toContainText('bound.json');

  const dataTransfer = await app.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'failure.json', { type: 'application/json' }));
    return dt;
  }, fixture('failure.json'));
  await response.root.getByRole('group', { name: 'Drop a response file' }).dispatchEvent('drop', { dataTransfer });
  await expect(response.status.getByTestId('status')).toHaveText('FAILURE');
  await expect(response.root.getByLabel('Response source')).toContainText('failure.json');
});

test('a 10,000-account response stays responsive: rows and raw lines are virtualised', async ({ app }) => {
  test.setTimeout(60_000);
  const text = bigResponseText();
  expect(text.length).toBeGreaterThan(4_000_000);
  const response = new ResponsePage(app);
  await response.paste(text);
  await expect(response.root.getByText('10,000 accounts', { exact: true })).toBeVisible({ timeout: 15_000 });
  // Only the rows on screen are in the DOM.
  expect(await response.rows('Accounts').count()).toBeLessThan(100);
  await expect(response.raw.locator('.cm-line').first()).toBeVisible({ timeout: 15_000 });
  expect(await response.raw.locator('.cm-line').count()).toBeLessThan(300);
  // The big text never went into the textarea.
  await expect(response.input).toHaveValue('');
  await response.root.getByLabel('Filter accounts').fill('ref-99-98');
  await expect(response.rows('Accounts')).toHaveCount(1);
  await expect(await response.cell('Accounts', 'XXXXXXXX9998', 'mpinLength')).toHaveText('4');
});

test('Ctrl+Shift+V from another screen opens Response and pastes the clipboard into it', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.evaluate((text) => navigator.clipboard.writeText(text), fixture('nopermission.json'));
  const response = new ResponsePage(app);
  await response.shell.open('Compose');
  await app.keyboard.press('Control+Shift+V');
  await expect(app.getByRole('main', { name: 'Response' })).toBeVisible();
  await expect(response.status.getByTestId('status')).toHaveText('NOPERMISSION');
  await expect(response.root.getByLabel('Response source')).toContainText('Pasted');
});

test('a paste with the focus outside any field still loads the response', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.open();
  await response.root.getByRole('button', { name: 'Load sample' }).focus();
  await response.root.getByRole('button', { name: 'Load sample' }).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, fixture('linked.json'));
  await expect(response.status.getByTestId('status')).toHaveText('LINKED');
  // Pasting into the filter box filters; it does not replace the response.
  await response.root.getByLabel('Filter accounts').focus();
  await response.root.getByLabel('Filter accounts').evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'hdfc');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(response.status.getByTestId('status')).toHaveText('LINKED');
});

test('an account row copies as the JSON it was received as', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));
  await response.table('Accounts').getByRole('button', { name: 'Copy account ref-axis-4521 as JSON' }).click();
  const copied = JSON.parse(await app.evaluate(() => navigator.clipboard.readText())) as Record<string, unknown>;
  expect(copied).toMatchObject({ referenceId: 'ref-axis-4521', mpinLength: '6', mpinSet: 'true' });
});
