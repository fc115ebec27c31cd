// Requests judged by the policy engine and their approvals (DOMAIN: "approvals are enforced in the
// main process"). A request is judged once, at submission, by the parameters in force that day;
// a blocked request is refused and nothing is written; otherwise its steps are the roles the
// engine named, in order — "the direct superior" is the applicant's own superior by name.
import { and, asc, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { localDate } from '../../../shared/dates';
import type { Role } from '../../../shared/domain';
import { ROLE_LABELS } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ApprovalStep, Decision } from '../../../shared/policy';
import { ON_BEHALF_ROLES, type PolicyRequest, type RequestStep } from '../../../shared/requests';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { engineOptions } from '../policy/context';
import { describeFields } from '../policy/fields';
import { evaluateRequest, kindDef } from '../policy/kinds';
import { users } from '../users/schema';
import { policyRequests, policyRequestSteps } from './schema';

/** Where a role step goes when nobody holds the role: up the line of authority. */
const ESCALATION: readonly Role[] = ['supervisor', 'manager', 'director', 'gm'];
/** Roles that see every request (the department's heads). */
const SEE_ALL_ROLES: readonly Role[] = ['gm', 'director', 'admin'];

export interface Applicant {
  id: number;
  role: Role;
  managerId: number | null;
  active: boolean;
}

function userOrThrow(db: Db | Tx, id: number, field: string): Applicant {
  const row = db
    .select({ id: users.id, role: users.role, managerId: users.managerId, active: users.active })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!row || !row.active) {
    throw new AppError('VALIDATION', `申请人：用户 #${id} 不存在或已停用`, `Applicant: user #${id} does not exist or is inactive`, [
      { field, message: `申请人：用户 #${id} 不存在或已停用`, messageEn: `Applicant: user #${id} does not exist or is inactive` },
    ]);
  }
  return row;
}

/** The applicant of a request: the actor, or someone he may enter requests for (FORBIDDEN otherwise). */
export function applicantOf(db: Db | Tx, actor: Actor, applicantId: number | undefined): Applicant {
  if (applicantId === undefined || applicantId === actor.id) return userOrThrow(db, actor.id, 'applicantId');
  if (!ON_BEHALF_ROLES.includes(actor.role)) {
    throw new AppError('FORBIDDEN', '只能为自己提交申请（内勤可代他人录入）', 'You may only submit your own requests (assistants enter them for others)');
  }
  return userOrThrow(db, applicantId, 'applicantId');
}

/**
 * The applicant's direct superior: the first active one up his line (a deactivated superior's own
 * superior stands in for him, so a rep whose supervisor left still goes to his manager); null at the
 * top of the line (the step then goes to a gm).
 */
function superiorOf(db: Db | Tx, applicant: Applicant): Applicant | null {
  const seen = new Set([applicant.id]);
  for (let id = applicant.managerId; id !== null && !seen.has(id); ) {
    const above = db
      .select({ id: users.id, role: users.role, managerId: users.managerId, active: users.active })
      .from(users)
      .where(eq(users.id, id))
      .get();
    if (!above) return null;
    if (above.active) return above;
    seen.add(id);
    id = above.managerId;
  }
  return null;
}

/**
 * What the request may not choose for itself: who the superior is (the database says; an inline
 * `superiorRole` is dropped), the day it is filed (`appliedOn` is the submission day, so it is judged
 * by that day's parameters) and the role of the person quoting (`role` is the applicant's).
 */
function asFiled(applicant: Applicant, raw: Record<string, unknown>, at: Date): Record<string, unknown> {
  const { superiorRole: _superiorRole, ...request } = raw;
  const def = typeof request.kind === 'string' ? kindDef(request.kind) : undefined;
  if (!def) return request;
  const today = localDate(at);
  for (const field of describeFields(def.schema)) {
    const fact =
      field.name === 'appliedOn' && field.input === 'date'
        ? { value: today, zh: `须为提交当天（${today}）`, en: `must be the day of submission (${today})` }
        : field.name === 'role' && field.input === 'role'
          ? { value: applicant.role, zh: `须为申请人的角色（${ROLE_LABELS[applicant.role].zh}）`, en: `must be the applicant's role (${applicant.role})` }
          : null;
    if (!fact) continue;
    const given = request[field.name];
    if (given === undefined) request[field.name] = fact.value;
    else if (given !== fact.value) {
      const message = `${field.label.zh}：${fact.zh}`;
      const messageEn = `${field.label.en}: ${fact.en}`;
      throw new AppError('VALIDATION', message, messageEn, [{ field: field.name, message, messageEn }]);
    }
  }
  return request;
}

