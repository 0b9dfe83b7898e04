import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TableLayout } from './tableLayout';

vi.mock('../api', () => ({ api: { 'settings:get': async () => ({ ok: true, value: { settings: { version: 1, app: {}, compose: {}, inspect: {}, tables: {} } } }), 'settings:set': async () => ({ ok: true, value: {} }) } }));

const { loadTableLayout, saveTableLayout } = await import('./tableLayout');
const { loadSettings, settingsSnapshot } = await import('./settingsStorage');


const DEFAULT: TableLayout = { order: ['vpa', 'bank', 'mpin', 'ifsc'], hidden: ['ifsc'] };

describe('table layouts', () => {
  beforeAll(() => loadSettings());

  it('a table never arranged opens with its default', () => {
    expect(loadTableLayout('accounts', DEFAULT)).toEqual(DEFAULT);
  });

  it('a saved layout comes back, per table, with its sort and filters', () => {
    saveTableLayout('accounts', { order: ['mpin', 'vpa', 'bank', 'ifsc'], hidden: ['bank'], sort: { id: 'mpin', desc: true }, query: 'mpinSet:false', columnFilters: { bank: 'hdfc' } });
    expect(loadTableLayout('accounts', DEFAULT)).toEqual({ order: ['mpin', 'vpa', 'bank', 'ifsc'], hidden: ['bank'], sort: { id: 'mpin', desc: true }, query: 'mpinSet:false', columnFilters: { bank: 'hdfc' } });
    expect(loadTableLayout('vpas', DEFAULT)).toEqual(DEFAULT);
    saveTableLayout('accounts', null);
    expect(loadTableLayout('accounts', DEFAULT)).toEqual(DEFAULT);
    expect(settingsSnapshot()!.tables).toEqual({});
  });

  it('columns gone since are dropped (with their sort and filters), and columns added since come in as the default has them', () => {
    saveTableLayout('accounts', { order: ['bank', 'vpa', 'retired'], hidden: ['retired'], sort: { id: 'retired', desc: false }, columnFilters: { retired: 'x', vpa: 'a@' } });
    expect(loadTableLayout('accounts', DEFAULT)).toEqual({ order: ['bank', 'vpa', 'mpin', 'ifsc'], hidden: ['ifsc'], columnFilters: { vpa: 'a@' } });
  });

  it('a layout that is not one (a damaged value) is not kept, and the default is used', () => {
    saveTableLayout('accounts', { order: 'vpa', hidden: [] } as never);
    expect(loadTableLayout('accounts', DEFAULT)).toEqual({ order: ['bank', 'vpa', 'mpin', 'ifsc'], hidden: ['ifsc'], columnFilters: { vpa: 'a@' } });
  });
});
