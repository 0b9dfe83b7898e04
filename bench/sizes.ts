/** How big the bench's inputs are and how many runs it takes: full (the sizes) or tiny (npm test). */
export interface Sizes {
  name: 'full' | 'tiny';
  /** Runs per figure (its median is reported). */
  runs: number;
  /** The response's VPAs × accounts per VPA: 100 × 100 is the 10,000-account response. */
  vpas: number;
  accountsPerVpa: number;
  logMb: number;
  historyEntries: number;
  batchLines: number;
  /** How long each throughput loop runs, ms. */
  loopMs: number;
  opensslSeconds: number;
  keystrokes: number;
  /** Single CLI runs per median. */
  cliRuns: number;
}

export const FULL: Sizes = {
  name: 'full',
  runs: 5,
  vpas: 100,
  accountsPerVpa: 100,
  logMb: 200,
  historyEntries: 10_000,
  batchLines: 20_000,
  loopMs: 2_000,
  opensslSeconds: 4,
  keystrokes: 30,
  cliRuns: 15,
};

export const TINY: Sizes = {
  name: 'tiny',
  runs: 1,
  vpas: 5,
  accountsPerVpa: 4,
  logMb: 1,
  historyEntries: 200,
  batchLines: 20,
  loopMs: 100,
  opensslSeconds: 1,
  keystrokes: 3,
  cliRuns: 2,
};
