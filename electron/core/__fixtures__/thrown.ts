/** The InspectorError an attempt fails with; any other outcome fails the test. */
import { InspectorError } from '../../../shared/result';

export function thrown(attempt: () => unknown): InspectorError {
  try {
    attempt();
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('expected an InspectorError');
}

export async function rejection(attempt: Promise<unknown> | (() => unknown)): Promise<InspectorError> {
  try {
    await (typeof attempt === 'function' ? attempt() : attempt);
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('expected an InspectorError');
}
