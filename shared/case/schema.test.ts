import { describe, expect, it } from 'vitest';
import { envelopeText, makeKey, NOW, signJws, KID } from '../__fixtures__/requests';
import { inspectRequestText } from '../diagnostics/request';
import { InspectorError } from '../result';
import { CASE_FORMAT, caseJson, type CaseFile } from './format';
import { looksLikeCase, readCaseText } from './schema';

const text = envelopeText(await signJws(await makeKey('case', KID)));
const good: CaseFile = {
  format: CASE_FORMAT,
  version: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  app: { name: 'UPI Inspector', version: '0.1.0' },
  note: '',
  masking: { mode: 'masked', signatureCheckable: true, statement: 'No personal data was found to mask.', masked: [] },
  request: { text, referenceMs: NOW, verdict: inspectRequestText(text, { now: NOW }) },
  keysTried: [],
};

/** The error readCaseText throws for `value` (as JSON text, or raw text). */
function refusal(value: unknown): InspectorError {
  try {
    readCaseText(typeof value === 'string' ? value : JSON.stringify(value));
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits the file as loose JSON, anywhere
type Loose = any;
const edit = (change: (c: Loose) => void) => {
  const copy: Loose = JSON.parse(JSON.stringify(good));
  change(copy);
  return copy;
};

describe('readCaseText', () => {
  it('reads back what was written, verdict and all', () => {
    expect(readCaseText(caseJson(good))).toEqual(good);
    expect(looksLikeCase(caseJson(good))).toBe(true);
    expect(looksLikeCase(text)).toBe(false);
  });

  it.each([
    ['not JSON', '{"format": "upi-inspector.case",', 'case_invalid', undefined, /is not JSON: .*line 1/],
    ['another format', { format: 'upi-inspector.profiles', version: 1 }, 'case_invalid', 'format', /not a UPI Inspector case: its format is "upi-inspector\.profiles"/],
    ['a newer version', edit((c) => (c.version = 2)), 'case_invalid', 'version', /written by a newer UPI Inspector \(case version 2; this one reads version 1\)/],
    ['an unknown field', edit((c) => (c.secret = 'x')), 'case_invalid', undefined, /unknown field\(s\) secret/],
    ['an unknown field deep in the verdict', edit((c) => (c.request.verdict.decoded.extra = 1)), 'case_invalid', 'request.verdict.decoded', /request\.verdict\.decoded: unknown field\(s\) extra/],
    ['a masking mode it does not know', edit((c) => (c.masking.mode = 'none')), 'case_invalid', 'masking.mode', /masking\.mode: masking\.mode must be "masked" or "full-redaction"/],
    ['a redacted case said to be checkable', edit((c) => (c.masking.mode = 'full-redaction')), 'case_invalid', 'masking.signatureCheckable', /signatureCheckable must be true for "masked" and false for "full-redaction"/],
    ['a cause that is no finding', edit((c) => (c.request.verdict.cause = 'made.up')), 'case_invalid', 'request.verdict.cause', /cause must be the id of a finding/],
    ['a wrong type', edit((c) => (c.request.referenceMs = 'yesterday')), 'case_invalid', 'request.referenceMs', /request\.referenceMs: /],
    ['a bad time', edit((c) => (c.createdAt = 'Monday')), 'case_invalid', 'createdAt', /createdAt must be an ISO 8601 time/],
    ['nothing in it', edit((c) => delete c.request), 'case_invalid', 'request', /holds a request, a response or a log session: this one holds none/],
    ['a finding without its fix', edit((c) => delete c.request.verdict.findings[0].fix), 'case_invalid', 'request.verdict.findings[0].fix', /findings\[0\]\.fix/],
  ])('refuses %s, naming the field', (_name, value, code, field, message) => {
    const e = refusal(value);
    expect(e.code).toBe(code);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith('The case file')).toBe(true);
  });
});
