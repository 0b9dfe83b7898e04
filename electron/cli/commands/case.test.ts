import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseJson, readCaseText } from '../../../shared/case';
import { PERSONAL, RESPONSE } from '../../core/__fixtures__/case-inputs';
import { exportCase } from '../../core/cases/export';
import { cliWorkspace, expectOneLineError, PINNED, TRIPLET } from '../__fixtures__/run-cli';

const { cli, files, dir, write } = cliWorkspace('upi-cli-case-');
const NOW = '1668389349848';
const signed = await cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);
const request = write('request.json', signed.stdout);
const response = write('response.json', JSON.stringify(RESPONSE, null, 2));
const exportArgs = (out: string, ...more: string[]) => ['case', 'export', '--request', request, '--response', response, '--public-key', files.pub, '--now', NOW, '--out', out, ...more];

describe('case export', () => {
  it('writes a masked case: the request and its verdict, the response compared with it, the note', async () => {
    const run = await cli(exportArgs('masked.upicase.json', '--note', 'JP_001 since Monday'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*masked\.upicase\.json: the request \(valid\) and its response\.\nPersonal data is masked: .*1 mobile number/);
    const text = readFileSync(join(dir, 'masked.upicase.json'), 'utf8');
    const file = readCaseText(text);
    expect(file.note).toBe('JP_001 since Monday');
    expect(file.request!.verdict.valid).toBe(true);
    expect(file.response!.linkedRequestId).toBe(RESPONSE.requestId);
    expect(file.keysTried).toEqual([expect.objectContaining({ source: 'file', valid: true })]);
    expect(Object.values(PERSONAL).filter((v) => text.includes(v) || text.replace(/\\+"/g, '"').includes(v))).toEqual([]);
    expect(text).not.toContain('PRIVATE KEY');
  });

  it('refuses to run without --out, and says where it cannot write', async () => {
    const missing = await cli(['case', 'export', '--request', request]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--out <file>'/);
    expectOneLineError(await cli(exportArgs(join(dir, 'no-such-folder', 'x.upicase.json'))), 'invalid_usage', /cannot write .*x\.upicase\.json: its folder does not exist/);
  });
});

describe('verify and inspect-response read a case', () => {
  it('verify on a masked case: still valid, judged at the time it was exported', async () => {
    await cli(exportArgs('v.upicase.json'));
    const run = await cli(['verify', 'v.upicase.json', '--public-key', files.pub]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^VALID: The signature verifies/);
    expect(run.stdout).toMatch(/\ncase: +v\.upicase\.json, exported .* by UPI Inspector .* masked\)\n$/);
    const json = JSON.parse((await cli(['--json', 'verify', 'v.upicase.json', '--public-key', files.pub])).stdout);
    expect(json).toMatchObject({ valid: true, decoded: { claims: { merchantCustomerId: 'cust-42' } } });
  });

  it('verify on a fully redacted case: it cannot check, and says why (exit 2)', async () => {
    await cli(exportArgs('full.upicase.json', '--full-redaction'));
    expect(readFileSync(join(dir, 'full.upicase.json'), 'utf8')).not.toContain('cust-42');
    const run = await cli(['verify', 'full.upicase.json', '--public-key', files.pub]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^NOT VERIFIED: Not verified: the case was fully redacted, so its signature cannot be checked\.\n/);
    expect(run.stdout).toMatch(/WARN +case\.redacted +payload\.signaturePayload\n +The signature cannot be checked: this case was exported with full redaction/);
    expect(run.stdout).not.toContain('signature.invalid');
  });

  it('inspect-response on a case: its response, compared with its request', async () => {
    await cli(exportArgs('r.upicase.json'));
    const run = await cli(['--json', 'inspect-response', 'r.upicase.json']);
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout).findings as Array<{ id: string }>;
    expect(findings.map((f) => f.id)).toContain('status.meaning');
    // Compared with the case's request: a requestId typed that differs is an error.
    const other = await cli(['inspect-response', 'r.upicase.json', '--request-id', '00000000-0000-4000-8000-000000000000']);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('response.request-id-mismatch');
  });

  it('refuses a damaged case naming the field, and a case without what is asked for', async () => {
    const broken = write('broken.upicase.json', JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'v.upicase.json'), 'utf8')), version: 3 }));
    expectOneLineError(await cli(['verify', broken, '--public-key', files.pub]), 'case_invalid', /broken\.upicase\.json was written by a newer UPI Inspector \(case version 3/);
    const unknown = write('unknown.json', JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'v.upicase.json'), 'utf8')), extra: true }));
    expectOneLineError(await cli(['case', 'show', unknown]), 'case_invalid', /unknown\.json is refused: unknown field\(s\) extra\. Fix the field named/);
    const onlyResponse = exportCase({ response: { text: JSON.stringify(RESPONSE), findings: [] }, masking: 'masked' }, { app: { name: 'UPI Inspector', version: '0.1.0' }, now: Number(NOW) });
    write('response-only.upicase.json', caseJson(onlyResponse));
    expectOneLineError(await cli(['verify', 'response-only.upicase.json', '--public-key', files.pub]), 'case_incomplete', /holds no request to verify: it holds a response only\. Run inspect-response on it/);
  });
});

describe('case show and case report', () => {
  it('show prints what was exported, what was masked and the recorded verdict; --json the file', async () => {
    await cli(exportArgs('s.upicase.json', '--note', 'escalated'));
    const run = await cli(['case', 'show', 's.upicase.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^CASE +s\.upicase\.json\nexported \d{4}-.* by UPI Inspector /);
    expect(run.stdout).toContain('note:    escalated');
    expect(run.stdout).toContain('response.payload.customerMobileNumber (mobile-number)');
    expect(run.stdout).toMatch(/REQUEST, the verdict as recorded \(judged at 2022-11-14T01:29:09\.848Z\)\nVALID: /);
    expect(run.stdout).toContain('RESPONSE, compared with request 9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f');
    const json = await cli(['--json', 'case', 'show', 's.upicase.json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(join(dir, 's.upicase.json'), 'utf8')));
  });

  it('report writes Markdown or a printable HTML page with the cause, the proof, the fix and the code', async () => {
    await cli(exportArgs('rep.upicase.json'));
    const md = await cli(['case', 'report', 'rep.upicase.json']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Your upiGetSessionToken request is signed correctly\n/);
    expect(md.stdout).toContain('## Proof');
    expect(md.stdout).toContain('### Server · Node (node:crypto)');
    expect(md.stdout).toContain('### Android · Kotlin');
    const html = await cli(['case', 'report', 'rep.upicase.json', '--format', 'html', '--lang', 'java-server,openssl', '--out', 'rep.html']);
    expect(html.stdout).toMatch(/^wrote .*rep\.html \(a printable HTML page/);
    const page = readFileSync(join(dir, 'rep.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h3>Server · Java (java.security)</h3>');
    expect(page).toContain('<h3>Server · shell (openssl)</h3>');
    expectOneLineError(await cli(['case', 'report', 'rep.upicase.json', '--lang', 'ruby']), 'invalid_usage', /--lang takes stacks from kotlin, java, node, java-server, python, openssl.*"ruby" is not one/);
  });
});
