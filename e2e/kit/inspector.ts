/**
 * UPI Inspector in a QA engineer's verbs. Every verb drives the window the way a person does (labels,
 * roles, the names in docs/automation.md) and returns data — never a locator — so a suite reads
 * `(await app.accounts())[0].mpinLength` and nothing about the page's markup.
 */
import { expect, type Page } from '@playwright/test';
import { ComposePage } from '../pages/compose';
import { HistoryPage } from '../pages/history';
import { InspectPage } from '../pages/inspect';
import { KeysPage } from '../pages/keys';
import { ResponsePage } from '../pages/response';
import type { EnvelopeInput, HistoryRow, ImportedKey, InspectVerdict, ResponseSummary, SignedEnvelope } from './types';

export type { EnvelopeInput, Finding, HistoryRow, ImportedKey, InspectVerdict, ResponseSummary, SignedEnvelope } from './types';

export class UpiInspector {
  private readonly compose: ComposePage;
  private readonly response: ResponsePage;
  private readonly inspectPage: InspectPage;
  private readonly keys: KeysPage;
  private readonly historyPage: HistoryPage;

  constructor(readonly page: Page) {
    this.compose = new ComposePage(page);
    this.response = new ResponsePage(page);
    this.inspectPage = new InspectPage(page);
    this.keys = new KeysPage(page);
    this.historyPage = new HistoryPage(page);
  }

  /** Waits for `<html data-app-state="ready">`: the host's settings are in and the first screen takes input. */
  async ready(options: { timeout?: number } = {}): Promise<void> {
    await this.page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached', timeout: options.timeout ?? 15_000 });
  }

  /** Opens `url` (from launchInspector) and waits until the app is ready. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.ready();
  }

  /** Imports a key (PEM or JWK text) into the vault on the Keys screen; rejects with the screen's message when refused. */
  async importKey(text: string, options: { kid?: string; label?: string } = {}): Promise<ImportedKey> {
    const added = this.keys.lastAdded;
    const shownBefore = (await added.count()) > 0 ? await added.innerText() : null;
    await this.keys.importText(text, options);
    // Refused: an alert in the form, or a field marked invalid with its message beside it.
    const refused = this.keys.importForm.locator('[role="alert"], [aria-invalid="true"]');
    let outcome: 'added' | 'refused' | null = null;
    await expect(async () => {
      if ((await refused.count()) > 0) outcome = 'refused';
      else if ((await added.count()) > 0 && (await added.innerText()) !== shownBefore) outcome = 'added';
      expect(outcome, 'the import form to answer').not.toBeNull();
    }).toPass({ timeout: 15_000 });
    if (outcome === 'refused') {
      const messages = await this.keys.importForm.locator('[role="alert"], .field-error').allInnerTexts();
      throw new Error(`The key was not imported: ${messages.map((m) => m.trim()).filter(Boolean).join(' ')}`);
    }
    const label = options.label ?? /“(.+)”/.exec(await added.innerText())?.[1] ?? '';
    return this.keyCard(label);
  }

  /** A key's card on the Keys screen, read as data. */
  async keyCard(label: string): Promise<ImportedKey> {
    await this.keys.open();
    const card = this.keys.card(label);
    await expect(card).toBeVisible();
    const facts = card.locator('dl');
    const kid = (await facts.locator('dd').nth(0).locator('code').first().innerText()).trim();
    return {
      label: (await card.locator('.key-name').innerText()).trim(),
      kid: kid === '(none)' ? '' : kid,
      kind: (await card.locator('.key-card-head .badge').first().innerText()).trim(),
      thumbprint: (await facts.locator('dd').nth(1).locator('code[title]').getAttribute('title')) ?? '',
    };
  }

  /** Chooses a profile in Compose by its name: its claims and signing key fill the form. */
  async chooseProfile(name: string): Promise<void> {
    await this.compose.open();
    const select = this.compose.root.getByLabel('Profile', { exact: true });
    const option = select.locator('option').filter({ hasText: new RegExp(`^${escapeRegExp(name)} \\(`) });
    await expect(option, `profile "${name}" in the Profile list`).toHaveCount(1);
    await select.selectOption({ label: (await option.innerText()).trim() });
  }

