// CSV for Excel users in China: UTF-8 with BOM, CRLF, every field quoted when needed.

export function csvField(value: string): string {
  // A leading = + - @ would be run as a formula by spreadsheet programs; prefix it so it stays text
  // (a plain negative number or percentage, "-0.05" or "-12.5%", is no formula and stays a number).
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?%?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
