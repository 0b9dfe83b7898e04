/** Small display helpers shared by the screens. */
export { plural } from '../../../shared/words';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The first characters of a thumbprint, enough to tell keys apart at a glance. */
export function shortThumbprint(thumbprint: string, length = 10): string {
  return thumbprint.length > length ? `${thumbprint.slice(0, length)}…` : thumbprint;
}
