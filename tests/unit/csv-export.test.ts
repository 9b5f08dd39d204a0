// The console's CSV export: whatever people typed into a record, a spreadsheet opening the file
// shows it as text and never evaluates it as a formula.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellOf, neutraliseCell, toCsv } from '../../admin/src/export/csv.js';

describe('neutraliseCell', () => {
  it.each(['=1+1', '+47 22 00 00 00', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A2)', '\t=1', '\r=1'])(
    'prefixes %j with an apostrophe, so it is text',
    (typed) => {
      expect(neutraliseCell(typed)).toBe(`'${typed}`);
    },
  );

  it('leaves text that cannot start a formula as it is', () => {
    expect(neutraliseCell('Digital byggesøknad')).toBe('Digital byggesøknad');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell('')).toBe('');
  });

  it('never lets a cell start with a formula character, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => !/^[=+\-@\t\r]/.test(neutraliseCell(text))));
  });
});

describe('cellOf', () => {
  it('keeps numbers and booleans as data: a negative baseline is not a formula', () => {
    expect(cellOf(-12.5)).toBe('-12.5');
    expect(cellOf(true)).toBe('true');
  });

  it('neutralises the first value of a list, which is where the cell starts', () => {
    expect(cellOf(['=HYPERLINK("http://evil")', 'ok'])).toBe(`'=HYPERLINK("http://evil"); ok`);
  });
});

describe('toCsv', () => {
  it('writes a header of every column, flattens nested objects and quotes what needs quoting', () => {
    const csv = toCsv([
      { id: '1', title: 'Plain', costEstimate: { investment: 100 } },
      { id: '2', title: 'Has, a comma and "quotes"', note: 'two\nlines' },
    ]);

    expect(csv.split('\r\n')).toEqual([
      'id,title,costEstimate.investment,note',
      '1,Plain,100,',
      '2,"Has, a comma and ""quotes""",,"two\nlines"',
    ]);
  });

  it('neutralises formulas in every text cell, nested ones included', () => {
    const csv = toCsv([{ note: '=cmd|\'/C calc\'!A0', details: { reason: '@evil' }, subject: '+1' }]);

    expect(csv.split('\r\n')[1]).toBe(`'=cmd|'/C calc'!A0,'@evil,'+1`);
  });
});
