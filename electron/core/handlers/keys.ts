// PLACEHOLDER — replaced by the key-vault work (issue 4).
import { InspectorError } from '../../../shared/result';
import type { PartialHandlerTable } from './types';

const todo = async (): Promise<never> => {
  throw new InspectorError('not_implemented', 'The key vault is not built yet.');
};

export const keyHandlers: PartialHandlerTable<
  'vault:status' | 'vault:unlock' | 'keys:list' | 'keys:import' | 'keys:generate' | 'keys:exportPublic' | 'keys:rename' | 'keys:delete'
> = {
  'vault:status': async (_i, ctx) => ctx.vault.status(),
  'vault:unlock': todo,
  'keys:list': todo,
  'keys:import': todo,
  'keys:generate': todo,
  'keys:exportPublic': todo,
  'keys:rename': todo,
  'keys:delete': todo,
};
