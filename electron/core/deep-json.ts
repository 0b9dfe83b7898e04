/** The depth check on JSON text, apart from the handler table so the CLI can use it without loading every handler. */
import { jsonDepthFailure } from '../../shared/json';
import { InspectorError } from '../../shared/result';
import { uncapitalise } from '../../shared/words';

/**
 * Returns `text`, or throws InspectorError `too_deep` when it holds JSON (or is a JSON string holding JSON)
 * nested deeper than MAX_JSON_DEPTH: `${what}: the JSON is nested more than 256 levels deep at line L,
 * column C …`. The CLI checks the files it reads with it.
 */
export function refuseDeepJson(text: string, what: string, field?: string): string {
  const failure = jsonDepthFailure(text);
  if (failure) throw new InspectorError('too_deep', `${what}: ${uncapitalise(failure.message)}`, { field });
  return text;
}
