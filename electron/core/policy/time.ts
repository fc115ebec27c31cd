// Timestamps in requests are ISO 8601 with an offset ("2026-11-23T09:30:00+08:00"). Rules judge
// them by the office's wall clock, i.e. in the offset the timestamp was written with.
import { z } from 'zod';
import { bilingual } from '../../../shared/validation';

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function isRealTimestamp(value: string): boolean {
  const match = ISO_WITH_OFFSET.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const [, date, hours, minutes] = match;
  // Date.parse rolls 2026-02-30 over to March; a real date reads back unchanged.
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date && Number(hours) < 24 && Number(minutes) < 60;
}

/** A timestamp with an explicit offset (Z or ±HH:MM) that names a real instant. */
export const isoTimestamp = z
  .string()
  .refine(isRealTimestamp, bilingual('须为带时区的 ISO 时间，如 2026-11-23T09:30:00+08:00', 'must be an ISO 8601 time with offset, e.g. 2026-11-23T09:30:00+08:00'));

function offsetMinutes(iso: string): number {
  const zone = ISO_WITH_OFFSET.exec(iso)?.[5] ?? 'Z';
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

const pad = (n: number) => String(n).padStart(2, '0');

function formatWithOffset(ms: number, offset: number): string {
  const local = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = offset === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${local.toISOString().slice(0, 19)}${zone}`;
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of a timestamp, in its own offset. */
export function wallClock(iso: string): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + offsetMinutes(iso) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The timestamp `hours` later, written in the same offset. */
export function addHours(iso: string, hours: number): string {
  return formatWithOffset(Date.parse(iso) + hours * 3_600_000, offsetMinutes(iso));
}

/** Is instant `a` at or before instant `b`? */
export const atOrBefore = (a: string, b: string): boolean => Date.parse(a) <= Date.parse(b);
