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
