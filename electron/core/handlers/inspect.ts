// PLACEHOLDER — replaced by the inspect work (issue 6).
import { InspectorError } from '../../../shared/result';
import type { PartialHandlerTable } from './types';

const todo = async (): Promise<never> => {
  throw new InspectorError('not_implemented', 'The inspector is not built yet.');
};

export const inspectHandlers: PartialHandlerTable<'inspect:request' | 'inspect:response' | 'inspect:resign'> = {
  'inspect:request': todo,
  'inspect:response': todo,
  'inspect:resign': todo,
};