/** The engine's judgement of a request (as filed) for this applicant, by this database's parameters and calendar. */
export function judge(db: Db | Tx, applicant: Applicant, request: Record<string, unknown>, at: Date): Decision {
  const superior = superiorOf(db, applicant);
  return evaluateRequest(request, { ...engineOptions(db, localDate(at)), superiorRole: superior?.role ?? 'gm' });
}

export function preview(db: Db | Tx, actor: Actor, raw: Record<string, unknown>, applicantId: number | undefined, at: Date): Decision {
  const applicant = applicantOf(db, actor, applicantId);
  return judge(db, applicant, asFiled(applicant, raw, at), at);
}

function holdersOf(db: Db | Tx, role: Role, except: number): number {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, role), eq(users.active, true), ne(users.id, except)))
    .all().length;
}

/**
 * A role step goes to the role, or up the line when nobody else holds it (a small company may have no
 * director); a role off the line (finance) that nobody else holds goes to a gm, who may do everything.
 */
function resolveRole(db: Db | Tx, role: Role, applicantId: number): Role {
  if (holdersOf(db, role, applicantId) > 0) return role;
  const from = ESCALATION.indexOf(role);
  const above: readonly Role[] = from < 0 ? ['gm'] : ESCALATION.slice(from + 1);
  return above.find((r) => holdersOf(db, r, applicantId) > 0) ?? role;
}

/** The first active holder of `role` up the applicant's line (his superior, the superior's superior…). */
function lineHolder(db: Db | Tx, applicant: Applicant, role: Role): Applicant | null {
  const seen = new Set([applicant.id]);
  for (let above = superiorOf(db, applicant); above && !seen.has(above.id); above = superiorOf(db, above)) {
    if (above.role === role) return above;
    seen.add(above.id);
  }
  return null;
}

function planSteps(db: Db | Tx, applicant: Applicant, steps: ApprovalStep[]): { role: Role; approverId: number | null }[] {
  const superior = superiorOf(db, applicant);
  const planned: { role: Role; approverId: number | null }[] = [];
  for (const step of steps) {
    // "The manager" is the applicant's own manager when his line has one; else anyone holding the role.
    const holder = step.superior ? null : lineHolder(db, applicant, step.role);
    const next =
      step.superior && superior
        ? { role: superior.role, approverId: superior.id }
        : holder
          ? { role: holder.role, approverId: holder.id }
          : { role: resolveRole(db, step.role, applicant.id), approverId: null };
    // The company's only gm has nobody above him: a step only he could decide is his own, and nobody
    // approves his own request — as the final approver (DOMAIN §1) his filing is its approval.
    if (next.approverId === null && next.role === 'gm' && applicant.role === 'gm' && holdersOf(db, 'gm', applicant.id) === 0) continue;
    // Two steps that land on the same approver are one step; so are a step for anyone holding a role
    // (an escalated one) and a step by name for that role: the one named takes it, once.
    const same = planned.find((p) => p.role === next.role && (p.approverId === next.approverId || p.approverId === null || next.approverId === null));
    if (!same) planned.push(next);
    else same.approverId ??= next.approverId;
  }
  return planned;
}

function deniedError(decision: Decision): AppError {
  const blocks = decision.findings.filter((f) => f.severity === 'block');
  return new AppError(
    'POLICY_DENIED',
    `不符合制度，不能提交：${blocks.map((b) => `${b.message}（${b.ruleId}）`).join('；')}`,
    `Refused by policy: ${blocks.map((b) => `${b.messageEn} (${b.ruleId})`).join('; ')}`,
    blocks.map((b) => ({ field: b.ruleId, message: b.message, messageEn: b.messageEn })),
  );
}

