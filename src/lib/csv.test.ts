import { describe, expect, it } from 'vitest';
import { csvCell, round2, toCsv } from './csv';

describe('CSV', () => {
  it('starts with a BOM, ends rows with CRLF, leaves undefined empty', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, undefined],
          ['x', null],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n1,\r\nx,\r\n');
  });
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("x")', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-')).toBe("'-");
  });
  it('keeps numbers as numbers (negative ones too) and names with markup as text', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
  it('rounds to 2 decimals', () => {
    expect(round2(73.252)).toBe(73.25);
    expect(round2(40.445)).toBe(40.45);
    expect(round2(undefined)).toBeUndefined();
  });
});
