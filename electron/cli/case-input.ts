/**
 * A case file given where a request or response is expected (`verify CASE`, `inspect-response CASE`):
 * recognised by its format (or its .upicase.json name) and read strictly, so a damaged case is refused
 * naming the field instead of being inspected as a request that is not one.
 */
import { promises as fs } from 'node:fs';
import { CASE_EXTENSION, type CaseFile } from '../../shared/case/format';
import { looksLikeCase, readCaseText } from '../../shared/case/schema';
import { plural } from '../../shared/words';
import { usageError } from './errors';

/** The case in `text`, or null when the text is not a case file. */
export function caseOf(text: string, path: string): CaseFile | null {
  if (!looksLikeCase(text) && !path.toLowerCase().endsWith(CASE_EXTENSION)) return null;
  return readCaseText(text, `The case file ${path}`);
}

/** One line saying where a verdict or finding list came from. */
export function caseLine(file: CaseFile, path: string): string {
  const masked = file.masking.mode === 'full-redaction' ? 'fully redacted' : `${plural(file.masking.masked.length, 'value')} masked`;
  return `case:    ${path}, exported ${file.createdAt} by ${file.app.name} ${file.app.version} (${masked})\n`;
}

/** Writes an output file (a case, a report), or says plainly why it cannot. */
export async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await fs.writeFile(path, text, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'write error');
    throw usageError(`cannot write ${path}: ${why}.`, { fix: 'Give --out a file in a folder that exists and that you may write to.' });
  }
}
