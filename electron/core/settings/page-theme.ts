/**
 * The kept theme written into the page itself (`<html data-theme="light">`) by both doors as they serve
 * index.html, so even the blank page before the window's script runs has the right colours. A read
 * with no side effects: a damaged file is left for the settings store to set aside and report.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SETTINGS_FILE_NAME, THEMES } from '../../../shared/settings';
import { isRecord } from '../../../shared/guards';

export type PageTheme = (typeof THEMES)[number];

/** The theme kept in `<dataDir>/settings.json`, or null (none, or unreadable). */
export async function keptTheme(dataDir: string): Promise<PageTheme | null> {
  try {
    const raw: unknown = JSON.parse(await readFile(join(dataDir, SETTINGS_FILE_NAME), 'utf8'));
    const theme = isRecord(raw) && isRecord(raw.app) ? raw.app.theme : undefined;
    return (THEMES as readonly unknown[]).includes(theme) ? (theme as PageTheme) : null;
  } catch {
    return null;
  }
}

/** index.html with `data-theme` on its `<html>` tag; unchanged when there is no theme or no such tag. */
export function withPageTheme(html: Buffer, theme: PageTheme | null): Buffer {
  if (theme === null) return html;
  const text = html.toString('utf8');
  const themed = text.replace(/<html(?![^>]*data-theme)([^>]*)>/i, `<html$1 data-theme="${theme}">`);
  return themed === text ? html : Buffer.from(themed, 'utf8');
}
