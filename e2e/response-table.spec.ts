import { test, expect } from './fixtures';
import { ResponsePage, fixture, bigResponseText } from './kit';

/** A LINKED response whose second account has the odd values merchants' logs show: 99, -1, "six". */
const ODD = JSON.stringify({
  requestId: 'r-odd',
  payload: {
    status: 'LINKED',
    vpaAccounts: [
      {
        vpa: 'ravi@axb',
        accounts: [
          { bankName: 'Axis Bank', maskedAccountNumber: 'XXXX1111', mpinSet: true, mpinLength: 6, otpLength: 6, atmPinLength: 4 },
          { bankName: 'Kotak Bank', maskedAccountNumber: 'XXXX2222', mpinSet: false, mpinLength: 99, otpLength: -1, atmPinLength: 'six' },
        ],
      },
    ],
  },
  event: 'process_result',
});

test('at 1440×900 the accounts table shows the MPIN, OTP and ATM PIN lengths without scrolling sideways', async ({ app }) => {
  await app.setViewportSize({ width: 1440, height: 900 });
  const response = new ResponsePage(app);
  // A realistic LINKED response: 10 VPAs with 3 accounts each.
  await response.paste(bigResponseText(10, 3));
  await expect(response.accountCount).toHaveText('30 accounts');
  const table = response.table('Accounts');
  const scroller = table.locator('.dt-scroll');
  await scroller.scrollIntoViewIfNeeded();
  const box = (await scroller.boundingBox())!;
  for (const column of ['mpinSet', 'mpinLength', 'otpLength', 'atmPinLength']) {
    const header = (await table.getByRole('columnheader', { name: column, exact: true }).boundingBox())!;
    expect(header.x, `${column} starts inside the table`).toBeGreaterThanOrEqual(box.x);
    expect(header.x + header.width, `${column} ends inside the table`).toBeLessThanOrEqual(box.x + box.width);
    const cell = (await (await response.cell('Accounts', 'XXXXXXXX0001', column)).boundingBox())!;
    expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width);
  }
  // Nothing scrolls sideways: not the table, not the page.
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test('mpinSet:false filters and the count reads "n of m"; several terms AND; an unknown field is named', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));
  await expect(response.accountCount).toHaveText('3 accounts');

  await response.accountFilter.fill('mpinSet:false');
  await expect(response.accountCount).toHaveText('1 of 3 accounts');
  await expect(response.rows('Accounts')).toHaveCount(1);
  await expect(await response.cell('Accounts', 'XXXXXXXX7788', 'mpinSet')).toHaveText('false');

  // "6" and 6 alike; terms ANDed; short names for columns.
  await response.accountFilter.fill('otpLength:6 bank:hdfc');
  await expect(response.accountCount).toHaveText('1 of 3 accounts');
  await expect(response.rows('Accounts')).toContainText('XXXXXXXX0099');
  await response.accountFilter.fill('otp:6');
  await expect(response.accountCount).toHaveText('2 of 3 accounts');

  // A name that is no column is said to be one, and is not silently matched as text.
  await response.accountFilter.fill('pin:4');
  await expect(response.root.getByRole('status', { name: 'Filter problems' })).toContainText('“pin” is not a column');
  await expect(response.accountCount).toHaveText('3 accounts');

  await response.accountFilter.fill('zzz-nothing');
  await expect(response.accountCount).toHaveText('0 of 3 accounts');
  await expect(response.table('Accounts')).toContainText('No account matches these filters.');
});

test('unusual values are highlighted with the reason on hover and as the description; is:unusual finds them', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.paste(ODD);
  const odd = 'XXXX2222';
  const cases: [string, string][] = [
    ['mpinLength', 'MPIN length 99 is outside what banks use (4 or 6 digits).'],
    ['otpLength', 'OTP length -1 is outside what banks use (4 to 8 digits).'],
    ['atmPinLength', 'ATM PIN length is not a number ("six"): the PIN or OTP screen needs a digit count.'],
  ];
  for (const [column, reason] of cases) {
    const value = (await response.cell('Accounts', odd, column)).locator('.unusual');
    await expect(value).toHaveAttribute('title', reason);
    await expect(value).toHaveAccessibleDescription(reason);
  }
  // The usual account has nothing highlighted.
  await expect(response.row('Accounts', 'XXXX1111').locator('.unusual')).toHaveCount(0);
  // The findings count the same values.
  await expect(response.findings.filter({ hasText: 'outside what banks use' })).toHaveCount(2);

  await response.accountFilter.fill('is:unusual');
  await expect(response.accountCount).toHaveText('1 of 2 accounts');
  await expect(response.rows('Accounts')).toContainText(odd);
});

