/**
 * `npm run soak:vault -- --kills 1000 [--rounds N] [--max-delay MS]`: kills a vault writer with SIGKILL
 * at random moments and runs rounds of two concurrent CLI imports, then prints the figures (kills,
 * acknowledged saves, lost, temp files left). Exit 1 when anything was lost or left behind.
 */
import { describeSoak, soakVault } from './soak/soak';

function numberOption(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`${name} takes a whole number (got "${args[at + 1] ?? ''}").\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const kills = numberOption(args, '--kills', 1000);
  const rounds = numberOption(args, '--rounds', 40);
  const maxDelayMs = numberOption(args, '--max-delay', 40);
  const started = Date.now();
  let last = 0;
  const figures = await soakVault({
    kills,
    rounds,
    maxDelayMs,
    onProgress: (what) => {
      if (Date.now() - last < 5_000) return;
      last = Date.now();
      process.stderr.write(`… ${what}\n`);
    },
  });
  process.stdout.write(`${describeSoak(figures)}\n(${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  const bad = figures.kills.lost + figures.kills.tempFilesLeft + figures.rounds.lost + figures.kills.problems.length + figures.rounds.problems.length;
  process.exit(bad === 0 ? 0 : 1);
}

main().catch((e: unknown) => {
  process.stderr.write(`The soak could not run: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
