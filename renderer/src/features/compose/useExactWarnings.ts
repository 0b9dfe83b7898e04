import { useEffect, useState } from 'react';
import type { KeyInfo } from '../../../../shared/keys';
import type { FieldName } from '../../stores/envelope';
import type * as ExactWarnings from '../../stores/exactWarnings';

type Module = typeof ExactWarnings;
let loading: Promise<Module> | undefined;

/**
 * The exact-bytes warnings under each field, or undefined when the mode is off (or, for a moment, while
 * the inspector's rules load the first time the mode is switched on).
 */
export function useExactWarnings(on: boolean, fields: Record<FieldName, string>, signer: KeyInfo | undefined, kidOverride: string | null, now: number) {
  const [module, setModule] = useState<Module | undefined>(undefined);
  useEffect(() => {
    if (!on || module) return;
    let live = true;
    void (loading ??= import('../../stores/exactWarnings')).then((m) => live && setModule(m));
    return () => {
      live = false;
    };
  }, [on, module]);
  return on && module ? module.exactWarnings(fields, signer, kidOverride, now) : undefined;
}
