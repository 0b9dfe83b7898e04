/**
 * The normaliser: any value in, a `upiGetSessionToken` response out, with booleans and numbers read
 * whatever their spelling and a report of the spellings seen. Never throws; built for 10,000 accounts
 * (compiled field tables, paths built only for the values it complains about).
 */
import { isRecord } from '../guards';
import {
  ACCOUNT_FIELDS,
  ENVELOPE_FIELDS,
  PAYLOAD_FIELDS,
  VPA_FIELDS,
  type AccountRow,
  type FieldKind,
  type NormalizeResult,
  type NormalizedAccount,
  type NormalizedPayload,
  type NormalizedResponse,
  type NormalizedVpaAccount,
  type SpellingReport,
  type UnreadValue,
} from './fields';
import { readArray, readBoolean, readNumber, readObject, readText, readTopUp, type Read, type Spelling } from './values';

const MAX_UNREAD = 50;

class Recorder {
  readonly strings = new Map<string, number>();
  readonly json = new Map<string, number>();
  readonly unreadable: UnreadValue[] = [];
  unreadableCount = 0;

  saw(field: string, spelling: Spelling, counted: boolean): void {
    if (!counted) return;
    const m = spelling === 'string' ? this.strings : this.json;
    m.set(field, (m.get(field) ?? 0) + 1);
  }

  unread(path: () => string, field: string, expected: UnreadValue['expected'], value: unknown): void {
    this.unreadableCount++;
    if (this.unreadable.length < MAX_UNREAD) this.unreadable.push({ path: path(), field, expected, value });
  }

  report(): SpellingReport {
    return {
      strings: Object.fromEntries(this.strings),
      json: Object.fromEntries(this.json),
      unreadable: this.unreadable,
      unreadableCount: this.unreadableCount,
    };
  }
}

const READERS: Record<FieldKind, (v: unknown) => Read<unknown>> = {
  text: readText,
  boolean: readBoolean,
  number: readNumber,
  topup: readTopUp,
  object: readObject,
};

interface CompiledField {
  name: string;
  kind: FieldKind;
  read: (v: unknown) => Read<unknown>;
  /** Only non-text kinds have a spelling worth counting. */
  counted: boolean;
  pattern: string;
}

function compile(table: Record<string, FieldKind>, prefix: string): CompiledField[] {
  return Object.entries(table).map(([name, kind]) => ({
    name,
    kind,
    read: READERS[kind],
    counted: kind !== 'text',
    pattern: prefix + name,
  }));
}

const C_ENVELOPE = compile(ENVELOPE_FIELDS, '');
const C_PAYLOAD = compile(PAYLOAD_FIELDS, 'payload.');
const C_VPA = compile(VPA_FIELDS, 'payload.vpaAccounts[].');
const C_ACCOUNT = compile(ACCOUNT_FIELDS, 'payload.vpaAccounts[].accounts[].');

function readFields(
  source: Record<string, unknown>,
  fields: CompiledField[],
  out: Record<string, unknown>,
  rec: Recorder,
  pathOf: (name: string) => string,
): void {
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    if (!Object.hasOwn(source, field.name)) continue;
    const raw = source[field.name];
    if (raw === undefined || raw === null) {
      if (raw === null) out[field.name] = null;
      continue;
    }
    const r = field.read(raw);
    if (r.ok) {
      out[field.name] = r.value;
      rec.saw(field.pattern, r.spelling, field.counted);
    } else {
      out[field.name] = raw;
      // Free text in otherInfo is allowed ("as passed in request"); only complain about non-strings there.
      if (!(field.kind === 'object' && typeof raw === 'string')) rec.unread(() => pathOf(field.name), field.pattern, field.kind, raw);
    }
  }
}

/**
 * Reads any value as a `upiGetSessionToken` response, never throws. Readable booleans/numbers become
 * booleans/numbers whatever their spelling; everything else is kept as received and listed in the report.
 */
export function normalizeResponse(value: unknown): NormalizeResult {
  const rec = new Recorder();
  const response: NormalizedResponse = {};
  if (!isRecord(value)) return { response, spelling: rec.report() };
  readFields(value, C_ENVELOPE, response as Record<string, unknown>, rec, (n) => n);
  if (Object.hasOwn(value, 'payload')) {
    const p = readObject(value.payload);
    if (p.ok) {
      rec.saw('payload', p.spelling, true);
      response.payload = normalizePayload(p.value, rec);
    } else if (value.payload !== null && value.payload !== undefined) {
      rec.unread(() => 'payload', 'payload', 'object', value.payload);
    }
  }
  return { response, spelling: rec.report() };
}

function normalizePayload(source: Record<string, unknown>, rec: Recorder): NormalizedPayload {
  const payload: NormalizedPayload = { vpaAccounts: [] };
  readFields(source, C_PAYLOAD, payload as unknown as Record<string, unknown>, rec, (n) => `payload.${n}`);
  if (!Object.hasOwn(source, 'vpaAccounts') || source.vpaAccounts === null || source.vpaAccounts === undefined) return payload;
  const list = readArray(source.vpaAccounts);
  if (!list.ok) {
    rec.unread(() => 'payload.vpaAccounts', 'payload.vpaAccounts', 'array', source.vpaAccounts);
    return payload;
  }
  rec.saw('payload.vpaAccounts', list.spelling, true);
  const vpas = list.value;
  for (let v = 0; v < vpas.length; v++) {
    const entry = vpas[v];
    if (!isRecord(entry)) {
      rec.unread(() => `payload.vpaAccounts[${v}]`, 'payload.vpaAccounts[]', 'object', entry);
      continue;
    }
    const vpa: NormalizedVpaAccount = { accounts: [] };
    readFields(entry, C_VPA, vpa as unknown as Record<string, unknown>, rec, (n) => `payload.vpaAccounts[${v}].${n}`);
    if (Object.hasOwn(entry, 'accounts') && entry.accounts !== null && entry.accounts !== undefined) {
      const accounts = readArray(entry.accounts);
      if (!accounts.ok) {
        rec.unread(() => `payload.vpaAccounts[${v}].accounts`, 'payload.vpaAccounts[].accounts', 'array', entry.accounts);
      } else {
        rec.saw('payload.vpaAccounts[].accounts', accounts.spelling, true);
        const items = accounts.value;
        for (let a = 0; a < items.length; a++) {
          const item = items[a];
          if (!isRecord(item)) {
            rec.unread(() => `payload.vpaAccounts[${v}].accounts[${a}]`, 'payload.vpaAccounts[].accounts[]', 'object', item);
            continue;
          }
          const account: NormalizedAccount = {};
          readFields(item, C_ACCOUNT, account as Record<string, unknown>, rec, (n) => `payload.vpaAccounts[${v}].accounts[${a}].${n}`);
          vpa.accounts.push(account);
        }
      }
    }
    payload.vpaAccounts.push(vpa);
  }
  return payload;
}

/** Flattens `vpaAccounts[].accounts[]` into one row per account, for a table. */
export function accountRows(response: NormalizedResponse): AccountRow[] {
  const rows: AccountRow[] = [];
  const vpas = response.payload?.vpaAccounts ?? [];
  for (let v = 0; v < vpas.length; v++) {
    const entry = vpas[v]!;
    for (let a = 0; a < entry.accounts.length; a++) {
      const row: AccountRow = { ...entry.accounts[a]!, vpaIndex: v, accountIndex: a };
      if (entry.vpa !== undefined) row.vpa = entry.vpa;
      rows.push(row);
    }
  }
  return rows;
}