export function submit(db: Db, actor: Actor, input: { request: Record<string, unknown>; note: string; applicantId?: number }, at: Date): PolicyRequest {
  const applicant = applicantOf(db, actor, input.applicantId);
  const kind = typeof input.request.kind === 'string' ? kindDef(input.request.kind) : undefined;
  if (kind?.filedOn) {
    const message = `申请类型：“${kind.label.zh}”请在${kind.filedOn.zh}填写`;
    const messageEn = `Kind: "${kind.label.en}" is filed on ${kind.filedOn.en}`;
    throw new AppError('VALIDATION', message, messageEn, [{ field: 'kind', message, messageEn }]);
  }
  if (kind && !kind.submittable) {
    throw new AppError('VALIDATION', `申请类型：“${kind.label.zh}”只用于制度检查，不能作为申请提交`, `Kind: "${kind.label.en}" is a policy check, not a request to submit`, [
      { field: 'kind', message: `申请类型：“${kind.label.zh}”不能提交`, messageEn: `Kind: "${kind.label.en}" cannot be submitted` },
    ]);
  }
  const request = asFiled(applicant, input.request, at);
  const decision = judge(db, applicant, request, at);
  if (decision.decision === 'deny') throw deniedError(decision);
  return db.transaction((tx) => file(tx, actor, applicant, request, decision, input.note, at));
}

/**
 * Judges and files the actor's own request inside the caller's transaction. For the core's own
 * callers (orders.confirm files an `order_confirmation`), so kinds people do not file by hand pass.
 */
export function submitWithin(
  tx: Tx,
  actor: Actor,
  input: { request: Record<string, unknown>; note: string; applicantId?: number },
  at: Date,
): PolicyRequest {
  const applicant = applicantOf(tx, actor, input.applicantId);
  const request = asFiled(applicant, input.request, at);
  const decision = judge(tx, applicant, request, at);
  if (decision.decision === 'deny') throw deniedError(decision);
  return file(tx, actor, applicant, request, decision, input.note, at);
}

function file(tx: Tx, actor: Actor, applicant: Applicant, request: Record<string, unknown>, decision: Decision, note: string, at: Date): PolicyRequest {
  const stamp = at.toISOString();
  const { kind: kindName, ...fields } = request;
  const steps = planSteps(tx, applicant, decision.approvalSteps);
  const row = tx
    .insert(policyRequests)
    .values({
      kind: String(kindName),
      applicantId: applicant.id,
      enteredBy: actor.id,
      fields: JSON.stringify(fields),
      note,
      decision: JSON.stringify(decision),
      submittedOn: localDate(at),
      status: steps.length ? 'pending' : 'approved',
      createdAt: stamp,
      updatedAt: stamp,
    })
    .returning({ id: policyRequests.id })
    .get();
  steps.forEach((step, index) =>
    tx
      .insert(policyRequestSteps)
      .values({ requestId: row.id, seq: index + 1, role: step.role, approverId: step.approverId, status: index === 0 ? 'pending' : 'waiting' })
      .run(),
  );
  const saved = requestById(tx, row.id);
  recordAudit(tx, { userId: actor.id, action: 'requests.submit', entity: 'policy_requests', entityId: row.id, before: null, after: saved, at });
  return saved;
}

// —— what other modules do when a request of their kind is decided ——

export type RequestOutcome = 'approved' | 'rejected' | 'withdrawn';
export interface RequestDecided {
  requestId: number;
  kind: string;
  outcome: RequestOutcome;
  /** Who approved, rejected or withdrew it. */
  actor: Actor;
  at: Date;
}
/** Runs inside the transaction of the decision: an error rolls the decision back. */
export type RequestDecidedHook = (tx: Tx, event: RequestDecided) => void;

const decidedHooks = new Map<string, Set<RequestDecidedHook>>();

/**
 * Registers what happens when a request of `kind` is finally approved, rejected or withdrawn (an
 * order held for approval is confirmed…). Registering the same function again is harmless.
 * Returns a function that unregisters it.
 */
export function onRequestDecided(kind: string, hook: RequestDecidedHook): () => void {
  const hooks = decidedHooks.get(kind) ?? new Set<RequestDecidedHook>();
  hooks.add(hook);
  decidedHooks.set(kind, hooks);
  return () => {
    hooks.delete(hook);
  };
}

function requestDecided(tx: Tx, event: RequestDecided): void {
  for (const hook of decidedHooks.get(event.kind) ?? []) hook(tx, event);
}

// —— reading ——

const decider = alias(users, 'decider');
const approver = alias(users, 'approver');
const enterer = alias(users, 'enterer');

