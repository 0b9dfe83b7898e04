import { describe, expect, it } from 'vitest';
import { extractJson, jsonDepthFailure, lineColumn, MAX_JSON_DEPTH, parseJson } from './json';

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

  // One of every kind of mistake: where it is (1-based line and column), and the words for it.
  it.each([
    ['a trailing comma in an object', '{\n  "a": 1,\n  }', 3, 3, /Expected a property name.*remove the trailing comma/],
    ['a trailing comma in an array', '[1,\n2,\n]', 3, 1, /Expected a value.*remove the trailing comma/],
    ['a missing value', '{\n  "requestId": "x",\n  "service": }', 3, 14, /Expected a value/],
    ['a missing colon', '{"a" 1}', 1, 6, /Expected ':' after the property name/],
    ['a missing comma between properties', '{"a": 1 "b": 2}', 1, 9, /Expected ',' or '\}' after a property value/],
    ['a missing comma between elements', '[1 2]', 1, 4, /Expected ',' or '\]' after an array element/],
    ['an unquoted property name', '{a: 1}', 1, 2, /property names must be in double quotes/],
    ['single quotes', "{'a': 1}", 1, 2, /double quotes, not single quotes/],
    ['a word that is not a value', '{"a": NaN}', 1, 7, /Unexpected `NaN`.*a JSON value is/],
    ['a leading zero', '{"a": 07}', 1, 8, /does not start with 0/],
    ['an unfinished number', '{"a": 1.}', 1, 9, /Unfinished number/],
    ['a raw tab in a string', '{"a": "x\ty"}', 1, 9, /must be escaped/],
    ['a raw line break in a string', '{"a": "x\ny"}', 1, 9, /Raw line break inside a string/],
    ['a bad escape', '{"a": "\\q"}', 1, 9, /Bad escape \\q/],
    ['a bad \\u escape', '{"a": "\\u12"}', 1, 12, /four hex digits/],
    ['a comment', '{"a": 1 // note\n}', 1, 9, /Comments are not allowed/],
    ['text after the JSON', '{"a":1} x', 1, 9, /Unexpected text after the JSON.*paste one JSON object only/],
    ['a second object', '{"a":1}\n{"b":2}', 2, 1, /after the JSON/],
    ['a cut-off object', '{"a": [1, 2', 1, 12, /text ends before the JSON is complete.*logcat/],
    ['a cut-off string', '{"a": "abc', 1, 11, /Unterminated string.*cut off/],
    ['a cut-off literal', '{"a": tru', 1, 10, /Unfinished `tru`.*cut off/],
    ['a misspelt literal', '{"a": nul }', 1, 7, /Unexpected `nul`.*did you mean null\?/],
    ['CRLF line endings', '{\r\n"a": 1,\r\n"b": }', 3, 6, /Expected a value/],
    ['CR line endings', '{\r"a": 1,\r"b": }', 3, 6, /Expected a value/],
  ])('%s', (_, text, line, column, words) => {
    const f = failure(text);
    expect([f.line, f.column]).toEqual([line, column]);
    expect(f.message).toContain(`at line ${line}, column ${column}`);
    expect(f.message).toMatch(words);
    expect(f.depthLimit).toBeUndefined();
  });

  it('counts columns in UTF-16 units, as an editor does', () => {
    // é is one unit and 😀 two (a surrogate pair): eight units before the }.
    expect(failure('{"é😀": }').column).toBe(9);
  });

  it('says when the input is empty', () => {
    expect(failure('   ').message).toMatch(/empty/);
    expect(failure('').message).toMatch(/empty/);
  });

  it('counts a leading byte-order mark in the offset', () => {
    const f = failure('\uFEFF{"a": }');
    expect(f.offset).toBe(7);
    expect(f.column).toBe(8);
  });
});

