// Users, first-run setup and sign-in (DOMAIN §1).
import { asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Role } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { SessionUser, User, userCreateSchema, userFieldsSchema, setupSchema } from '../../../shared/users';
import { USER_FIELD_LABELS } from '../../../shared/users';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../api/context';
import type { Db, Tx } from '../db/connection';
import { companyOf, writeSetting } from '../settings/service';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { users } from './schema';

type UserRow = typeof users.$inferSelect;

export function isInitialized(db: Db): boolean {
  const row = db.select({ n: count() }).from(users).get();
  return (row?.n ?? 0) > 0;
}

export function toActor(row: UserRow): Actor {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, managerId: row.managerId };
}

/** The active user behind a session, or null (a deactivated user is signed out at once). */
export function loadActor(db: Db, userId: number): Actor | null {
  const row = db.select().from(users).where(eq(users.id, userId)).get();
  return row && row.active ? toActor(row) : null;
}

export function sessionUser(db: Db, actor: Actor): SessionUser {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    companyName: companyOf(db)?.name ?? '',
  };
}

const manager = alias(users, 'manager');

function userRows(db: Db | Tx) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      managerId: users.managerId,
      managerName: manager.displayName,
      region: users.region,
      channel: users.channel,
      active: users.active,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(manager, eq(users.managerId, manager.id));
}

export function listUsers(db: Db): User[] {
  return userRows(db).orderBy(asc(users.id)).all();
}

function getUser(db: Db | Tx, id: number): User {
  const row = userRows(db).where(eq(users.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `用户 #${id} 不存在`, `User #${id} not found`);
  return row;
}

export function directory(db: Db) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role, region: users.region })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.displayName))
    .all();
}

function assertUsernameFree(db: Db | Tx, username: string, exceptId?: number): void {
  const existing = db.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
  if (existing && existing.id !== exceptId) {
    throw AppError.field('username', USER_FIELD_LABELS.username!, { zh: `“${username}”已被使用`, en: `"${username}" is taken` });
  }
}

/** The superior must exist, be active, and not make a loop of superiors. */
function assertValidManager(db: Db | Tx, managerId: number | null, userId?: number): void {
  if (managerId === null) return;
  const label = USER_FIELD_LABELS.managerId!;
  let cursor: number | null = managerId;
  for (let depth = 0; cursor !== null && depth < 50; depth++) {
    if (cursor === userId) throw AppError.field('managerId', label, { zh: '不能是本人或其下属', en: 'cannot be the user or a subordinate' });
    const row: { active: boolean; managerId: number | null } | undefined = db
      .select({ active: users.active, managerId: users.managerId })
      .from(users)
      .where(eq(users.id, cursor))
      .get();
    if (!row) throw AppError.field('managerId', label, { zh: '用户不存在', en: 'no such user' });
    if (depth === 0 && !row.active) throw AppError.field('managerId', label, { zh: '该用户已停用', en: 'that user is inactive' });
    cursor = row.managerId;
  }
}

function publicUser(row: Partial<UserRow>) {
  const { passwordHash: _hidden, ...rest } = row;
  return rest;
}

export function setupCompany(db: Db, input: z.output<typeof setupSchema>, at: Date): Actor {
  return db.transaction((tx) => {
    if ((tx.select({ n: count() }).from(users).get()?.n ?? 0) > 0) {
      throw new AppError('CONFLICT', '系统已经初始化过了，请直接登录', 'SalesDesk is already set up; please sign in');
    }
    writeSetting(tx, 'company', { name: input.companyName }, at);
    const row = tx
      .insert(users)
      .values({
        username: input.adminUsername.toLowerCase(),
        displayName: input.adminDisplayName,
        role: 'admin',
        managerId: null,
        region: '',
        channel: null,
        active: true,
        passwordHash: hashPassword(input.password),
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      })
      .returning()
      .get();
    recordAudit(tx, { userId: row.id, action: 'setup.init', entity: 'company', after: { company: input.companyName, admin: publicUser(row) }, at });
    return toActor(row);
  });
}

