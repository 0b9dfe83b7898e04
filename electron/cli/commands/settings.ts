/** `settings show | reset`: the window's settings (theme, screen, Compose form, table layouts) in the data folder. */
import type { Command } from 'commander';
import type { Settings } from '../../../shared/settings';
import { SettingsStore } from '../../core/settings';
import { resolveDataDir } from '../../core/vault/store';
import { EXIT } from '../errors';
import { json } from '../output';
import { wantsJson, type RegisterCommand } from './shared';

/** One line per setting kept, e.g. `app.theme: "light"`; a table's layout on one line. */
function describeSettings(settings: Settings): string[] {
  const lines: string[] = [];
  for (const section of ['app', 'compose', 'inspect'] as const) {
    for (const [field, value] of Object.entries(settings[section])) {
      const shown = typeof value === 'string' && value.length > 80 ? `${JSON.stringify(value.slice(0, 77))}… (${value.length} characters)` : JSON.stringify(value);
      lines.push(`${section}.${field}: ${shown}`);
    }
  }
  if (settings.snippetLang) lines.push(`snippetLang: ${JSON.stringify(settings.snippetLang)}`);
  for (const [table, layout] of Object.entries(settings.tables)) lines.push(`tables.${table}: ${JSON.stringify(layout)}`);
  return lines;
}

export const registerSettingsCommands: RegisterCommand = (program, { ctx, exit }) => {
  const settings = program.command('settings').description("the window's settings kept in the data folder: theme, last screen, Compose form, table layouts");
  const store = () => new SettingsStore(resolveDataDir(ctx.io.env), ctx.io.now);

  settings
    .command('show')
    .description('print the settings kept (and say if the file was damaged and set aside)')
    .action(async (_options: unknown, command: Command) => {
      const kept = store();
      const answer = await kept.get();
      if (wantsJson(command)) ctx.io.stdout(json({ path: kept.path, ...answer }));
      else {
        const lines = describeSettings(answer.settings);
        ctx.io.stdout(`${kept.path}: ${lines.length === 0 ? 'the defaults (nothing kept)' : `${lines.length} setting${lines.length === 1 ? '' : 's'}`}\n${lines.map((l) => `  ${l}\n`).join('')}`);
        if (answer.notice) ctx.io.stderr(`${answer.notice}\n`);
      }
      exit(EXIT.ok);
    });

  settings
    .command('reset')
    .description('forget every setting: the window opens with the defaults (keys, profiles and history are not touched)')
    .action(async (_options: unknown, command: Command) => {
      const kept = store();
      const answer = await kept.reset();
      ctx.io.stdout(wantsJson(command) ? json({ path: kept.path, ...answer }) : `Reset the settings at ${kept.path}: the window opens with the defaults. Keys, profiles and history are not touched.\n`);
      exit(EXIT.ok);
    });
};