describe('parseJson refuses JSON nested too deep', () => {
  const nest = (n: number, inner = '1') => '{"a":'.repeat(n) + inner + '}'.repeat(n);

  it(`reads ${MAX_JSON_DEPTH} levels, refuses ${MAX_JSON_DEPTH + 1} and says where`, () => {
    expect(parseJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(parseJson(nest(MAX_JSON_DEPTH - 1, '[]')).ok).toBe(true);
    const f = failure(nest(MAX_JSON_DEPTH, '[]'));
    expect(f.depthLimit).toBe(MAX_JSON_DEPTH);
    expect(f.offset).toBe(MAX_JSON_DEPTH * 5); // the [ that opens level 257
    expect([f.line, f.column]).toEqual([1, MAX_JSON_DEPTH * 5 + 1]);
    expect(f.message).toContain(`more than ${MAX_JSON_DEPTH} levels deep at line 1, column ${MAX_JSON_DEPTH * 5 + 1}`);
  });

  it('refuses 100,000 levels of arrays or objects quickly, valid or broken, without running out of stack', () => {
    const started = performance.now();
    for (const text of ['['.repeat(100_000) + ']'.repeat(100_000), nest(100_000), '['.repeat(100_000), `{"a": x, "b": ${'['.repeat(100_000)}`]) {
      expect(failure(text).depthLimit).toBe(MAX_JSON_DEPTH);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  // Broken texts whose brackets a naive scan (strings only) would not count, but which jsonc-parser, the
  // recursive error locator, would descend into: each must be refused, not overflow the stack.
  it.each([
    ['a string cut by a raw line break', '["a\n' + '['.repeat(100_000)],
    ['a quote inside a block comment', '[/* " */' + '['.repeat(100_000)],
    ['a quote inside a line comment', '[// "\n' + '['.repeat(100_000)],
    ['mismatched closers between openers', '[' + '},['.repeat(100_000)],
  ])('%s', (_, text) => {
    expect(failure(text).depthLimit).toBe(MAX_JSON_DEPTH);
  });

  it('leaves JSON held in a string to the reader that unwraps it; jsonDepthFailure looks inside', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const stringified = `  ${JSON.stringify(JSON.stringify(deep))}`;
    expect(parseJson(stringified).ok).toBe(true);
    const f = jsonDepthFailure(stringified);
    expect(f).toMatchObject({ line: 1, column: 3, offset: 2, depthLimit: MAX_JSON_DEPTH });
    expect(f?.message).toMatch(/^The JSON string at line 1, column 3 holds JSON nested more than 256 levels deep at line 1, column 257 of that JSON/);
    expect(jsonDepthFailure(deep)?.column).toBe(257);
    expect(jsonDepthFailure(JSON.stringify('{"a": [[1]]}'))).toBeUndefined();
  });

  it('jsonDepthFailure finds deep JSON in a string anywhere inside, stringified once or more', () => {
    const deep = '{"protected":' + '['.repeat(300) + ']'.repeat(300) + '}';
    const envelope = JSON.stringify({ requestId: 'r', payload: deep });
    const f = jsonDepthFailure(envelope);
    expect(f).toMatchObject({ line: 1, column: envelope.indexOf('"{') + 1, depthLimit: MAX_JSON_DEPTH });
    expect(f?.message).toMatch(/holds JSON nested more than 256 levels deep at line 1, column 269 of that JSON/);
    const twice = `{\n  "event": ${JSON.stringify(JSON.stringify(JSON.stringify({ payload: JSON.parse(deep) })))}}`;
    expect(jsonDepthFailure(twice)).toMatchObject({ line: 2, column: 12 });
    expect(jsonDepthFailure(JSON.stringify({ note: ` \n ${deep}` }))?.depthLimit).toBe(MAX_JSON_DEPTH);
    // Strings that merely contain brackets are not JSON to unwrap.
    expect(jsonDepthFailure(JSON.stringify({ note: `see ${deep}` }))).toBeUndefined();
    expect(jsonDepthFailure('not JSON at all')).toBeUndefined();
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

describe('extractJson and deep JSON', () => {
  const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;

  it('refuses an object nested too deep in a log line, saying where in the whole text', () => {
    const r = extractJson(`I/App: start\nD/HyperSDK: got ${deep} done`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/too deep to read: The JSON is nested more than 256 levels deep at line 2, column 277/);
    expect(r.error).toMatchObject({ line: 2, column: 277, depthLimit: MAX_JSON_DEPTH });
  });

  it('says a cut-off object is too deep rather than cut off, when it is', () => {
    const r = extractJson(`D/HyperSDK: got ${deep.slice(0, 50_000)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/^The JSON is nested more than 256 levels deep/);
      expect(r.error?.depthLimit).toBe(MAX_JSON_DEPTH);
    }
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
