/**
 * `snippet`: the code that builds this upiGetSessionToken request in the merchant's stack, from the same
 * field options as `sign` (no key: the code reads the merchant's own key file when it runs).
 */
import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { ACTION, SERVICE } from '../../../shared/envelope';
import { InspectorError } from '../../../shared/result';
import { generateSnippet, SNIPPET_LANGS, type Snippet, type SnippetLang } from '../../../shared/snippets';
import { EXIT, usageError } from '../errors';
import { json } from '../output';
import { wantsJson, type RegisterCommand } from './shared';
import { OPTION_OF, parseFields } from './sign';

interface SnippetOptions {
  lang: SnippetLang;
  merchantId: string;
  merchantCustomerId: string;
  merchantChannelId: string;
  kid: string;
  timestamp?: string;
  requestId?: string;
  service: string;
  action: string;
  out?: string;
}

export const registerSnippetCommand: RegisterCommand = (program, { ctx, exit }) => {
  program
    .command('snippet')
    .description('print code that builds this request: the Android SDK call (kotlin, java) or a server-side signer that prints the envelope (node, java-server, python, openssl)')
    .addOption(new Option('--lang <lang>', 'language of the code').choices(SNIPPET_LANGS).makeOptionMandatory())
    .requiredOption('--merchant-id <id>', 'merchantId issued by Juspay')
    .requiredOption('--merchant-customer-id <id>', 'the merchant’s profile id for the customer')
    .requiredOption('--merchant-channel-id <id>', 'merchantChannelId issued by Juspay')
    .requiredOption('--kid <kid>', 'header kid Juspay issued for the merchant’s key')
    .option('--timestamp <ms>', 'epoch milliseconds to pin (default: now)')
    .option('--request-id <uuid>', 'uuid v4 to pin (default: a fresh one)')
    .option('--service <service>', 'envelope service', SERVICE)
    .option('--action <action>', 'payload action', ACTION)
    .option('--out <file>', 'save the code to this file instead of printing it')
    .action(async (options: SnippetOptions, command: Command) => {
      const fields = parseFields(options, ctx);
      const snippet = generate(options.lang, { ...fields, kid: options.kid.trim() });
      if (options.out !== undefined) {
        const path = await save(resolve(ctx.io.cwd, options.out), snippet.code);
        ctx.io.stdout(wantsJson(command) ? json({ ...snippet, path }) : `${savedLine(snippet, path)}\n`);
      } else {
        ctx.io.stdout(wantsJson(command) ? json(snippet) : snippet.code);
      }
      exit(EXIT.ok);
    });
};

/** The generator's refusals name the field; here they name the option too. */
function generate(lang: SnippetLang, request: Parameters<typeof generateSnippet>[1]): Snippet {
  try {
    return generateSnippet(lang, request);
  } catch (e) {
    const option = e instanceof InspectorError && e.field ? OPTION_OF[e.field] : undefined;
    if (e instanceof InspectorError && option) throw new InspectorError(e.code, e.message, { field: e.field, fix: `Fix ${option} and run the command again.` });
    throw e;
  }
}

async function save(path: string, code: string): Promise<string> {
  try {
    await fs.writeFile(path, code, { encoding: 'utf8', mode: code.startsWith('#!') ? 0o755 : 0o644 });
    return path;
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : ((e as NodeJS.ErrnoException).code ?? 'write error');
    throw usageError(`cannot write ${path}: ${why}.`, { fix: 'Give --out a file in a folder that exists and that you may write to.' });
  }
}

/** "wrote PATH (Server · Node (node:crypto)); run: node PATH PRIVATE_KEY.pem" */
function savedLine(snippet: Snippet, path: string): string {
  if (snippet.side === 'server') return `wrote ${path} (${snippet.label}); run: ${snippet.usage.replace(snippet.fileName, path)}`;
  const rename = snippet.lang === 'java' && basename(path) !== snippet.fileName ? ` javac needs it named ${snippet.fileName}.` : '';
  return `wrote ${path} (${snippet.label}). ${snippet.usage}${rename}`;
}
