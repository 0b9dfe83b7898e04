/**
 * One fuzz case, found again from (seed, index) alone: which target, and its input. The runner's
 * watchdog rebuilds the input of a case that hung its worker this way, and every finding is saved with
 * its input for replay.
 */
import fc from 'fast-check';
import type { Corpus } from './corpus';
import { TARGETS, type Target } from './targets';

export type FindingKind = 'crash' | 'hang' | '5xx';

export interface Finding {
  kind: FindingKind;
  target: Target['name'];
  seed: number;
  index: number;
  /** What happened: the exception, the time taken, the host's answer. */
  error: string;
  ms: number;
  input: string;
}

export class CaseMaker {
  private readonly arbitraries: Array<fc.Arbitrary<string>>;
  constructor(corpus: Corpus) {
    this.arbitraries = TARGETS.map((t) => t.arbitrary(corpus));
  }

  target(index: number): Target {
    return TARGETS[index % TARGETS.length]!;
  }

  input(seed: number, index: number): string {
    // A seed per case (mixed, 32-bit): any case can be made again without the ones before it.
    const caseSeed = (seed ^ Math.imul(index + 1, 0x9e3779b1)) | 0;
    return fc.sample(this.arbitraries[index % TARGETS.length]!, { seed: caseSeed, numRuns: 1 })[0]!;
  }
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
  return String(e);
}
