import { and, count, desc, eq } from 'drizzle-orm';
import type { Handlers } from '../api/context';
import { users } from '../users/schema';
import { auditLog } from './schema';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export const auditHandlers: Pick<Handlers, 'audit.list'> = {
  'audit.list': ({ startRow, endRow, entity, entityId }, ctx) => {
    const where = and(entity ? eq(auditLog.entity, entity) : undefined, entityId ? eq(auditLog.entityId, entityId) : undefined);
    const rows = ctx.db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        userId: auditLog.userId,
        userName: users.displayName,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(auditLog.userId, users.id))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(Math.min(endRow - startRow, 500))
      .offset(startRow)
      .all()
      .map((row) => ({ ...row, before: parse(row.before), after: parse(row.after) }));
    const total = ctx.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
    return { rows, total };
  },
};
