/**
 * The vault soak, small: 50 SIGKILLs of a writer at random moments of its saves, and 20 rounds of two
 * concurrent CLI imports. Without the cross-process lock the rounds lose keys; without the sweep at open
 * the kills leave temp files (holding keys deleted since); either makes this fail.
 */
import { describe, expect, it } from 'vitest';
import { describeSoak, soakVault } from './soak';

describe('npm run soak:vault, small', () => {
  it('50 kills and 20 rounds of concurrent imports: every acknowledged save survives, nothing is left behind', async () => {
    const figures = await soakVault({ kills: 50, rounds: 20 });
    process.stdout.write(`${describeSoak(figures)}\n`);
    expect([...figures.kills.problems, ...figures.rounds.problems]).toEqual([]);
    expect(figures.kills).toMatchObject({ kills: 50, lost: 0, tempFilesLeft: 0 });
    expect(figures.rounds).toMatchObject({ rounds: 20, acknowledgedImports: 40, lost: 0 });
    // The kills did land inside saves (temp files were there to sweep), and saves were acknowledged between them.
    expect(figures.kills.tempFilesAtKill).toBeGreaterThan(0);
    expect(figures.kills.acknowledgedSaves).toBeGreaterThan(50);
  }, 300_000);
});
