// Calendar helpers. Business dates (order date, month of an application) are the office's local
// calendar; timestamps are UTC ISO strings.

const pad = (n: number) => String(n).padStart(2, '0');

/** Local calendar date YYYY-MM-DD of an instant. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Local calendar month YYYY-MM of an instant. */
export function localMonth(at: Date): string {
  return localDate(at).slice(0, 7);
}

/** "2026-11-23T01:02:03.000Z" → "2026-11-23 09:02" in local time, for display. */
export function formatTimestamp(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${localDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An instant as ISO 8601 in the office's local offset ("2026-11-23T09:30:00+08:00"): rules judge the wall clock. */
export function localTimestamp(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${localDate(at)}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}${zone}`;
}

// —— arithmetic on date strings ——
// YYYY-MM-DD and YYYY-MM strings are calendar days and months, not instants: the arithmetic runs in
// UTC so the process's time zone and its DST changes never shift a day.

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** The YYYY-MM-DD `n` calendar days after `date` (negative n: before). */
export function addDays(date: string, n: number): string {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function nextDay(date: string): string {
  return addDays(date, 1);
}

/** ISO weekday of a YYYY-MM-DD: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  return utcDay(date).getUTCDay() || 7;
}

/** The Monday of the (Monday–Sunday) week containing `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The YYYY-MM `n` months after `month` (negative n: before); string arithmetic, any year. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad((index % 12) + 1)}`;
}

/** The YYYY-MM month before `month`. */
export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/** The last day (YYYY-MM-DD) of a YYYY-MM month. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(0);
  d.setUTCFullYear(y, m, 0); // day 0 of the next month; setUTCFullYear keeps years below 100 as they are
  return `${month}-${pad(d.getUTCDate())}`;
}
