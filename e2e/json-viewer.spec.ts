import { test, expect } from './fixtures';
import { ResponsePage, fixture, bigResponseText } from './kit';

test('the raw JSON folds and unfolds, and copies the JSON path at the cursor', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));
  const raw = response.raw;
  const line = (text: string) => raw.locator('.cm-line', { hasText: text });
  await expect(line('"vpaAccounts": [')).toHaveCount(1);

  // The fold marker in the gutter beside "payload": {.
  const payload = line('"payload": {');
  await payload.scrollIntoViewIfNeeded();
  const at = (await payload.boundingBox())!;
  const gutter = (await raw.locator('.cm-foldGutter').boundingBox())!;
  await app.mouse.click(gutter.x + gutter.width / 2, at.y + at.height / 2);
  await expect(line('"payload": {').locator('.cm-foldPlaceholder')).toBeVisible();
  await expect(line('"vpaAccounts": [')).toHaveCount(0);
  await expect(line('"error": false')).toHaveCount(1);
  await response.rawTools.getByRole('button', { name: 'Unfold all' }).click();
  await expect(line('"vpaAccounts": [')).toHaveCount(1);
  await response.rawTools.getByRole('button', { name: 'Fold all', exact: true }).click();
  await expect(line('"requestId"')).toHaveCount(0);
  await response.rawTools.getByRole('button', { name: 'Unfold all' }).click();

  // The ICICI account's mpinSet: the second account of the first VPA.
  await line('"mpinSet": false').getByText('false', { exact: true }).click();
  const path = 'payload.vpaAccounts[0].accounts[1].mpinSet';
  await expect(response.rawTools.getByLabel('JSON path at the cursor', { exact: true })).toHaveText(path);
  await response.rawTools.getByRole('button', { name: 'Copy the JSON path at the cursor' }).click();
  await expect.poll(() => app.evaluate(() => navigator.clipboard.readText())).toBe(path);

  // Read-only: typing changes nothing.
  await app.keyboard.type('xyz');
  await expect(line('"mpinSet": false')).toHaveCount(1);
  await expect(raw).not.toContainText('xyz');
});

test('in the 10,000-account response, Find reaches a line far below the fold and Go to line jumps', async ({ app }) => {
  test.setTimeout(60_000);
  const response = new ResponsePage(app);
  await response.paste(bigResponseText());
  await expect(response.accountCount).toHaveText('10,000 accounts', { timeout: 15_000 });
  const raw = response.raw;
  await expect(raw.locator('.cm-line').first()).toBeVisible({ timeout: 15_000 });
  // That line is not rendered yet: only the lines near the view exist.
  await expect(raw.locator('.cm-line', { hasText: '"ref-99-98"' })).toHaveCount(0);

  await response.rawTools.getByRole('button', { name: 'Find' }).click();
  const find = raw.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  // Typed as a user types it: the panel takes the query on each key.
  await find.pressSequentially('ref-99-98');
  await find.press('Enter');
  const match = raw.locator('.cm-searchMatch-selected');
  await expect(match).toHaveText('ref-99-98');
  await expect(match).toBeInViewport();
  await expect(response.rawTools.getByLabel('JSON path at the cursor', { exact: true })).toHaveText('payload.vpaAccounts[99].accounts[98].referenceId');

  await response.rawTools.getByRole('button', { name: 'Go to line' }).click();
  const goTo = raw.getByRole('textbox', { name: /Go to line/ });
  await goTo.fill('150000');
  await expect(goTo).toBeFocused();
  await goTo.press('Enter');
  const gutterLine = raw.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^150000$/ });
  await expect(gutterLine).toBeInViewport();
  await expect(raw.locator('.cm-activeLineGutter', { hasText: /^150000$/ })).toHaveCount(1);

  // Wrap lines is a toggle the viewer follows.
  const wrap = response.rawTools.getByRole('button', { name: 'Wrap lines' });
  await expect(wrap).toHaveAttribute('aria-pressed', 'false');
  await wrap.click();
  await expect(wrap).toHaveAttribute('aria-pressed', 'true');
  await expect(raw.locator('.cm-content.cm-lineWrapping')).toHaveCount(1);
});
