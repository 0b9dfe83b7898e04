import { describe, expect, it } from 'vitest';
import { parser } from '@lezer/json';
import { jsonPathAt } from './jsonPath';

const TEXT = JSON.stringify(
  {
    requestId: 'r-1',
    payload: {
      status: 'LINKED',
      vpaAccounts: [
        { vpa: 'a@axb', accounts: [{ bankName: 'Axis' }] },
        { vpa: 'b@okhdfc', accounts: [{ bankName: 'HDFC', mpinSet: 'true' }, { bankName: 'ICICI', mpinSet: false, 'odd key': 1 }] },
      ],
    },
  },
  null,
  2,
);

function pathAt(marker: string, occurrence = 0, offset = 1): string {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = TEXT.indexOf(marker, at + 1);
  expect(at).toBeGreaterThanOrEqual(0);
  return jsonPathAt(parser.parse(TEXT), (from, to) => TEXT.slice(from, to), at + offset);
}

describe('the JSON path at the cursor', () => {
  it('names keys and array indexes down to the value under the cursor', () => {
    expect(pathAt('"mpinSet"', 1)).toBe('payload.vpaAccounts[1].accounts[1].mpinSet');
    expect(pathAt('false')).toBe('payload.vpaAccounts[1].accounts[1].mpinSet');
    expect(pathAt('"HDFC"')).toBe('payload.vpaAccounts[1].accounts[0].bankName');
    expect(pathAt('"status"')).toBe('payload.status');
  });

  it('quotes keys that are not identifiers, and gives the container for a bracket', () => {
    expect(pathAt('"odd key"')).toBe('payload.vpaAccounts[1].accounts[1]["odd key"]');
    expect(pathAt('"accounts": [', 1, 12)).toBe('payload.vpaAccounts[1].accounts');
  });

  it('at the end of a line, after the comma, the cursor means the property on that line', () => {
    const end = TEXT.indexOf('\n', TEXT.indexOf('"status"'));
    expect(jsonPathAt(parser.parse(TEXT), (f, t) => TEXT.slice(f, t), end)).toBe('payload.status');
  });

  it('the root is the empty path', () => {
    expect(jsonPathAt(parser.parse(TEXT), (f, t) => TEXT.slice(f, t), 0)).toBe('');
  });
});
