/** A safe file name from a kid or label. */
export function fileSafe(name: string, fallback = 'key'): string {
  const cleaned = name.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '');
  return cleaned || fallback;
}
