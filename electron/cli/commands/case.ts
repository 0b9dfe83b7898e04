/**
 * `case`: a ticket's evidence as one file. `case export` judges a request as `verify` does (and a
 * response as `inspect-response` does, compared with it), masks the personal data and writes a
 * `.upicase.json`; `case show` reads one back; `case report` writes the merchant-ready report from it.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { caseJson, caseReport, readCaseText, REPORT_FORMATS, reportFileName, type CaseFile, type ReportFormat } from '../../../shared/case';
import { isSnippetLang, SNIPPET_LANGS, type SnippetLang } from '../../../shared/snippets';
import { verdictLabel } from '../../../shared/logs/rows';
import { plural } from '../../../shared/words';
import { APP_NAME } from '../../core';
import { exportCase } from '../../core/cases/export';
import { inspectResponse, verifyRequestText } from '../../core/inspect';
import type { CliContext } from '../context';
import { writeOutput } from '../case-input';
import { EXIT, usageError } from '../errors';
import { findingsReport, json, verdictReport } from '../output';
import { chosenProfileScope } from '../profiles';
import type { RegisterCommand } from './shared';
import { wantsJson } from './shared';
import { fileKeySet, referenceTime, vaultKeySet } from './verify';

interface ExportOptions {
  request: string;
  response?: string;
  profile?: string;
  note?: string;
  fullRedaction?: boolean;
  publicKey?: string;
  now?: string;
  out: string;
}

export const registerCaseCommands: RegisterCommand = (program, { ctx, exit }) => {
  const group = program.command('case').description('case files (.upicase.json): export a masked case, show one, write the merchant report from one');

  group
    .command('export')
    .description('judge a request (and its response) and write them, masked, as one case file')
    .requiredOption('--request <file>', 'the request, as verify reads it (- for stdin)')
    .option('--response <file>', 'the SDK response to this request')
    .option('--profile <name>', 'answer with this profile; the case describes it (name, merchant, registered kids and thumbprints; no keys)')
    .option('--note <text>', 'a free-text note kept in the case')
    .option('--full-redaction', 'also mask merchantCustomerId inside the signed claims (the signature can then no longer be checked)')
    .option('--public-key <file>', 'verify with this public key instead of the vault')
    .option('--now <ms>', 'reference time for the timestamp checks, epoch ms (default: now)')
    .requiredOption('--out <file>', 'where to write the case (name it *.upicase.json)')
    .action(async (options: ExportOptions, command: Command) => {
      const now = referenceTime(options.now, ctx.io.now());
      const text = await ctx.readInput(options.request, 'request');
      const responseText = options.response === undefined ? undefined : await ctx.readInput(options.response, 'response');
      const scope = options.profile === undefined ? undefined : await chosenProfileScope(ctx, options.profile);
      const keys = options.publicKey ? await fileKeySet(await ctx.readInput(options.publicKey, 'public key file'), options.publicKey) : await vaultKeySet(ctx);
      const verdict = verifyRequestText(text, keys, now, scope);
      const linked = verdict.decoded.requestId ?? null;
      const file = exportCase(
        {
          request: { text, referenceMs: now, verdict },
          ...(responseText === undefined ? {} : { response: { text: responseText, findings: inspectResponse({ text: responseText, requestId: linked ?? undefined }).findings, linkedRequestId: linked } }),
          ...(scope?.choice.mode === 'chosen' ? { profile: scope.choice.profile } : {}),
          ...(options.note === undefined ? {} : { note: options.note }),
          masking: options.fullRedaction ? 'full-redaction' : 'masked',
        },
        { app: { name: APP_NAME, version: ctx.version }, now: ctx.io.now() },
      );
      const path = resolve(ctx.io.cwd, options.out);
      await writeOutput(path, caseJson(file));
      ctx.io.stdout(
        wantsJson(command)
          ? json({ path, masking: file.masking, valid: verdict.valid, cause: verdict.cause ?? null })
          : `wrote ${path}: the request (${verdictLabel({ valid: verdict.valid, tone: verdict.summary.tone, headline: verdict.summary.headline, ...(verdict.cause ? { cause: verdict.cause } : {}) })})${file.response ? ' and its response' : ''}.\n${file.masking.statement}\n`,
      );
      exit(EXIT.ok);
    });

  group
    .command('show')
    .description('print a case: when and by what it was exported, what was masked, the recorded verdict, the response, the log session')
    .argument('<file>', 'the case file')
    .action(async (file: string, _options: unknown, command: Command) => {
      const caseFile = await readCase(ctx, file);
      ctx.io.stdout(wantsJson(command) ? json(caseFile) : showCase(caseFile, file));
      exit(EXIT.ok);
    });

  group
    .command('report')
    .description('write the merchant-ready report of a case: the root cause, the proof, the fix and the code for their stack')
    .argument('<file>', 'the case file')
    .addOption(new Option('--format <format>', 'Markdown or a printable HTML page').choices(REPORT_FORMATS).default('md'))
    .option('--lang <langs>', `code for these stacks, comma-separated (${SNIPPET_LANGS.join(', ')})`, 'node,kotlin')
    .option('--out <file>', 'save the report to this file instead of printing it')
    .action(async (file: string, options: { format: ReportFormat; lang: string; out?: string }) => {
      const caseFile = await readCase(ctx, file);
      const report = caseReport(caseFile, options.format, parseLangs(options.lang));
      if (options.out === undefined) ctx.io.stdout(report);
      else {
        const path = resolve(ctx.io.cwd, options.out);
        await writeOutput(path, report);
        ctx.io.stdout(`wrote ${path} (${options.format === 'html' ? 'a printable HTML page' : 'Markdown'}; e.g. ${reportFileName(file, options.format)})\n`);
      }
      exit(EXIT.ok);
    });
};

async function readCase(ctx: CliContext, file: string): Promise<CaseFile> {
  return readCaseText(await ctx.readInput(file, 'case file'), `The case file ${file}`);
}

function parseLangs(raw: string): SnippetLang[] {
  const langs = raw.split(',').map((l) => l.trim()).filter(Boolean);
  const unknown = langs.filter((l) => !isSnippetLang(l));
  if (unknown.length || langs.length === 0) {
    throw usageError(`--lang takes stacks from ${SNIPPET_LANGS.join(', ')}, comma-separated; "${unknown.join(', ') || raw}" is not one.`, { field: 'lang', fix: 'For example: --lang node,kotlin' });
  }
  return [...new Set(langs)] as SnippetLang[];
}

function showCase(file: CaseFile, path: string): string {
  const lines = [`CASE     ${path}`, `exported ${file.createdAt} by ${file.app.name} ${file.app.version}`];
  if (file.note) lines.push(`note:    ${file.note.replace(/\n/g, '\n         ')}`);
  lines.push(`masking: ${file.masking.mode}: ${file.masking.statement}`);
  for (const m of file.masking.masked.slice(0, 50)) lines.push(`         ${m.path} (${m.rule})`);
  if (file.masking.masked.length > 50) lines.push(`         … and ${plural(file.masking.masked.length - 50, 'more path')}`);
  if (file.profile) {
    const p = file.profile;
    lines.push(`profile: ${p.name} (${p.environment}): merchantId ${p.merchantId}, channel ${p.merchantChannelId}`);
    for (const k of p.registeredKeys) lines.push(`         Juspay holds kid ${k.kid}: thumbprint ${k.thumbprint}`);
  }
  for (const k of file.keysTried) lines.push(`key:     ${k.valid ? 'verified' : 'did not verify'}  "${k.label}" (kid ${k.kid || 'not set'}, ${k.bits}-bit, thumbprint ${k.thumbprint})`);
  let out = `${lines.join('\n')}\n`;
  if (file.request) out += `\nREQUEST, the verdict as recorded (judged at ${new Date(file.request.referenceMs).toISOString()})\n${verdictReport(file.request.verdict)}`;
  if (file.response) out += `\nRESPONSE${file.response.linkedRequestId ? `, compared with request ${file.response.linkedRequestId}` : ''}\n${findingsReport(file.response.findings)}`;
  if (file.session) {
    const s = file.session;
    out += `\nLOG ${s.source.name}: ${plural(s.log.counts.requests, 'request')}, ${plural(s.log.counts.responses, 'response')}, ${s.log.counts.paired} paired\n`;
    for (const c of s.log.calls) out += `  line ${c.request?.line ?? c.response?.line}  ${c.request?.requestId ?? c.response?.requestId ?? '-'}  ${verdictLabel(c.request?.verdict)}  ${c.response?.status ?? (c.response ? '' : 'no response')}\n`;
    out += findingsReport(s.log.findings);
  }
  return out;
}
