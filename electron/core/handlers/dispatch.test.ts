/**
 * dispatch, the one entry both doors and the CLI's channel commands use: nothing nested too deep gets in
 * (the input itself, or JSON in its text fields) and nothing nested too deep comes out.
 */
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, MAX_OUTPUT_DEPTH } from '../../../shared/json-depth';
import { dispatch, handlers, refuseDeepJson, type CoreContext, type HandlerTable } from './index';

const ctx = { host: 'browser', name: 'UPI Inspector', version: '0.0.0', platform: 'test', now: () => 0 } as unknown as CoreContext;

function nestedValue(levels: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = { inner: v };
  return v;
}

/** The real table, with inspect:response answering `answer` (a stand-in for whatever a handler builds). */
function tableAnswering(answer: () => unknown): HandlerTable {
  return { ...handlers, 'inspect:response': async () => answer() } as unknown as HandlerTable;
}

describe('dispatch and deep values', () => {
  it('refuses an input value nested too deep before the contract check', async () => {
    const r = await dispatch(handlers, ctx, 'inspect:response', { text: nestedValue(100_000) });
    expect(r).toMatchObject({ ok: false, error: { code: 'too_deep' } });
    if (!r.ok) expect(r.error.message).toContain(`more than ${MAX_JSON_DEPTH} levels deep`);
  });

  it('refuses text holding JSON nested too deep, naming the field, the limit and the line/column', async () => {
    const text = `{\n"a": ${'['.repeat(300)}${']'.repeat(300)}}`;
    const r = await dispatch(handlers, ctx, 'inspect:response', { text });
    expect(r).toMatchObject({ ok: false, error: { code: 'too_deep', field: 'text' } });
    if (!r.ok) expect(r.error.message).toMatch(/^text: the JSON is nested more than 256 levels deep at line 2, column 261 \(the limit is 256 levels\)/);
  });

  it('lets text at the limit through to the handler', async () => {
    const text = `{"payload":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    const r = await dispatch(handlers, ctx, 'inspect:response', { text });
    expect(r.ok).toBe(true);
  });

  it('returns answer_too_deep instead of a value it could not serialise', async () => {
    const deep = await dispatch(tableAnswering(() => nestedValue(100_000)), ctx, 'inspect:response', { text: '{}' });
    expect(deep).toMatchObject({ ok: false, error: { code: 'answer_too_deep' } });
    if (!deep.ok) expect(deep.error.message).toContain(`more than ${MAX_OUTPUT_DEPTH} levels deep`);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await dispatch(tableAnswering(() => cyclic), ctx, 'inspect:response', { text: '{}' })).toMatchObject({ error: { code: 'answer_too_deep' } });
    const fine = await dispatch(tableAnswering(() => nestedValue(MAX_OUTPUT_DEPTH - 1)), ctx, 'inspect:response', { text: '{}' });
    expect(fine.ok).toBe(true);
  });

  it('turns a stack overflow deep inside a handler into too_deep, not internal', async () => {
    const overflow = (n: number): number => overflow(n + 1) + 1;
    const r = await dispatch(tableAnswering(() => overflow(0)), ctx, 'inspect:response', { text: '{}' });
    expect(r).toMatchObject({ ok: false, error: { code: 'too_deep' } });
    if (!r.ok) expect(r.error.message).toMatch(/^inspect:response: the input nests too deeply to read/);
  });
});

describe('refuseDeepJson', () => {
  it('returns shallow text, and throws too_deep for deep JSON or a JSON string holding it', () => {
    expect(refuseDeepJson('{"a":[1]}', 'text')).toBe('{"a":[1]}');
    expect(refuseDeepJson('-----BEGIN PUBLIC KEY-----', 'key')).toBe('-----BEGIN PUBLIC KEY-----');
    expect(() => refuseDeepJson('['.repeat(300), 'cannot read the request x.json')).toThrow(
      expect.objectContaining({ code: 'too_deep', message: expect.stringMatching(/^cannot read the request x\.json: the JSON is nested more than 256/) }),
    );
    expect(() => refuseDeepJson(JSON.stringify('['.repeat(300)), 'text', 'text')).toThrow(
      expect.objectContaining({ code: 'too_deep', field: 'text', message: expect.stringMatching(/^text: the JSON string at line 1, column 1 holds JSON nested/) }),
    );
  });
});
