/**
 * Writes a generated logcat session of about N megabytes (for measuring `logs` on a large file):
 *
 *   npx tsx electron/scripts/make-log.ts --mb 200 --out /tmp/session.log [--noise 400] [--key-out /tmp/merchant.pub.pem]
 *
 * Mostly noise (`--noise` lines per call), with requests and responses in every shape, signed by a key
 * made for this run: `--key-out` writes its public key, to pass to `logs --public-key`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KID, writeLargeLog } from '../core/__fixtures__/logcat';
import { keys } from '../core/__fixtures__/request-corpus';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '200' }, out: { type: 'string' }, noise: { type: 'string', default: '400' }, 'key-out': { type: 'string' } },
});
if (!values.out || !/^\d+$/.test(values.mb) || !/^\d+$/.test(values.noise)) {
  process.stderr.write('usage: make-log.ts --mb 200 --out FILE [--noise 400] [--key-out PUB.pem]\n');
  process.exit(2);
}
const started = Date.now();
const { bytes, expected } = writeLargeLog(values.out, { mb: Number(values.mb), noise: Number(values.noise) });
if (values['key-out']) writeFileSync(values['key-out'], keys().merchant.spkiPem);
process.stdout.write(
  `${values.out}: ${(bytes / 1024 ** 2).toFixed(1)} MB, ${expected.requests} requests, ${expected.responses} responses (kid ${KID}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
