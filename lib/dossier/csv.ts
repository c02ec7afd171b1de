// CSV as RFC 4180 writes it, safe to open in a spreadsheet. Pure.
//
// RFC 4180: records end with CRLF; a field holding a comma, a double quote, CR or LF is enclosed in
// double quotes, and a double quote inside it is written twice. Spreadsheets also run a cell that
// starts with =, +, -, @ (or a tab or CR, which some of them skip before such a sign) as a formula
// ("CSV injection"); such a text is written with an apostrophe in front, which spreadsheets show as
// text and do not run. Numbers are written as they are: a count is not a formula.

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number;

/** One field: a text defused against formulas, then quoted where RFC 4180 requires it. */
export function csvField(value: CsvValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records (the first one the header) as a CSV text, every record ending with CRLF. */
export function toCsv(records: readonly (readonly CsvValue[])[]): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
