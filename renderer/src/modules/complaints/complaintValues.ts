// Small pure helpers of the complaints pages: the live countdown of the three deadlines (P-HANDLE,
// P-RESPOND, P-SLIP) from the browser clock against the due times the core stored at receipt, with
// the core's own overdue flags deciding red; status badge tones; the ticking clock.
import { useSyncExternalStore } from 'react';
import type { Complaint, ComplaintStatus } from '../../../../shared/complaints';
import type { ComplaintT } from './messages';

/** The countdown ticks this often. */
export const TICK_MS = 30_000;

// One ticker for every countdown on the screen (the grid's cells, the drawer, the home page).
const listeners = new Set<() => void>();
let nowMs = Date.now();
let timer: number | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    nowMs = Date.now();
    timer = window.setInterval(() => {
      nowMs = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
  };
}

/** The browser's clock, re-read every TICK_MS (one shared timer). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => nowMs);
}

export type DeadlineKey = 'handle' | 'respond' | 'slip';
export const DEADLINE_KEYS: readonly DeadlineKey[] = ['handle', 'respond', 'slip'];
export const DEADLINE_RULE: Record<DeadlineKey, string> = { handle: 'P-HANDLE', respond: 'P-RESPOND', slip: 'P-SLIP' };

/** The offset a timestamp was written with ("+08:00"), or Z. */
function offsetOf(iso: string): string {
  return /([+-]\d{2}:\d{2}|Z)$/.exec(iso)?.[1] ?? 'Z';
}

/** The instant a deadline falls due: P-SLIP's date ends at midnight of the office day (the receipt's offset). */
export function dueInstant(c: Complaint, key: DeadlineKey): number {
  if (key === 'handle') return Date.parse(c.handleDueAt);
  if (key === 'respond') return Date.parse(c.respondDueAt);
  return Date.parse(`${c.slipDueDate}T23:59:59${offsetOf(c.receivedAt)}`) + 1000;
}

export function doneAt(c: Complaint, key: DeadlineKey): string | null {
  return key === 'handle' ? c.handledAt : key === 'respond' ? c.respondedAt : c.slipFiledAt;
}

export function overdueFlag(c: Complaint, key: DeadlineKey): boolean {
  return key === 'handle' ? c.handleOverdue : key === 'respond' ? c.respondOverdue : c.slipOverdue;
}

export interface Countdown {
  state: 'left' | 'overdue' | 'done' | 'late' | 'closed';
  text: string;
}

/** "2 天 3 小时" / "5 小时 12 分" / "12 分": the two largest units. */
export function spanText(ms: number, t: ComplaintT): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${t('days', { n: d })} ${t('hours', { n: h })}` : t('days', { n: d });
  if (h > 0) return m > 0 ? `${t('hours', { n: h })} ${t('minutes', { n: m })}` : t('hours', { n: h });
  return t('minutes', { n: m });
}

const DONE_KEY = { handle: 'doneHandle', respond: 'doneRespond', slip: 'doneSlip' } as const;

/**
 * A deadline now: done (on time or late), still open with the time left, or overdue. Red is the
 * core's flag or the browser clock past the due time (whichever says so first).
 */
export function countdown(c: Complaint, key: DeadlineKey, now: number, t: ComplaintT): Countdown {
  const due = dueInstant(c, key);
  const done = doneAt(c, key);
  if (done !== null) {
    const late = Date.parse(done) > due;
    return { state: late ? 'late' : 'done', text: t(DONE_KEY[key]) + (late ? t('doneLate') : '') };
  }
  if (c.status === 'archived') return { state: 'closed', text: t('closedNotDone') };
  const left = due - now;
  if (left <= 0) return { state: 'overdue', text: t('overdueBy', { time: spanText(left, t) }) };
  if (overdueFlag(c, key)) return { state: 'overdue', text: t('overdue') };
  return { state: 'left', text: t('left', { time: spanText(left, t) }) };
}

/** Any deadline overdue now (the core's flags). */
export const isOverdue = (c: Complaint) => c.handleOverdue || c.respondOverdue || c.slipOverdue;

export const STATUS_TONE: Record<ComplaintStatus, 'pending' | 'approved' | 'rejected' | 'muted' | 'paid' | 'claimed'> = {
  received: 'pending',
  handling: 'claimed',
  escalated: 'rejected',
  responded: 'claimed',
  resolved: 'approved',
  confirmed: 'paid',
  archived: 'muted',
};

/** "2026-11-23 09:30" of an ISO timestamp, by its own wall clock (the offset it was written with). */
export function wallTime(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** A datetime-local input's value ("2026-11-23T09:30") as ISO with the browser's offset. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Now as a datetime-local input's value. */
export function nowInputValue(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
