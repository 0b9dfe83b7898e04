/**
 * `inspect-response`: reads an SDK response and prints the same findings the Response screen shows
 * (`--json`: the channel's verdict, `{ findings, shape, source }`). The requestId is compared only with
 * a `--request-id` given, as the screen compares it only with the request it is linked to.
 * Exit 0 when no finding is an error, 1 when one is, 2 when the file cannot be read.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Finding } from '../../../shared/diagnostics/types';
import { responseFacts } from '../../../shared/history';
import { parseResponseText } from '../../../shared/response';
import { responseRecording } from '../../core/history/recordings';
import { caseResponseOf } from '../../core/cases/verify';
import { inspectResponse } from '../../core/inspect';
import { caseLine, caseOf } from '../case-input';
import { EXIT } from '../errors';
import { findingsReport, hasErrors, json } from '../output';
import { cliHistory, SAVE_OPTION_HELP, saveRun } from './history';
import { wantsJson, type RegisterCommand } from './shared';

export const registerInspectResponseCommand: RegisterCommand = (program, { ctx, exit }) => {
  program
    .command('inspect-response')
    .description('explain a upiGetSessionToken response: status and next step, error code, accounts. Exit 0 fine, 1 error findings, 2 bad input')
    .argument('<file>', 'the response JSON (or a log line holding it), a case file (.upicase.json: its response, compared with its request), or - for stdin')
    .option('--request-id <uuid>', 'the request this response should answer; without it the requestId is not compared')
    .option('--save', SAVE_OPTION_HELP)
    .action(async (file: string, options: { requestId?: string; save?: boolean }, command: Command) => {
      const input = await ctx.readInput(file, 'response');
      const caseFile = caseOf(input, file);
      const response = caseFile ? caseResponseOf(caseFile, `The case file ${file}`) : undefined;
      const text = response?.text ?? input;
      // A case's response is compared with the request it was linked to, unless told otherwise.
      const requestId = options.requestId ?? response?.linkedRequestId ?? undefined;
      const history = options.save ? await cliHistory(ctx) : null;
      const inspection = inspectResponse({ text, requestId });
      if (history) await saveRun(ctx, history, responseEntry(text, requestId, inspection.findings), wantsJson(command));
      ctx.io.stdout(wantsJson(command) ? json(inspection) : `${findingsReport(inspection.findings)}${caseFile ? caseLine(caseFile, file) : ''}`);
      exit(hasErrors(inspection.findings) ? EXIT.invalid : EXIT.ok);
    });
};

function responseEntry(text: string, linkedRequestId: string | undefined, findings: Finding[]) {
  const facts = responseFacts(parseResponseText(text), findings);
  return responseRecording({ draftId: randomUUID(), text, ...facts, linkedRequestId: linkedRequestId ?? null }, 'cli');
}
