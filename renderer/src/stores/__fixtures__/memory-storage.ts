/** A Storage in memory: the stores persist through (window.)localStorage, which Vitest's Node has not. */
export function memoryStorage(): Storage {
  const stored = new Map<string, string>();
  return {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
    clear: () => stored.clear(),
    key: (index: number) => [...stored.keys()][index] ?? null,
    get length() {
      return stored.size;
    },
  };
}
