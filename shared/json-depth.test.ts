import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestedDeeperThan, tooDeepAt } from './json-depth';

describe('tooDeepAt', () => {
  it('passes text exactly at the limit and points at the opener one past it', () => {
    expect(tooDeepAt('[[[]]]', 3)).toBeUndefined();
    expect(tooDeepAt('[[[[]]]]', 3)).toBe(3);
    expect(tooDeepAt('{"a":{"b":[1]}}', 3)).toBeUndefined();
    expect(tooDeepAt('{"a":{"b":[{}]}}', 3)).toBe(11);
    expect(tooDeepAt('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
    expect(tooDeepAt('['.repeat(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
  });

  it('measures depth, not how many containers there are', () => {
    expect(tooDeepAt('[[],[],[],[],{},{"a":1}]', 2)).toBeUndefined();
    expect(tooDeepAt('[1,2]'.repeat(10_000), 1)).toBeUndefined();
  });

  it('does not count brackets inside strings, with escaped quotes and backslashes', () => {
    expect(tooDeepAt('["[[[[{{{{"]', 1)).toBeUndefined();
    expect(tooDeepAt('["a \\"[[[[\\" b"]', 1)).toBeUndefined();
    // `\\` is an escaped backslash: the quote after it ends the string, so the [ after that counts.
    expect(tooDeepAt('["\\\\", [[]]]', 2)).toBe(8);
    expect(tooDeepAt('{"}}}}": {"]]]": []}}', 3)).toBeUndefined();
  });

  it('reads text as jsonc-parser does: a raw line break ends a string, comments do not count', () => {
    expect(tooDeepAt('["a\n[[', 2)).toBe(5);
    expect(tooDeepAt('[/* [[[ " */ [[', 2)).toBe(14);
    expect(tooDeepAt('[// [[[ "\n[[', 2)).toBe(11);
  });

  it('counts a closer only when it matches the innermost opener', () => {
    expect(tooDeepAt('[}[', 1)).toBe(2);
    expect(tooDeepAt('{]{', 1)).toBe(2);
    expect(tooDeepAt('[]{}[]', 1)).toBeUndefined();
  });

  it('scans a 16 MB response in linear time', () => {
    const text = `{"accounts":[${'{"bankAccountUniqueId":"x[{","mpinLength":6},'.repeat(360_000)}{}]}`;
    const started = performance.now();
    expect(tooDeepAt(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('nestedDeeperThan', () => {
  const nest = (n: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };

  it('is false at the limit and true one past it', () => {
    expect(nestedDeeperThan(nest(10), 10)).toBe(false);
    expect(nestedDeeperThan(nest(11), 10)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan(null, 0)).toBe(false);
  });

  it('walks 100,000 levels without running out of stack', () => {
    expect(nestedDeeperThan(nest(100_000), MAX_JSON_DEPTH)).toBe(true);
  });

  it('calls a cycle too deep, and does not walk into buffers', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(nestedDeeperThan(a, 50)).toBe(true);
    expect(nestedDeeperThan({ bytes: new Uint8Array(1_000_000) }, 1)).toBe(false);
  });
});
