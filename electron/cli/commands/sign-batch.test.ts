import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase64url, rs256Sign, rs256Verify } from '../../core/jws';
import { cliWorkspace, expectOneLineError } from '../__fixtures__/run-cli';
import { signerPool } from '../sign-workers';

const { cli, files, write, merchant } = cliWorkspace('upi-cli-sign-batch-');

const claimsOf = (envelope: { payload: { signaturePayload: string } }) => JSON.parse(Buffer.from(envelope.payload.signaturePayload, 'base64url').toString());
const verifies = (envelope: { payload: { protected: string; signaturePayload: string; signature: string } }) =>
  rs256Verify(`${envelope.payload.protected}.${envelope.payload.signaturePayload}`, Buffer.from(envelope.payload.signature, 'base64url'), createPublicKey(merchant.spkiPem));

describe('sign --batch FILE.jsonl', () => {
  it('signs one envelope per line, in the input’s order, each verifying, the options being defaults for every line', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ merchantCustomerId: `cust-${i}`, ...(i % 3 === 0 ? { merchantId: `m-${i}` } : {}), ...(i === 7 ? { timestamp: 1668389349848 } : {}) }));
    const file = write('batch.jsonl', `${lines.join('\n')}\n\n`);
    const run = await cli(['sign', '--batch', file, '--merchant-id', 'stock', '--merchant-channel-id', 'stockapp', '--kid', 'uat1', '--key-file', files.key]);
    expect(run.code).toBe(0);
    const out = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(300);
    out.forEach((envelope, i) => {
      expect(claimsOf(envelope)).toEqual({ merchantId: i % 3 === 0 ? `m-${i}` : 'stock', merchantCustomerId: `cust-${i}`, merchantChannelId: 'stockapp', timestamp: i === 7 ? '1668389349848' : '1700000000000' });
      expect(JSON.parse(Buffer.from(envelope.payload.protected, 'base64url').toString())).toEqual({ kid: 'uat1', alg: 'RS256' });
    });
    expect(out.every(verifies)).toBe(true);
    expect(run.stderr).toMatch(/^upi-inspector: signed 300 envelopes in [\d.]+ s \([\d,]+\/s on \d+ threads?\)\.\n$/);
  });

  it('a bad line gets an error line in its place and a message on stderr; the rest are signed; exit 2', async () => {
    const file = write('mixed.jsonl', ['{"merchantCustomerId":"a"}', '{not json', '{"merchantCustomerId":" "}', '["x"]', '{"merchantID":"typo","merchantCustomerId":"b"}', '{"merchantCustomerId":"c"}'].join('\r\n'));
    const run = await cli(['sign', '--batch', file, '--merchant-id', 'stock', '--merchant-channel-id', 'stockapp', '--kid', 'uat1', '--key-file', files.key]);
    expect(run.code).toBe(2);
    const out = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => (o.error ? `error ${o.line} ${o.error.field ?? ''}` : claimsOf(o).merchantCustomerId))).toEqual(['a', 'error 2 ', 'error 3 merchantCustomerId', 'error 4 ', 'error 5 merchantID', 'c']);
    expect(out[2].error.message).toMatch(/^line 3: merchantCustomerId is required/);
    expect(run.stderr).toContain('upi-inspector: line 2 is not JSON. Write one JSON object of request fields per line');
    expect(run.stderr).toContain('line 5 has unknown field(s) merchantID. A line takes requestId, service, action, merchantId, merchantCustomerId, merchantChannelId, timestamp.');
    expect(run.stderr).toMatch(/signed 2 envelopes .*; 4 lines could not be signed \(see above\)\.\n$/);
  });

  it('reads stdin with -, and refuses --request-id (every envelope needs its own) and a missing file', async () => {
    const run = await cli(['sign', '--batch', '-', '--merchant-id', 'stock', '--merchant-channel-id', 'stockapp', '--kid', 'uat1', '--key-file', files.key], { stdin: '{"merchantCustomerId":"x"}\n{"merchantCustomerId":"y","requestId":"0cdd0a47-cc0a-439c-90af-0a7f59eef8a2"}\n' });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).requestId)).toEqual(['11111111-2222-4333-8444-555555555555', '0cdd0a47-cc0a-439c-90af-0a7f59eef8a2']);
    expectOneLineError(await cli(['sign', '--batch', '-', '--request-id', '0cdd0a47-cc0a-439c-90af-0a7f59eef8a2', '--kid', 'k', '--key-file', files.key]), 'invalid_usage', /--request-id cannot be used with --batch/);
    expectOneLineError(await cli(['sign', '--batch', 'nowhere.jsonl', '--kid', 'k', '--key-file', files.key]), 'invalid_usage', /cannot read the batch file .*nowhere\.jsonl: no such file/);
  });

  it('the signing threads sign byte for byte what rs256Sign signs', async () => {
    const key = createPrivateKey(merchant.pkcs8Pem);
    const pool = signerPool(key, 2);
    try {
      const inputs = Array.from({ length: 20 }, (_, i) => `eyJraWQiOiJrIn0.${encodeBase64url(`claims ${i} é`)}`);
      const [a, b] = await Promise.all([pool.sign(inputs.slice(0, 10)), pool.sign(inputs.slice(10))]);
      expect([...a, ...b]).toEqual(inputs.map((input) => encodeBase64url(rs256Sign(input, key))));
    } finally {
      await pool.close();
    }
  });
});
