/**
 * Every error code the app makes is in shared/errors.ts, and every entry there is still made somewhere.
 * tsc already refuses an unknown code at each InspectorError, err() and refuse(); this also reads the
 * places it cannot type (an error written into JSON text by hand) and finds entries left behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors';

const root = resolve(__dirname, '../..');

/** Every source file (not tests, not fixtures) of the app's three sides, but the catalogue itself. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === '__fixtures__' ? [] : sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && path !== join('shared', 'errors.ts') ? [path] : [];
  });
}
const texts = ['electron', 'shared', 'renderer/src'].flatMap(sources).map((f) => readFileSync(join(root, f), 'utf8'));

describe('the error catalogue and the code', () => {
  it('holds every code the app makes', () => {
    const made = new Set<string>(['invalid_usage']); // usageError()
    const patterns = [
      /new InspectorError\(\s*'([a-z_]+)'/g,
      /\berr\(\s*'([a-z_]+)'/g,
      /\brefuse\(\s*res,\s*(?:[^,'?]+\?\s*'([a-z_]+)'\s*:\s*)?'([a-z_]+)'/g,
      /\berror: \{ code: '([a-z_]+)'/g,
    ];
    for (const text of texts) {
      for (const pattern of patterns) for (const m of text.matchAll(pattern)) for (const code of m.slice(1)) if (code) made.add(code);
    }
    expect(made.size).toBeGreaterThan(30);
    expect([...made].filter((c) => !Object.hasOwn(ERRORS, c))).toEqual([]);
  });

  it('holds no code the app never makes', () => {
    const unused = Object.keys(ERRORS).filter((code) => !texts.some((t) => t.includes(`'${code}'`)));
    expect(unused).toEqual([]);
  });
});
