// DOMAIN §8 A-CLOCK 签卡: a missed clock-in (or clock-out) needs a sign-card application by the end
// of the next working day, approved by the manager; filed later the engine blocks it and the day
// stays absenteeism. An approved sign card completes the day's clock record (source 'sign_card').
import { and, desc, eq, gte, inArray, lte, or, type SQL } from 'drizzle-orm';
import { localDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { Decision } from '../../../shared/policy';
import type { RequestStep } from '../../../shared/requests';
import type { SignCard, SignCardCreateInput, SignCardStatus } from '../../../shared/attendance';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { monthBounds } from '../leave/service';
import { applicantOf, onRequestDecided, preview, requestById, stepsOf, submitWithin, type RequestDecided } from '../requests/service';
import { policyRequests } from '../requests/schema';
import { findingsText, trailText } from '../requests/trail';
import { users } from '../users/schema';
import { fieldError, scopedUsers, upsertRecord } from './records';
import { attendanceRecords, signCards } from './schema';

/** Sign cards that hold their day: a second one for the same day is refused. */
const HOLDING: SignCardStatus[] = ['pending', 'approved'];

// —— reading ——

function selectCards(db: Db | Tx) {
  return db
    .select({ c: signCards, userName: users.displayName, decision: policyRequests.decision })
    .from(signCards)
    .innerJoin(users, eq(users.id, signCards.userId))
    .innerJoin(policyRequests, eq(policyRequests.id, signCards.requestId));
}

function cardRows(db: Db | Tx, where: SQL | undefined): SignCard[] {
  const rows = selectCards(db).where(where).orderBy(desc(signCards.missedOn), desc(signCards.id)).all();
  const steps = stepsOf(
    db,
    rows.map((r) => r.c.requestId),
  );
  return rows.map(({ c, userName, decision }) => ({
    id: c.id,
    userId: c.userId,
    userName,
    missedOn: c.missedOn,
    appliedOn: c.appliedOn,
    clockIn: c.clockIn,
    clockOut: c.clockOut,
    reason: c.reason,
    status: c.status,
    requestId: c.requestId,
    findingsText: findingsText(JSON.parse(decision) as Decision, (f) => f.severity === 'approval'),
    trail: trailText(steps.get(c.requestId) ?? []),
    createdAt: c.createdAt,
  }));
}

/** Sign cards the actor sees: his own (and those he entered); a supervisor his team's; the keepers all. */
function cardScope(db: Db | Tx, actor: Actor, userId: number | undefined): SQL | undefined {
  const who = scopedUsers(db, actor, userId);
  if (!who) return undefined;
  return userId === undefined ? or(inArray(signCards.userId, who), eq(signCards.enteredBy, actor.id)) : inArray(signCards.userId, who);
}

export function listSignCards(db: Db, actor: Actor, input: { month?: string; userId?: number }): SignCard[] {
  const month = input.month ? monthBounds(input.month) : null;
  return cardRows(db, and(cardScope(db, actor, input.userId), month ? and(gte(signCards.missedOn, month.first), lte(signCards.missedOn, month.last)) : undefined));
}

export function signCardDetail(db: Db, actor: Actor, id: number): { signCard: SignCard; decision: Decision; steps: RequestStep[] } {
  const signCard = cardRows(db, and(eq(signCards.id, id), cardScope(db, actor, undefined)))[0];
  if (!signCard) throw new AppError('NOT_FOUND', `签卡申请 #${id} 不存在`, `Sign card #${id} not found`);
  const request = requestById(db, signCard.requestId);
  return { signCard, decision: request.decision, steps: request.steps };
}

// —— filing ——

/**
 * What the form may not get wrong: a day not in the future, at least one time, clock-out not before
 * clock-in, not a time the clock already has, not a second card for the day. The request the engine judges.
 */
function checkForm(db: Db | Tx, actor: Actor, input: SignCardCreateInput, at: Date): { applicantId: number; request: Record<string, unknown> } {
  const applicant = applicantOf(db, actor, input.applicantId);
  const today = localDate(at);
  if (input.missedOn > today) throw fieldError('missedOn', `不能是将来的日期（今天是 ${today}）`, `cannot be in the future (today is ${today})`);
  if (input.clockIn === null && input.clockOut === null) throw fieldError('clockIn', '须填写漏打的上班或下班时间', 'give the missed clock-in or clock-out time');
  if (input.clockIn !== null && input.clockOut !== null && input.clockOut < input.clockIn) {
    throw fieldError('clockOut', `不能早于上班打卡（${input.clockIn}）`, `cannot be before the clock-in (${input.clockIn})`);
  }
  const record = db
    .select({ clockIn: attendanceRecords.clockIn, clockOut: attendanceRecords.clockOut })
    .from(attendanceRecords)
    .where(and(eq(attendanceRecords.userId, applicant.id), eq(attendanceRecords.workDate, input.missedOn)))
    .get();
  if (input.clockIn !== null && record?.clockIn) {
    throw fieldError('clockIn', `${input.missedOn} 已有上班打卡 ${record.clockIn}，无需签卡`, `${input.missedOn} already has a clock-in at ${record.clockIn}; no sign card is needed`);
  }
  if (input.clockOut !== null && record?.clockOut) {
    throw fieldError('clockOut', `${input.missedOn} 已有下班打卡 ${record.clockOut}，无需签卡`, `${input.missedOn} already has a clock-out at ${record.clockOut}; no sign card is needed`);
  }
  const held = db
    .select({ id: signCards.id, status: signCards.status })
    .from(signCards)
    .where(and(eq(signCards.userId, applicant.id), eq(signCards.missedOn, input.missedOn), inArray(signCards.status, HOLDING)))
    .get();
  if (held) {
    const state = held.status === 'approved' ? { zh: '已批准', en: 'approved' } : { zh: '审批中', en: 'pending' };
    throw fieldError('missedOn', `${input.missedOn} 已有签卡申请 #${held.id}（${state.zh}）`, `${input.missedOn} already has sign card #${held.id} (${state.en})`);
  }
  return { applicantId: applicant.id, request: { kind: 'sign_card', missedOn: input.missedOn, reason: input.reason } };
}

export function previewSignCard(db: Db, actor: Actor, input: SignCardCreateInput, at: Date): Decision {
  const { request } = checkForm(db, actor, input, at);
  return preview(db, actor, request, input.applicantId, at);
}

export function createSignCard(db: Db, actor: Actor, input: SignCardCreateInput, at: Date): SignCard {
  const today = localDate(at);
  return db.transaction((tx) => {
    const { applicantId, request: raw } = checkForm(tx, actor, input, at);
    const request = submitWithin(tx, actor, { request: raw, note: input.reason, applicantId: input.applicantId }, at);
    const status: SignCardStatus = request.status === 'approved' ? 'approved' : 'pending';
    const row = tx
      .insert(signCards)
      .values({
        userId: applicantId,
        enteredBy: actor.id,
        missedOn: input.missedOn,
        appliedOn: today,
        clockIn: input.clockIn,
        clockOut: input.clockOut,
        reason: input.reason,
        status,
        requestId: request.id,
        createdAt: at.toISOString(),
      })
      .returning({ id: signCards.id })
      .get();
    const saved = cardRows(tx, eq(signCards.id, row.id))[0]!;
    recordAudit(tx, { userId: actor.id, action: 'attendance.signCard', entity: 'sign_cards', entityId: row.id, before: null, after: saved, at });
    if (status === 'approved') applyCard(tx, actor, row.id, at);
    return saved;
  });
}

// —— the approval's outcome ——

/** An approved card completes the day's clock record with the times it states (the clock's own times stay). */
function applyCard(tx: Tx, actor: Actor, cardId: number, at: Date): void {
  const card = tx.select().from(signCards).where(eq(signCards.id, cardId)).get()!;
  const record = tx.select().from(attendanceRecords).where(and(eq(attendanceRecords.userId, card.userId), eq(attendanceRecords.workDate, card.missedOn))).get();
  const before = upsertRecord(
    tx,
    actor,
    {
      userId: card.userId,
      date: card.missedOn,
      clockIn: record?.clockIn ?? card.clockIn,
      clockOut: record?.clockOut ?? card.clockOut,
      note: record?.note || `签卡 #${card.id}`,
      source: 'sign_card',
    },
    at,
  );
  const after = tx.select().from(attendanceRecords).where(and(eq(attendanceRecords.userId, card.userId), eq(attendanceRecords.workDate, card.missedOn))).get();
  recordAudit(tx, { userId: actor.id, action: 'attendance.signCardApplied', entity: 'attendance_records', entityId: after?.id ?? null, before, after, at });
}

function settleApproval(tx: Tx, event: RequestDecided): void {
  const row = tx.select({ id: signCards.id, status: signCards.status }).from(signCards).where(eq(signCards.requestId, event.requestId)).get();
  if (!row || row.status !== 'pending') return;
  tx.update(signCards).set({ status: event.outcome }).where(eq(signCards.id, row.id)).run();
  if (event.outcome === 'approved') applyCard(tx, event.actor, row.id, event.at);
}

onRequestDecided('sign_card', settleApproval);
