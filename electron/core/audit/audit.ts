import { auditLog } from './schema';
import type { Db, Tx } from '../db/connection';

export interface AuditRecord {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** Adds one audit row; call it inside the transaction of the write it records. */
export function recordAudit(tx: Tx | Db, record: AuditRecord): void {
  tx.insert(auditLog)
    .values({
      at: record.at.toISOString(),
      userId: record.userId,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId === undefined || record.entityId === null ? null : String(record.entityId),
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
    })
    .run();
}