test('column filters narrow the accounts like field:value terms', async ({ app }) => {
  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));
  await response.root.getByRole('button', { name: 'Column filters' }).click();
  await response.table('Accounts').getByLabel('Filter mpinSet').fill('true');
  await expect(response.accountCount).toHaveText('2 of 3 accounts');
  await response.table('Accounts').getByLabel('Filter bankName').fill('axis');
  await expect(response.accountCount).toHaveText('1 of 3 accounts');
  await response.table('Accounts').getByLabel('Filter bankName').fill('!axis');
  await expect(response.accountCount).toHaveText('1 of 3 accounts');
  await expect(response.rows('Accounts')).toContainText('XXXXXXXX0099');
  // Turning the filter boxes off drops their filters.
  await response.root.getByRole('button', { name: 'Column filters' }).click();
  await expect(response.accountCount).toHaveText('3 accounts');
});

test('the column chooser hides and shows columns, the choice survives a reload, and Reset restores the default', async ({ app }) => {
  const response = new ResponsePage(app);
  // The headers' accessible names (their text also holds the sort arrows).
  const headers = () => response.table('Accounts').getByRole('columnheader').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  await response.paste(fixture('linked.json'));
  await expect.poll(headers).toEqual(['vpa', 'bankName', 'maskedAccountNumber', 'mpinSet', 'mpinLength', 'otpLength', 'atmPinLength', 'isPrimary', 'copy']);
  await expect(response.root.getByText('Columns (8 of 16)')).toBeVisible();

  await response.setColumnShown('bankName', false);
  await response.setColumnShown('referenceId', true);
  await expect.poll(headers).toEqual(['vpa', 'maskedAccountNumber', 'mpinSet', 'mpinLength', 'otpLength', 'atmPinLength', 'isPrimary', 'referenceId', 'copy']);
  await expect(await response.cell('Accounts', 'XXXXXXXX4521', 'referenceId')).toHaveText('ref-axis-4521');

  await app.reload();
  await response.paste(fixture('linked.json'));
  await expect.poll(headers).toEqual(['vpa', 'maskedAccountNumber', 'mpinSet', 'mpinLength', 'otpLength', 'atmPinLength', 'isPrimary', 'referenceId', 'copy']);

  await response.root.locator('details.column-chooser summary').click();
  await response.root.getByRole('button', { name: 'Move referenceId left' }).click();
  await response.root.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(headers).toEqual(['vpa', 'bankName', 'maskedAccountNumber', 'mpinSet', 'mpinLength', 'otpLength', 'atmPinLength', 'isPrimary', 'copy']);
});

test('the first column stays pinned while the table scrolls sideways', async ({ app }) => {
  await app.setViewportSize({ width: 1024, height: 700 });
  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));
  for (const column of ['bankCode', 'ifsc', 'branchName', 'type', 'name', 'referenceId', 'bankAccountUniqueId']) await response.setColumnShown(column, true);
  const scroller = response.table('Accounts').locator('.dt-scroll');
  const left = (await scroller.boundingBox())!.x;
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
  const vpaHeader = (await response.table('Accounts').getByRole('columnheader', { name: 'vpa', exact: true }).boundingBox())!;
  const vpaCell = (await (await response.cell('Accounts', 'XXXXXXXX4521', 'vpa')).boundingBox())!;
  expect(Math.abs(vpaHeader.x - left)).toBeLessThanOrEqual(2);
  expect(Math.abs(vpaCell.x - left)).toBeLessThanOrEqual(2);
  // The bank name, not pinned, scrolled out of view behind it.
  const bank = (await (await response.cell('Accounts', 'XXXXXXXX4521', 'bankName')).boundingBox())!;
  expect(bank.x).toBeLessThan(left);
});
