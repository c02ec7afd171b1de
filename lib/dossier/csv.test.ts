import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvValue, csvField, toCsv } from './csv';
import { parseCsv } from './csv-read';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    ["'quoted'", "'quoted'"],
  ])('%j -> %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as numbers, negative ones too', () => {
    expect(csvField(3)).toBe('3');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 1],
      ]),
    ).toBe('a,b\r\nc,1\r\n');
    expect(toCsv([])).toBe('');
  });

  const text = fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", 'é'),
  });
  const records = fc.array(fc.array(fc.oneof(text, fc.integer()), { minLength: 1, maxLength: 5 }), { maxLength: 6 });

  it('reads back as the same fields, formulas defused (property)', () => {
    fc.assert(
      fc.property(records, (rows: CsvValue[][]) => {
        const parsed = parseCsv(toCsv(rows));
        const expected = rows.map((row) =>
          row.map((value) =>
            typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value,
          ),
        );
        expect(parsed).toEqual(expected);
      }),
    );
  });

  it('never gives a spreadsheet a text cell that starts a formula (property)', () => {
    fc.assert(
      fc.property(records, (rows: CsvValue[][]) => {
        const cells = parseCsv(toCsv(rows)).flatMap((record, r) =>
          record.filter((_, c) => typeof rows[r]?.[c] === 'string'),
        );
        expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      }),
    );
  });
});
