import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopeFieldsSchema } from './envelope';
import { envelopeFieldError, readEnvelopeFields, type EnvelopeFieldName } from './envelope-rules';

const NAMES = Object.keys(envelopeFieldsSchema.shape) as EnvelopeFieldName[];
const GOOD = { requestId: '0cdd0a47-cc0a-439c-90af-0a7f59eef8a2', service: 'in.juspay.hyperapi', action: 'upiGetSessionToken', merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'STOCK_ANDROID', timestamp: '1668389349848' };

/** What the contract's schema says about one field's value: its first message, or undefined. */
function schemaSays(name: EnvelopeFieldName, value: unknown): string | undefined {
  const parsed = envelopeFieldsSchema.shape[name].safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe('the zod-free field rules the Compose screen checks with', () => {
  it('give the schema’s message, or none, for the values people type', () => {
    const typed = ['', '  ', 'stock', ' stock ', '\t', '0cdd0a47-cc0a-439c-90af-0a7f59eef8a2', '0CDD0A47-CC0A-439C-90AF-0A7F59EEF8A2', '0cdd0a47-cc0a-339c-90af-0a7f59eef8a2', 'abcd-12345', '1668389349848', '1668389349', ' 1668389349848', undefined, null, 42];
    for (const name of NAMES) for (const value of typed) expect(envelopeFieldError(name, value), `${name} = ${JSON.stringify(value)}`).toBe(schemaSays(name, value));
  });

  it('agree with the schema on any string', () => {
    fc.assert(fc.property(fc.constantFrom(...NAMES), fc.oneof(fc.string(), fc.uuid(), fc.stringMatching(/^\s*\d{10,14}\s*$/)), (name, value) => envelopeFieldError(name, value) === schemaSays(name, value)));
  });
});

describe('reading the fields without zod (the CLI’s sign)', () => {
  /** What the schema makes of the whole object: its data, or its first complaint. */
  function schemaReads(input: Record<string, unknown>) {
    const parsed = envelopeFieldsSchema.safeParse(input);
    return parsed.success ? { ok: true, fields: parsed.data } : { ok: false, field: String(parsed.error.issues[0]!.path[0]), message: parsed.error.issues[0]!.message };
  }

  it('trims what the schema trims and names the first field it would complain about', () => {
    expect(readEnvelopeFields({ ...GOOD, merchantId: '  stock ', requestId: GOOD.requestId })).toEqual(schemaReads({ ...GOOD, merchantId: '  stock ' }));
    expect(readEnvelopeFields({ ...GOOD, merchantId: ' ', timestamp: '12' })).toEqual({ ok: false, field: 'merchantId', message: expect.stringMatching(/^merchantId is required/) });
  });

  it('agrees with the schema on any object of strings, blanks and gaps', () => {
    const value = fc.oneof(fc.constant(undefined), fc.string(), fc.constantFrom(' ', 'x', ' x ', GOOD.requestId, GOOD.timestamp));
    const input = fc.record(Object.fromEntries(NAMES.map((n) => [n, fc.oneof(fc.constant(GOOD[n]), value)])) as Record<EnvelopeFieldName, fc.Arbitrary<string | undefined>>);
    fc.assert(
      fc.property(input, (i) => {
        expect(readEnvelopeFields(i)).toEqual(schemaReads(i));
      }),
    );
  });
});
