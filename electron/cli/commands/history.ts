/**
 * `history list`: search the history the window records (and `verify --save` / `inspect-response
 * --save` add to), newest first. The history is encrypted with the key vault, so reading or saving
 * needs the vault unlocked, as keys do.
 */
import { Option, type Command } from 'commander';
import { HISTORY_KINDS, type HistoryEntrySummary, type HistoryKind, type HistoryPage } from '../../../shared/history';
import { InspectorError } from '../../../shared/result';
import type { NewEntry } from '../../core/history/entries';
import type { HistoryStore } from '../../core/history/store';
import type { CliContext } from '../context';
import { EXIT, usageError } from '../errors';
import { json } from '../output';
import { callChannel, wantsJson, type RegisterCommand } from './shared';

export const SAVE_OPTION_HELP = 'record this run in the history (encrypted with the key vault, which must be unlocked)';

/** The history of the data directory, or `history_locked` saying how to unlock the vault it is sealed with. */
export async function cliHistory(ctx: CliContext): Promise<HistoryStore> {
  try {
    return (await ctx.core()).ctx.history;
  } catch (e) {
    if (e instanceof InspectorError && e.code === 'vault_locked') {
      throw new InspectorError('history_locked', `The history is encrypted with the key vault, and ${e.message.replace(/^The key vault/, 'the vault')}`);
    }
    throw e;
  }
}

/** Records one CLI run and writes it to disk before the command ends; says where on stderr (stdout stays the report). */
export async function saveRun(ctx: CliContext, history: HistoryStore, entry: NewEntry, quiet: boolean): Promise<void> {
  const saved = await history.record(entry);
  await history.flush();
  if (!quiet) ctx.io.stderr(`upi-inspector: saved to the history ${history.path ?? '(memory)'} as ${saved.id}\n`);
}

export const registerHistoryCommands: RegisterCommand = (program, { ctx, exit }) => {
  const history = program.command('history').description('the history of signs, inspections and responses the window recorded, and runs saved with --save');

  history
    .command('list')
    .description('list history entries, newest first; --query matches requestId, merchantId, kid, status, errorCode and words in the texts')
    .option('--query <text>', 'only entries matching every word of this text')
    .option('--limit <n>', 'at most this many entries (1–1000)', '50')
    .addOption(new Option('--kind <kind>', 'only entries of this kind').choices([...HISTORY_KINDS]))
    .action(async (options: { query?: string; limit: string; kind?: HistoryKind }, command: Command) => {
      const limit = Number(options.limit);
      if (!/^\d+$/.test(options.limit) || limit < 1 || limit > 1000) {
        throw usageError(`--limit takes a whole number from 1 to 1000, not "${options.limit}".`, { field: 'limit' });
      }
      await cliHistory(ctx);
      const page = await callChannel(ctx, 'history:list', { query: options.query, kind: options.kind, limit });
      if (page.status.message) ctx.io.stderr(`upi-inspector: ${page.status.message}\n`);
      ctx.io.stdout(wantsJson(command) ? json(page) : historyTable(page));
      exit(EXIT.ok);
    });
};

const VALID_WORD = (v: boolean | null) => (v === true ? 'valid' : v === false ? 'INVALID' : '-');

function historyTable(page: HistoryPage): string {
  if (page.entries.length === 0) return page.total === 0 ? 'No history entries match.\n' : `No entries on this page (${page.total} match).\n`;
  const rows = [['TIME', 'KIND', 'VERDICT', 'REQUEST ID', 'MERCHANT', 'KID', 'STATUS', 'SUMMARY']].concat(page.entries.map(row));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
  return `${table}\n${page.entries.length} of ${page.total} entr${page.total === 1 ? 'y' : 'ies'}\n`;
}

function row(e: HistoryEntrySummary): string[] {
  const status = [e.status, e.errorCode].filter(Boolean).join(' ');
  return [new Date(e.time).toISOString(), e.kind, VALID_WORD(e.valid), e.requestId ?? '-', e.merchantId ?? '-', e.kid ?? '-', status || '-', e.summary ?? ''];
}