/** The approval steps of these requests, in order, by request id. */
export function stepsOf(db: Db | Tx, requestIds: number[]): Map<number, RequestStep[]> {
  const byRequest = new Map<number, RequestStep[]>();
  if (!requestIds.length) return byRequest;
  const rows = db
    .select({
      requestId: policyRequestSteps.requestId,
      seq: policyRequestSteps.seq,
      role: policyRequestSteps.role,
      approverId: policyRequestSteps.approverId,
      approverName: approver.displayName,
      status: policyRequestSteps.status,
      decidedBy: policyRequestSteps.decidedBy,
      decidedByName: decider.displayName,
      decidedAt: policyRequestSteps.decidedAt,
      comment: policyRequestSteps.comment,
    })
    .from(policyRequestSteps)
    .leftJoin(approver, eq(approver.id, policyRequestSteps.approverId))
    .leftJoin(decider, eq(decider.id, policyRequestSteps.decidedBy))
    .where(inArray(policyRequestSteps.requestId, requestIds))
    .orderBy(asc(policyRequestSteps.requestId), asc(policyRequestSteps.seq))
    .all();
  for (const { requestId, ...step } of rows) {
    const list = byRequest.get(requestId) ?? [];
    list.push(step);
    byRequest.set(requestId, list);
  }
  return byRequest;
}

