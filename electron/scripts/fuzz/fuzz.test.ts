/**
 * Fuzzing in `npm test`: 10,000 cases over the one reader, the verdict (shared, and the main side's with
 * real keys), response parsing and log reading. No case may throw, break an invariant (targets.ts) or
 * take over a second (twice: once may be the machine). The long run is `npm run fuzz` (electron/scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus, type Corpus } from './corpus';
import { TARGETS } from './targets';

const CASES_PER_TARGET = 2_000;
/** Kinds of case each target must have met: the damage reaches real requests, not only noise. */
const MUST_MEET: Record<string, string[]> = {
  reader: ['source:json', 'source:log-line', 'source:compact', 'source:none'],
  verdict: ['valid:null'],
  verify: ['valid:true', 'valid:false', 'valid:null'],
  response: ['parsed:envelope', 'parsed:payload-only', 'unparsed'],
  logs: ['calls:verified', 'calls', 'no-calls'],
};
const HANG_MS = 1_000;
let corpus: Corpus;

beforeAll(async () => {
  corpus = await makeCorpus();
});

describe('fuzzing, 10,000 cases', () => {
  it('runs 10,000 cases in all', () => {
    expect(CASES_PER_TARGET * TARGETS.length).toBe(10_000);
  });

  it.each(TARGETS.map((t) => [t.name, t] as const))('%s: no crash, no broken invariant, no case over a second', (name, target) => {
    let slowest = 0;
    const met = new Set<string>();
    fc.assert(
      fc.property(target.arbitrary(corpus), (input) => {
        const timed = () => {
          const started = performance.now();
          met.add(target.run(corpus, input));
          return performance.now() - started;
        };
        // Over the limit once may be the machine (a GC pause, other processes): a hang is slow again.
        let ms = timed();
        if (ms > HANG_MS) ms = Math.min(ms, timed());
        slowest = Math.max(slowest, ms);
        if (ms > HANG_MS) throw new Error(`took ${Math.round(ms)} ms twice (over ${HANG_MS} ms)`);
      }),
      { numRuns: CASES_PER_TARGET },
    );
    expect(slowest).toBeLessThan(HANG_MS);
    expect([...met]).toEqual(expect.arrayContaining(MUST_MEET[name]!));
  }, 120_000);
});