  /** Types the envelope's fields in Compose; a timestamp pins it. */
  async fillEnvelope(fields: EnvelopeInput): Promise<void> {
    await this.compose.open();
    const { timestamp, ...text } = fields;
    for (const [name, value] of Object.entries(text)) if (value !== undefined) await this.compose.field(name).fill(value);
    if (timestamp !== undefined) await this.compose.pinTimestamp(String(timestamp));
  }

  /** Signs now (Compose's "Sign now") and returns the signed envelope. */
  async sign(): Promise<SignedEnvelope> {
    await this.compose.open();
    await this.compose.preview.getByRole('button', { name: 'Sign now', exact: true }).click();
    return this.signedEnvelope();
  }

  /** The envelope Compose shows, once signed, as an object. */
  async signedEnvelope(): Promise<SignedEnvelope> {
    await this.compose.open();
    return JSON.parse(await this.compose.envelopeJson()) as SignedEnvelope;
  }

  /** The envelope JSON exactly as Compose shows it (for byte comparisons). */
  async signedEnvelopeText(): Promise<string> {
    await this.compose.open();
    return this.compose.envelopeJson();
  }

  /** Pastes an SDK response into the Response screen and waits until it is read. */
  async pasteResponse(text: string): Promise<void> {
    // A paste replaces the box's text as a person's Ctrl+A, Ctrl+V would: empty it first.
    await this.response.open();
    await this.response.input.fill('');
    await expect(this.response.root.getByRole('region', { name: 'Raw response JSON' }).or(this.response.problem)).toHaveCount(0);
    await this.response.paste(text);
    await expect(this.response.root.getByRole('region', { name: 'Raw response JSON' }).or(this.response.problem).first()).toBeVisible({ timeout: 30_000 });
  }

