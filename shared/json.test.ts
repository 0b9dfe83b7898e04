import { describe, expect, it } from 'vitest';
import { describeJsonFailure, extractJson, lineColumn, locateJsonError, parseJson } from './json';

function failure(text: string) {
  const r = parseJson(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to fail`);
  return r;
}

describe('parseJson', () => {
  it('parses valid JSON, with or without a byte-order mark', () => {
    expect(parseJson('{"a":[1,true,null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
    expect(parseJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  // Each of these produces a differently shaped V8 message in Node 20.
  it.each([
    ['"at position N" (missing property name)', '{\n  "a": 1,\n  }', 3, 3],
    ['no position: Unexpected token with snippet', '{\n  "requestId": "x",\n  "service": }', 3, 14],
    ['no position: trailing comma in an array', '[1,\n2,\n]', 3, 1],
    ["\"Expected ':' after property name\"", '{"a" 1}', 1, 6],
    ['unterminated string', '{"a": "abc', 1, 11],
    ['bad control character', '{"a": "x\ty"}', 1, 9],
    ['text after the JSON', '{"a":1} x', 1, 9],
    ['unexpected end of input', '{"a": [1, 2', 1, 12],
    ['unexpected end of a literal', '{"a": tru', 1, 10],
    ['CRLF line endings', '{\r\n"a": 1,\r\n"b": }', 3, 6],
  ])('%s', (_, text, line, column) => {
    const f = failure(text);
    expect([f.line, f.column]).toEqual([line, column]);
    expect(f.message).toContain(`line ${line}, column ${column}`);
    expect(f.message).not.toMatch(/is not valid JSON/);
    expect(f.offset).toBeLessThanOrEqual(text.length);
  });

  it('says when the input is empty, and hints at common mistakes', () => {
    expect(failure('   ').message).toMatch(/empty/);
    expect(failure("{'a': 1}").message).toMatch(/double quotes/);
    expect(failure('{"a": 1,}').message).toMatch(/trailing comma/);
    expect(failure('{a: 1}').message).toMatch(/double quotes/);
    expect(failure('{"a": [1').message).toMatch(/cut off|truncates/);
  });

  it('counts a leading byte-order mark in the offset', () => {
    const f = failure('\uFEFF{"a": }');
    expect(f.offset).toBe(7);
    expect(f.column).toBe(8);
  });
});

describe('describeJsonFailure handles every engine message shape', () => {
  const text = '{\n  "a": 1,\n  "b": x\n}';
  // The x is at offset 19: line 3, column 8.
  it.each([
    ['V8 ≤ 11', 'Unexpected token x in JSON at position 19'],
    ['V8 ≥ 12', `Unexpected token 'x', "{\n  "a": 1,"... is not valid JSON`],
    ['V8 ≥ 12 with line/column', 'Unexpected token \'x\' in JSON at position 19 (line 3 column 8)'],
    ['Firefox', 'JSON.parse: unexpected character at line 3 column 8 of the JSON data'],
    ['Safari (no position)', 'JSON Parse error: Unexpected identifier "x"'],
  ])('%s', (_, message) => {
    const f = describeJsonFailure(text, message);
    expect([f.line, f.column, f.offset]).toEqual([3, 8, 19]);
    expect(f.message).toContain('line 3, column 8');
    expect(f.message).not.toMatch(/position|of the JSON data|is not valid JSON/);
  });
});

describe('locateJsonError', () => {
  it('accepts valid JSON, including deep nesting without recursion', () => {
    expect(locateJsonError('{"a":[1,2,{"b":"c\\u00e9"}],"d":-1.5e3}')).toBeUndefined();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(locateJsonError(deep)).toBeUndefined();
  });
  it('finds the first bad character', () => {
    expect(locateJsonError('{"a": 01}')?.offset).toBe(7);
    expect(locateJsonError('{"a": "\\q"}')?.offset).toBe(8);
    expect(locateJsonError('[1,]')?.offset).toBe(3);
  });
});

describe('lineColumn', () => {
  it('is 1-based and treats \\r\\n as one break', () => {
    expect(lineColumn('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\rcd', 5)).toEqual({ line: 2, column: 3 });
  });
});

describe('extractJson', () => {
  const json = '{"requestId":"r-1","payload":{"action":"upiGetSessionToken","note":"a } brace and a \\" quote"}}';

  it('finds the object in a logcat line, skipping non-JSON braces', () => {
    const line = `2024-05-01 12:00:01.123 4242-4242 D/HyperSDK{main}: process called with ${json} (took 3ms)`;
    const r = extractJson(line);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(json);
    expect(line.slice(r.start, r.end)).toBe(json);
    expect(r.value).toMatchObject({ requestId: 'r-1', payload: { action: 'upiGetSessionToken' } });
    expect(r.line).toBe(1);
    expect(r.column).toBe(line.indexOf(json) + 1);
  });

  it('finds it on a later line', () => {
    const r = extractJson(`I/App: start\nI/App: got ${json}`);
    expect(r.ok && [r.line, r.column]).toEqual([2, 12]);
  });

  it('reports a truncated object with the position of the break', () => {
    const line = `D/HyperSDK: process called with ${json.slice(0, 50)}`;
    const r = extractJson(line);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/never closes|cut off/);
    expect(r.error?.line).toBe(1);
    expect(r.error?.offset).toBe(line.length);
  });

  it('reports a JSON-looking object that does not parse', () => {
    const r = extractJson(`D/x: {"a": 1,}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error?.column).toBe(14);
  });

  it('says so when there is no JSON at all', () => {
    const r = extractJson('nothing here {main} either');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/No JSON object/);
      expect(r.error).toBeUndefined();
    }
    expect(extractJson('').ok).toBe(false);
  });

  it('stays fast on pathological input', () => {
    const started = performance.now();
    extractJson('{'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('extractJson on large input', () => {
  it('skips nested candidates of a broken object and short-scans non-JSON braces', () => {
    const broken = `x {"a": ${'{"b": 1,} '.repeat(2000)}} y`;
    const started = performance.now();
    const r = extractJson(broken + ' {main}'.repeat(20_000));
    expect(r.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