function requestRows(db: Db | Tx, where: ReturnType<typeof eq> | undefined, limit = 500): PolicyRequest[] {
  const rows = db
    .select({ request: policyRequests, applicantName: users.displayName, enteredByName: enterer.displayName })
    .from(policyRequests)
    .innerJoin(users, eq(users.id, policyRequests.applicantId))
    .innerJoin(enterer, eq(enterer.id, policyRequests.enteredBy))
    .where(where)
    .orderBy(desc(policyRequests.id))
    .limit(limit)
    .all();
  const steps = stepsOf(
    db,
    rows.map((r) => r.request.id),
  );
  return rows.map(({ request: r, applicantName, enteredByName }) => ({
    id: r.id,
    kind: r.kind,
    applicantId: r.applicantId,
    applicantName,
    enteredById: r.enteredBy,
    enteredByName,
    fields: JSON.parse(r.fields) as Record<string, unknown>,
    note: r.note,
    decision: JSON.parse(r.decision) as Decision,
    submittedOn: r.submittedOn,
    status: r.status,
    steps: steps.get(r.id) ?? [],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

export function requestById(db: Db | Tx, id: number): PolicyRequest {
  const row = requestRows(db, eq(policyRequests.id, id))[0];
  if (!row) throw new AppError('NOT_FOUND', `申请 #${id} 不存在`, `Request #${id} not found`);
  return row;
}

/** Is the pending step of this request the actor's to decide? */
function isMyStep(step: RequestStep, actor: Actor): boolean {
  return step.status === 'pending' && (step.approverId === null ? step.role === actor.role : step.approverId === actor.id);
}

function canSee(request: PolicyRequest, actor: Actor): boolean {
  return (
    request.applicantId === actor.id ||
    request.enteredById === actor.id ||
    SEE_ALL_ROLES.includes(actor.role) ||
    request.steps.some((s) => s.approverId === actor.id || s.decidedBy === actor.id || (s.approverId === null && s.role === actor.role))
  );
}

export function getRequest(db: Db, actor: Actor, id: number): PolicyRequest {
  const request = requestById(db, id);
  if (!canSee(request, actor)) throw new AppError('NOT_FOUND', `申请 #${id} 不存在`, `Request #${id} not found`);
  return request;
}

export function myRequests(db: Db, actor: Actor): PolicyRequest[] {
  return requestRows(db, or(eq(policyRequests.applicantId, actor.id), eq(policyRequests.enteredBy, actor.id)) as ReturnType<typeof eq>);
}

/** Requests whose current step is the actor's: by name (his reports' "direct superior" steps) or by role; never his own. */
export function inbox(db: Db, actor: Actor): PolicyRequest[] {
  const ids = db
    .select({ id: policyRequestSteps.requestId })
    .from(policyRequestSteps)
    .innerJoin(policyRequests, eq(policyRequests.id, policyRequestSteps.requestId))
    .where(
      and(
        eq(policyRequestSteps.status, 'pending'),
        eq(policyRequests.status, 'pending'),
        ne(policyRequests.applicantId, actor.id),
        or(eq(policyRequestSteps.approverId, actor.id), and(isNull(policyRequestSteps.approverId), eq(policyRequestSteps.role, actor.role))),
      ),
    )
    .all()
    .map((r) => r.id);
  if (!ids.length) return [];
  return requestRows(db, inArray(policyRequests.id, ids) as ReturnType<typeof eq>).reverse();
}

// —— deciding ——

function pendingOrThrow(request: PolicyRequest, version: number): void {
  if (request.status !== 'pending') {
    throw new AppError('CONFLICT', `申请 #${request.id} 已经处理过了`, `Request #${request.id} has already been decided`);
  }
  if (request.version !== version) {
    throw new AppError('CONFLICT', `申请 #${request.id} 已被他人处理，请刷新后再试`, `Request #${request.id} was changed by someone else; refresh and try again`);
  }
}

export function decide(db: Db, actor: Actor, input: { id: number; version: number; decision: 'approve' | 'reject'; comment: string }, at: Date): PolicyRequest {
  return db.transaction((tx) => {
    const request = requestById(tx, input.id);
    if (!canSee(request, actor)) throw new AppError('NOT_FOUND', `申请 #${input.id} 不存在`, `Request #${input.id} not found`);
    if (request.applicantId === actor.id) throw new AppError('FORBIDDEN', '不能审批自己提交的申请', 'You cannot decide your own request');
    pendingOrThrow(request, input.version);
    const step = request.steps.find((s) => s.status === 'pending');
    if (!step || !isMyStep(step, actor)) {
      const who = step ? (step.approverName ?? ROLE_LABELS[step.role].zh) : '—';
      throw new AppError('FORBIDDEN', `这一步由${who}审批，不是您`, `This step is for ${step?.approverName ?? step?.role ?? '—'}, not you`);
    }
    const stamp = at.toISOString();
    const approve = input.decision === 'approve';
    const stepRow = and(eq(policyRequestSteps.requestId, request.id), eq(policyRequestSteps.seq, step.seq));
    tx.update(policyRequestSteps)
      .set({ status: approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: stamp, comment: input.comment })
      .where(stepRow)
      .run();
    const next = request.steps.find((s) => s.seq > step.seq);
    let status: PolicyRequest['status'] = 'pending';
    if (!approve) {
      status = 'rejected';
      tx.update(policyRequestSteps)
        .set({ status: 'skipped' })
        .where(and(eq(policyRequestSteps.requestId, request.id), eq(policyRequestSteps.status, 'waiting')))
        .run();
    } else if (next) {
      tx.update(policyRequestSteps)
        .set({ status: 'pending' })
        .where(and(eq(policyRequestSteps.requestId, request.id), eq(policyRequestSteps.seq, next.seq)))
        .run();
    } else {
      status = 'approved';
    }
    tx.update(policyRequests)
      .set({ status, updatedAt: stamp, version: request.version + 1 })
      .where(eq(policyRequests.id, request.id))
      .run();
    if (status !== 'pending') requestDecided(tx, { requestId: request.id, kind: request.kind, outcome: status, actor, at });
    recordAudit(tx, {
      userId: actor.id,
      action: approve ? 'requests.approve' : 'requests.reject',
      entity: 'policy_requests',
      entityId: request.id,
      before: { status: request.status, step: step.seq },
      after: { status, step: step.seq, role: step.role, comment: input.comment },
      at,
    });
    return requestById(tx, request.id);
  });
}

export function withdraw(db: Db, actor: Actor, id: number, version: number, at: Date): PolicyRequest {
  return db.transaction((tx) => {
    const request = requestById(tx, id);
    if (request.applicantId !== actor.id && request.enteredById !== actor.id) {
      throw new AppError('FORBIDDEN', '只有申请人或录入人可以撤回申请', 'Only the applicant or whoever entered it may withdraw a request');
    }
    pendingOrThrow(request, version);
    const stamp = at.toISOString();
    tx.update(policyRequestSteps)
      .set({ status: 'skipped' })
      .where(and(eq(policyRequestSteps.requestId, id), inArray(policyRequestSteps.status, ['pending', 'waiting'])))
      .run();
    tx.update(policyRequests).set({ status: 'withdrawn', updatedAt: stamp, version: request.version + 1 }).where(eq(policyRequests.id, id)).run();
    requestDecided(tx, { requestId: id, kind: request.kind, outcome: 'withdrawn', actor, at });
    recordAudit(tx, { userId: actor.id, action: 'requests.withdraw', entity: 'policy_requests', entityId: id, before: { status: 'pending' }, after: { status: 'withdrawn' }, at });
    return requestById(tx, id);
  });
}