export function authenticate(db: Db, username: string, password: string): Actor {
  const row = db.select().from(users).where(eq(users.username, username.toLowerCase())).get();
  const valid = verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !valid || !row.active) {
    throw new AppError('BAD_CREDENTIALS', '用户名或密码错误，或账号已停用', 'Wrong username or password, or the account is inactive');
  }
  return toActor(row);
}

export function createUser(db: Db, actor: Actor, input: z.output<typeof userCreateSchema>, at: Date): User {
  return db.transaction((tx) => {
    const username = input.username.toLowerCase();
    assertUsernameFree(tx, username);
    assertValidManager(tx, input.managerId ?? null);
    const row = tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName,
        role: input.role,
        managerId: input.managerId ?? null,
        region: input.region ?? '',
        channel: input.channel ?? null,
        active: input.active ?? true,
        passwordHash: hashPassword(input.password),
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      })
      .returning()
      .get();
    recordAudit(tx, { userId: actor.id, action: 'users.create', entity: 'users', entityId: row.id, after: publicUser(row), at });
    return getUser(tx, row.id);
  });
}

function countActiveAdmins(tx: Tx, exceptId: number): number {
  return tx
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .all()
    .filter((u) => u.id !== exceptId && u.role === 'admin' && u.active).length;
}

export function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  patch: Partial<z.output<typeof userFieldsSchema>>,
  at: Date,
): User {
  return db.transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) throw new AppError('NOT_FOUND', `用户 #${id} 不存在`, `User #${id} not found`);
    const next: Partial<UserRow> = { ...patch };
    if (patch.username !== undefined) {
      next.username = patch.username.toLowerCase();
      assertUsernameFree(tx, next.username, id);
    }
    if (patch.managerId !== undefined) assertValidManager(tx, patch.managerId, id);
    const losesAdmin = before.role === 'admin' && ((patch.role !== undefined && patch.role !== 'admin') || patch.active === false);
    if (losesAdmin && countActiveAdmins(tx, id) === 0) {
      throw AppError.field('role', USER_FIELD_LABELS.role!, {
        zh: '至少要保留一个启用的系统管理员',
        en: 'at least one active administrator must remain',
      });
    }
    const after = tx
      .update(users)
      .set({ ...next, updatedAt: at.toISOString() })
      .where(eq(users.id, id))
      .returning()
      .get();
    recordAudit(tx, { userId: actor.id, action: 'users.update', entity: 'users', entityId: id, before: publicUser(before), after: publicUser(after), at });
    return getUser(tx, id);
  });
}

export function setPassword(db: Db, actor: Actor, id: number, newPassword: string, at: Date, action: string): void {
  db.transaction((tx) => {
    const row = tx.update(users).set({ passwordHash: hashPassword(newPassword), updatedAt: at.toISOString() }).where(eq(users.id, id)).returning({ id: users.id }).get();
    if (!row) throw new AppError('NOT_FOUND', `用户 #${id} 不存在`, `User #${id} not found`);
    recordAudit(tx, { userId: actor.id, action, entity: 'users', entityId: id, after: { passwordChanged: true }, at });
  });
}

export function changeOwnPassword(db: Db, actor: Actor, oldPassword: string, newPassword: string, at: Date): void {
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).get();
  if (!row || !verifyPassword(oldPassword, row.passwordHash)) {
    throw AppError.field('oldPassword', USER_FIELD_LABELS.oldPassword!, { zh: '不正确', en: 'is wrong' });
  }
  setPassword(db, actor, actor.id, newPassword, at, 'auth.changePassword');
}

export function roleOf(db: Db, userId: number): Role | null {
  return db.select({ role: users.role }).from(users).where(eq(users.id, userId)).get()?.role ?? null;
}