  /** The Response screen's summary: status, device flags, the error block and the finding ids. */
  async summary(): Promise<ResponseSummary> {
    await this.response.open();
    const root = this.response.root;
    const statusValue = root.getByRole('group', { name: 'Status' }).getByTestId('status');
    const status = (await statusValue.count()) > 0 ? (await statusValue.innerText()).trim() : null;
    const fields: Record<string, string | null> = {};
    for (const dd of await root.getByLabel('Response fields').locator('dd[data-field]').all()) {
      const name = (await dd.getAttribute('data-field'))!;
      const value = (await dd.locator(':scope > span').first().innerText()).trim();
      fields[name] = value === 'absent' ? null : value;
    }
    const errorGroup = root.getByRole('group', { name: 'Error' });
    let error: ResponseSummary['error'] = null;
    if ((await errorGroup.count()) > 0) {
      const pick = async (term: string) => {
        const dd = errorGroup.locator(`dt:text-is("${term}") + dd`);
        if ((await dd.count()) === 0) return null;
        const first = dd.locator('code, [data-testid="error-message"], :scope > span').first();
        return (await first.innerText()).trim();
      };
      error = { error: await pick('error'), errorCode: await pick('errorCode'), errorMessage: await pick('errorMessage') };
    }
    const findings = await root.getByRole('region', { name: 'Findings' }).locator('[data-finding-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')!));
    return { status, fields, isDeviceBound: fields.isDeviceBound ?? null, isDeviceActivated: fields.isDeviceActivated ?? null, error, findings };
  }

  /**
   * The accounts table as an array of objects keyed by field name (the column headers), every row in
   * the table's order — all of them, also when only a window of a long table is on screen (the table
   * is scrolled and read as it goes). Values are the text shown.
   */
  async accounts(): Promise<Array<Record<string, string>>> {
    await this.response.open();
    const table = this.response.table('Accounts');
    await expect(table).toBeVisible();
    return table.evaluate(async (el) => {
      const headers = [...el.querySelectorAll('[role="columnheader"]')].map((h) => ({ index: h.getAttribute('aria-colindex'), name: h.getAttribute('aria-label') ?? '' }));
      const total = Number(el.getAttribute('aria-rowcount')) - 1;
      // The element that scrolls the rows (the table's body), found by behaviour rather than class name.
      const scroller =
        [el, ...el.querySelectorAll<HTMLElement>('*')].find((e) => e.scrollHeight > e.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(e).overflowY)) ?? (el as HTMLElement);
      const rows = new Map<number, Record<string, string>>();
      const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
      const collect = () => {
        for (const row of el.querySelectorAll('[role="row"][aria-rowindex]')) {
          const index = Number(row.getAttribute('aria-rowindex'));
          if (index < 2 || rows.has(index)) continue;
          const record: Record<string, string> = {};
          for (const cell of row.querySelectorAll('[role="cell"]')) {
            const header = headers.find((h) => h.index === cell.getAttribute('aria-colindex'));
            if (header && header.name !== 'copy') record[header.name] = (cell.textContent ?? '').trim();
          }
          rows.set(index, record);
        }
      };
      const rowHeight = total > 0 ? scroller.scrollHeight / (total + 1) : 30;
      // Read a few hundred rows a step: the body is made tall while reading (the table draws what fits),
      // then put back as it was.
      const style = scroller.style.cssText;
      scroller.style.maxHeight = 'none';
      scroller.style.height = `${Math.min(total + 1, 300) * rowHeight}px`;
      await frame();
      scroller.scrollTop = 0;
      await frame();
      collect();
      // aria-rowindex 2 is the first data row: scroll the first row not yet read to the top, wait until it is drawn.
      let next = 2;
      while (rows.size < total) {
        while (rows.has(next)) next += 1;
        scroller.scrollTop = Math.max(0, (next - 2) * rowHeight - rowHeight);
        let waited = 0;
        do {
          await frame();
          collect();
          waited += 1;
        } while (!rows.has(next) && waited < 120);
        if (!rows.has(next)) break; // never drawn: return what was read rather than hang
      }
      scroller.style.cssText = style;
      scroller.scrollTop = 0;
      return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    });
  }

  /** Pastes a request into Inspect and returns the verdict shown: valid, its cause and the findings. */
  async inspect(text: string): Promise<InspectVerdict> {
    await this.inspectPage.open();
    await this.inspectPage.paste(text);
    const verdict = this.inspectPage.verdict;
    await expect(verdict).toBeVisible();
    // Inspect runs a moment after typing stops: read once the verdict has stopped changing.
    return settle(async () => {
      const valid = await verdict.getAttribute('data-valid');
      const findings = await this.inspectPage.root.locator('[data-finding-id][data-severity]').evaluateAll((els) =>
        els.map((e) => ({ id: e.getAttribute('data-finding-id')!, severity: e.getAttribute('data-severity')! })),
      );
      return {
        valid: valid === 'true' ? true : valid === 'false' ? false : null,
        cause: (await verdict.getAttribute('data-cause')) || null,
        headline: (await verdict.innerText()).trim(),
        findings,
      };
    });
  }

  /** Searches the History screen and returns the entries listed (their accessible names, read as kind and requestId). */
  async history(query = ''): Promise<HistoryRow[]> {
    await this.historyPage.open();
    await this.historyPage.search.fill(query);
    return settle(async () => {
      const names = await this.historyPage.root
        .getByRole('list', { name: 'History entries' })
        .getByRole('button')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
      return names.map((name) => {
        const match = /^(\S+) (\S+) at /.exec(name);
        return { kind: match?.[1] ?? '', requestId: match?.[2] ?? '', name };
      });
    });
  }
}

/** Reads until three reads in a row, 200 ms apart, agree (the screens answer a moment after input). */
async function settle<T>(read: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await read());
  let same = 0;
  for (;;) {
    await new Promise((done) => setTimeout(done, 200));
    const value = await read();
    const text = JSON.stringify(value);
    same = text === last ? same + 1 : 0;
    last = text;
    if (same >= 2 || Date.now() > deadline) return value;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
