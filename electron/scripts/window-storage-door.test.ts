/**
 * The window keeps things through one door (renderer/src/lib/windowStorage.ts, its allow-list, which
 * keeps settings on the main side): no other module of the window touches localStorage, sessionStorage
 * or IndexedDB, and every zustand `persist` store names its storage there and is hydrated before the
 * first render (stores/persisted.ts). Together with the door's own tests and e2e/no-secrets.spec.ts, this is
 * why nothing secret lands in the browser profile or Electron's userData.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(__dirname, '../../renderer/src');
const DOOR = join('lib', 'windowStorage.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === '__fixtures__' ? [] : sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

/** The code of a file without its comments (which may name the storages). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('the window’s storage door', () => {
  const files = sources(src).map((file) => ({ name: relative(src, file), text: code(file) }));
  const door = readFileSync(join(src, DOOR), 'utf8');

  it('is the only module that touches localStorage, sessionStorage or IndexedDB', () => {
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => f.name !== DOOR && /\b(localStorage|sessionStorage|indexedDB|openDatabase|caches)\b/.test(f.text)).map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('is named by every persisted store, with a name on its allow-list', () => {
    const persisted = files.flatMap((f) => [...f.text.matchAll(/\bpersist\(/g)].map((m) => ({ file: f.name, storage: /storage: persistStorage\('([^']+)'\)/.exec(f.text.slice(m.index))?.[1] })));
    expect(persisted.map((p) => p.file).sort()).toEqual(expect.arrayContaining([join('stores', 'app.ts'), join('stores', 'envelope.ts'), join('stores', 'inspect.ts')]));
    for (const p of persisted) {
      expect(p.storage, `${p.file}: persist() without storage: persistStorage('…')`).toBeDefined();
      expect(door, `${p.file}: ${p.storage} is not on the allow-list`).toContain(`'${p.storage}': {`);
    }
    const hydrated = readFileSync(join(src, 'stores', 'persisted.ts'), 'utf8');
    for (const file of new Set(persisted.map((p) => p.file))) {
      const store = /export const (use\w+Store)\b/.exec(files.find((f) => f.name === file)!.text)?.[1];
      expect(hydrated, `${file}: ${store} is not in PERSISTED_STORES (the list whose hydration from the settings is tested)`).toMatch(new RegExp(`PERSISTED_STORES = \\[[^\\]]*\\b${store}\\b`));
    }
  });
});
