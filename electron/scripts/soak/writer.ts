/**
 * The soak's writer process: opens the vault of UPI_INSPECTOR_HOME and, until it is killed, toggles the
 * keys of a pool in turn (imports one that is absent, deletes one that is present), as fast as it can.
 * It prints `begin <op> <n>` before each save and `ack <op> <n>` once the vault says it is saved, so the
 * parent knows which saves were acknowledged when its SIGKILL landed. Bundled by the soak, never shipped.
 */
import { readFileSync } from 'node:fs';
import { openVaultFromEnv } from '../../core/vault/open';

async function main(): Promise<void> {
  const pool = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[];
  const start = Number(process.argv[3] ?? 0);
  const vault = await openVaultFromEnv(process.env);
  const present = new Map((await vault.list()).map((k) => [k.label, k.id]));
  process.stdout.write('ready\n');
  for (let i = start; ; i++) {
    const n = i % pool.length;
    const label = `pool-${n}`;
    const id = present.get(label);
    if (id) {
      process.stdout.write(`begin delete ${n}\n`);
      await vault.delete(id);
      present.delete(label);
      process.stdout.write(`ack delete ${n}\n`);
    } else {
      process.stdout.write(`begin import ${n}\n`);
      const info = await vault.import({ text: pool[n]!, label });
      present.set(label, info.id);
      process.stdout.write(`ack import ${n}\n`);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`writer failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
