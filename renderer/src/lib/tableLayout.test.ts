import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../stores/__fixtures__/memory-storage';
import { loadTableLayout, saveTableLayout, type TableLayout } from './tableLayout';

const DEFAULT: TableLayout = { order: ['vpa', 'bank', 'mpin', 'ifsc'], hidden: ['ifsc'] };

describe('table layouts', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));

  it('a table never arranged opens with its default', () => {
    expect(loadTableLayout('accounts', DEFAULT)).toEqual(DEFAULT);
  });

  it('a saved layout comes back, per table', () => {
    saveTableLayout('accounts', { order: ['mpin', 'vpa', 'bank', 'ifsc'], hidden: ['bank'] });
    expect(loadTableLayout('accounts', DEFAULT)).toEqual({ order: ['mpin', 'vpa', 'bank', 'ifsc'], hidden: ['bank'] });
    expect(loadTableLayout('vpas', DEFAULT)).toEqual(DEFAULT);
    saveTableLayout('accounts', null);
    expect(loadTableLayout('accounts', DEFAULT)).toEqual(DEFAULT);
  });

  it('columns gone since are dropped, and columns added since come in as the default has them', () => {
    saveTableLayout('accounts', { order: ['bank', 'vpa', 'retired'], hidden: ['retired'] });
    expect(loadTableLayout('accounts', DEFAULT)).toEqual({ order: ['bank', 'vpa', 'mpin', 'ifsc'], hidden: ['ifsc'] });
  });

  it('damaged storage gives the default, and a storage that refuses to save does not throw', () => {
    localStorage.setItem('upi-inspector.table-layout.accounts', '{not json');
    expect(loadTableLayout('accounts', DEFAULT)).toEqual(DEFAULT);
    localStorage.setItem('upi-inspector.table-layout.accounts', JSON.stringify({ order: 'vpa', hidden: [] }));
    expect(loadTableLayout('accounts', DEFAULT)).toEqual(DEFAULT);
    vi.stubGlobal('localStorage', { ...memoryStorage(), setItem: () => { throw new Error('quota'); } });
    expect(() => saveTableLayout('accounts', DEFAULT)).not.toThrow();
  });
});
