// DOMAIN §8 attendance: the daily clock records — entered or corrected one day at a time by those
// who keep attendance, or imported from the time clock's CSV (all rows in one transaction, or none).
// Everyone sees his own records; a supervisor his team's; the keepers everyone's.
import { and, asc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import {
  ATTENDANCE_FIELD_LABELS,
  ATTENDANCE_KEEPER_ROLES,
  type AttendanceImportResult,
  type AttendanceRecord,
  type AttendanceRecordInput,
  type AttendanceSource,
} from '../../../shared/attendance';
import { localDate } from '../../../shared/dates';
import type { Label } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { monthBounds } from '../leave/service';
import { users } from '../users/schema';
import { teamOf } from '../users/team';
import { parseCsv } from './csvParse';
import { attendanceRecords } from './schema';

const LABELS: Readonly<Record<string, Label>> = { ...ATTENDANCE_FIELD_LABELS, date: { zh: '日期', en: 'Date' } };
export const fieldError = (field: string, zh: string, en: string) => AppError.field(field, LABELS[field] ?? { zh: field, en: field }, { zh, en });

// —— who sees what ——

/** The users whose attendance the actor sees: null = everyone (the keepers); a supervisor his team and himself; anyone else himself. */
export function attendanceScope(db: Db | Tx, actor: Actor): number[] | null {
  if (ATTENDANCE_KEEPER_ROLES.includes(actor.role)) return null;
  if (actor.role === 'supervisor') return [actor.id, ...teamOf(db, actor.id)];
  return [actor.id];
}

/** The users asked for within the actor's scope (NOT_FOUND naming userId for someone he may not see); null = everyone. */
export function scopedUsers(db: Db | Tx, actor: Actor, userId: number | undefined): number[] | null {
  const scope = attendanceScope(db, actor);
  if (userId === undefined) return scope;
  if (scope && !scope.includes(userId)) {
    const message = `员工：用户 #${userId} 不存在或您无权查看`;
    const messageEn = `Employee: user #${userId} does not exist or is not yours to see`;
    throw new AppError('NOT_FOUND', message, messageEn, [{ field: 'userId', message, messageEn }]);
  }
  return [userId];
}

// —— reading ——

function recordRows(db: Db | Tx, where: SQL | undefined): AttendanceRecord[] {
  return db
    .select({ r: attendanceRecords, userName: users.displayName })
    .from(attendanceRecords)
    .innerJoin(users, eq(users.id, attendanceRecords.userId))
    .where(where)
    .orderBy(asc(attendanceRecords.workDate), asc(attendanceRecords.userId))
    .all()
    .map(({ r, userName }) => ({
      id: r.id,
      userId: r.userId,
      userName,
      date: r.workDate,
      clockIn: r.clockIn,
      clockOut: r.clockOut,
      source: r.source,
      note: r.note,
      updatedAt: r.updatedAt,
    }));
}

export function listRecords(db: Db, actor: Actor, input: { month: string; userId?: number }): AttendanceRecord[] {
  const who = scopedUsers(db, actor, input.userId);
  const { first, last } = monthBounds(input.month);
  return recordRows(db, and(gte(attendanceRecords.workDate, first), lte(attendanceRecords.workDate, last), who ? inArray(attendanceRecords.userId, who) : undefined));
}

// —— writing ——

/** Writes one person's day (insert or replace), inside the caller's transaction; returns the row before. */
export function upsertRecord(
  tx: Tx,
  actor: Actor,
  row: { userId: number; date: string; clockIn: string | null; clockOut: string | null; note: string; source: AttendanceSource },
  at: Date,
): AttendanceRecord | null {
  const before = recordRows(tx, and(eq(attendanceRecords.userId, row.userId), eq(attendanceRecords.workDate, row.date)))[0] ?? null;
  const values = { userId: row.userId, workDate: row.date, clockIn: row.clockIn, clockOut: row.clockOut, source: row.source, note: row.note, enteredBy: actor.id, updatedAt: at.toISOString() };
  tx.insert(attendanceRecords)
    .values(values)
    .onConflictDoUpdate({ target: [attendanceRecords.userId, attendanceRecords.workDate], set: values })
    .run();
  return before;
}

function recordOf(db: Db | Tx, userId: number, date: string): AttendanceRecord {
  return recordRows(db, and(eq(attendanceRecords.userId, userId), eq(attendanceRecords.workDate, date)))[0]!;
}

/** Enters or corrects one person's day. A future day, an unknown person and clock-out before clock-in are refused. */
export function saveRecord(db: Db, actor: Actor, input: AttendanceRecordInput, at: Date): AttendanceRecord {
  const today = localDate(at);
  return db.transaction((tx) => {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get();
    if (!user) throw fieldError('userId', `用户 #${input.userId} 不存在`, `user #${input.userId} does not exist`);
    if (input.date > today) throw fieldError('date', `不能是将来的日期（今天是 ${today}）`, `cannot be in the future (today is ${today})`);
    if (input.clockIn !== null && input.clockOut !== null && input.clockOut < input.clockIn) {
      throw fieldError('clockOut', `不能早于上班打卡（${input.clockIn}）`, `cannot be before the clock-in (${input.clockIn})`);
    }
    const before = upsertRecord(tx, actor, { ...input, source: 'manual' }, at);
    const saved = recordOf(tx, input.userId, input.date);
    recordAudit(tx, { userId: actor.id, action: 'attendance.record', entity: 'attendance_records', entityId: saved.id, before, after: saved, at });
    return saved;
  });
}

// —— the time clock's CSV ——

type Column = 'username' | 'name' | 'date' | 'clockIn' | 'clockOut';

/** What a header cell names, by the words time clocks and spreadsheets use. */
function columnOf(header: string): Column | null {
  const h = header.toLowerCase().replace(/[\s_\-()（）:：]/g, '');
  if (!h) return null;
  if (h.includes('日期') || h === 'date' || h === 'day' || h === 'workdate') return 'date';
  if (h.includes('上班') || h.includes('签到') || ['clockin', 'in', 'checkin', 'timein', 'start', 'intime'].includes(h)) return 'clockIn';
  if (h.includes('下班') || h.includes('签退') || ['clockout', 'out', 'checkout', 'timeout', 'end', 'outtime'].includes(h)) return 'clockOut';
  if (h.includes('工号') || h.includes('用户名') || h.includes('账号') || h.includes('帐号') || h.includes('登录名') || h.includes('编号') || ['username', 'user', 'login', 'account', 'id', 'userid', 'employeeid', 'no'].includes(h)) return 'username';
  if (h.includes('姓名') || h.includes('名字') || h === '员工' || h === '人员' || ['name', 'displayname', 'employee', 'fullname'].includes(h)) return 'name';
  return null;
}

/** The header row: the first with a date, a person and a clock time column; its columns by meaning. */
function findHeader(rows: { cells: string[] }[]): { index: number; columns: Partial<Record<Column, number>> } | null {
  for (let index = 0; index < Math.min(rows.length, 20); index += 1) {
    const columns: Partial<Record<Column, number>> = {};
    rows[index]!.cells.forEach((cell, i) => {
      const column = columnOf(cell);
      if (column && columns[column] === undefined) columns[column] = i;
    });
    const hasPerson = columns.username !== undefined || columns.name !== undefined;
    const hasTime = columns.clockIn !== undefined || columns.clockOut !== undefined;
    if (columns.date !== undefined && hasPerson && hasTime) return { index, columns };
  }
  return null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日 → YYYY-MM-DD; null if not a real date. */
export function parseDate(value: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?$/.exec(value.trim());
  if (!m) return null;
  const date = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date ? date : null;
}

/** H:MM, HH:MM or HH:MM:SS → HH:MM (seconds dropped, as the rules judge to the minute); '' → null; undefined if not a time. */
export function parseTime(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  const m = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || (m[3] !== undefined && Number(m[3]) > 59)) return undefined;
  return `${pad2(Number(m[1]))}:${m[2]}`;
}

interface Person {
  id: number;
  username: string;
  name: string;
}

/** How many bad lines an error names before "…". */
const LINES_NAMED = 5;

export function importCsv(db: Db, actor: Actor, input: { csv: string; commit: boolean }, at: Date): AttendanceImportResult {
  const today = localDate(at);
  const parsed = parseCsv(input.csv);
  const header = findHeader(parsed);
  if (!header) {
    throw fieldError('csv', '找不到表头：须有“工号/用户名”或“姓名”、“日期”、“上班”“下班”等列', 'no header row: it needs an ID/username or name column, a date and the clock-in / clock-out times');
  }
  const { columns } = header;
  const people: Person[] = db.select({ id: users.id, username: users.username, name: users.displayName }).from(users).all();
  const byUsername = new Map(people.map((p) => [p.username.toLowerCase(), p]));
  const cell = (cells: string[], column: Column) => (columns[column] === undefined ? '' : (cells[columns[column]!] ?? '').trim());
  const seen = new Map<string, number>();
  const rows: AttendanceImportResult['rows'] = parsed.slice(header.index + 1).map(({ line, cells }) => {
    const username = cell(cells, 'username');
    const name = cell(cells, 'name');
    const rawDate = cell(cells, 'date');
    const errors: string[] = [];
    let person: Person | undefined = username ? byUsername.get(username.toLowerCase()) : undefined;
    if (!person && name) {
      const named = people.filter((p) => p.name === name);
      if (named.length > 1) errors.push(`姓名“${name}”有 ${named.length} 位员工同名，请用工号/用户名区分`);
      else person = named[0];
    }
    if (!person && !errors.length) errors.push(username || name ? `找不到员工“${username || name}”` : '缺少工号或姓名');
    const date = parseDate(rawDate);
    if (!date) errors.push(rawDate ? `日期“${rawDate}”无效（须为 YYYY-MM-DD 或 YYYY/M/D）` : '缺少日期');
    else if (date > today) errors.push(`日期 ${date} 是将来的日子`);
    const clockIn = parseTime(cell(cells, 'clockIn'));
    const clockOut = parseTime(cell(cells, 'clockOut'));
    if (clockIn === undefined) errors.push(`上班时间“${cell(cells, 'clockIn')}”无效（须为 HH:MM）`);
    if (clockOut === undefined) errors.push(`下班时间“${cell(cells, 'clockOut')}”无效（须为 HH:MM）`);
    if (clockIn && clockOut && clockOut < clockIn) errors.push(`下班打卡 ${clockOut} 早于上班打卡 ${clockIn}`);
    if (person && date) {
      const key = `${person.id}|${date}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push(`与第 ${first} 行重复（同一人同一天）`);
      else seen.set(key, line);
    }
    const replaces =
      person && date
        ? db.select({ id: attendanceRecords.id }).from(attendanceRecords).where(and(eq(attendanceRecords.userId, person.id), eq(attendanceRecords.workDate, date))).get() !== undefined
        : false;
    return {
      line,
      userId: person?.id ?? null,
      userName: person?.name ?? (name || username),
      date: date ?? rawDate,
      clockIn: clockIn ?? null,
      clockOut: clockOut ?? null,
      replaces,
      error: errors.length ? errors.join('；') : null,
    };
  });
  const bad = rows.filter((r) => r.error !== null);
  const result = { rows, valid: rows.length - bad.length, errors: bad.length, imported: 0 };
  if (!input.commit) return result;
  if (bad.length) {
    const named = bad.slice(0, LINES_NAMED).map((r) => `第 ${r.line} 行：${r.error}`).join('；');
    const more = bad.length > LINES_NAMED ? `……共 ${bad.length} 行有误` : '';
    const message = `考勤文件：${named}${more}。未导入任何记录，请改正后重新导入`;
    const messageEn = `Clock file: ${bad.length} line(s) are wrong (first: line ${bad[0]!.line}); nothing was imported — correct them and import again`;
    throw new AppError('VALIDATION', message, messageEn, [{ field: 'csv', message, messageEn }]);
  }
  if (!rows.length) throw fieldError('csv', '表头下没有考勤记录', 'there are no records under the header');
  return db.transaction((tx) => {
    for (const r of rows) upsertRecord(tx, actor, { userId: r.userId!, date: r.date, clockIn: r.clockIn, clockOut: r.clockOut, note: '', source: 'import' }, at);
    const dates = rows.map((r) => r.date).sort();
    recordAudit(tx, {
      userId: actor.id,
      action: 'attendance.import',
      entity: 'attendance_records',
      entityId: null,
      before: null,
      after: { rows: rows.length, replaced: rows.filter((r) => r.replaces).length, from: dates[0], to: dates[dates.length - 1] },
      at,
    });
    return { ...result, imported: rows.length };
  });
}
