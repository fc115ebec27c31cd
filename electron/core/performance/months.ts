// Month arithmetic on YYYY-MM strings (the business calendar), shared by K-SCORE and C-GRADE.

/** `month` moved by `n` months (negative: back). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month's last day YYYY-MM-DD. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The day the month's rules are judged at: its last day, or today while the month is running. */
export function judgedOn(month: string, today: string): string {
  const last = lastDayOf(month);
  return today.slice(0, 7) === month ? today : last;
}
