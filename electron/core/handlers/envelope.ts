// PLACEHOLDER — replaced by the signer/verifier work (issue 4).
import { InspectorError } from '../../../shared/result';
import type { PartialHandlerTable } from './types';

const todo = async (): Promise<never> => {
  throw new InspectorError('not_implemented', 'The signer is not built yet.');
};

export const envelopeHandlers: PartialHandlerTable<'envelope:sign' | 'envelope:verify'> = {
  'envelope:sign': todo,
  'envelope:verify': todo,
};
