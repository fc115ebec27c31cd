// The core as every host uses it (Electron main, the browser preview, the CLI, tests): open the
// database (migrating after a backup) and put the one dispatcher in front of the module handlers.
import type { DispatchCall, DispatchOutcome } from './api/dispatcher';
import { Dispatcher } from './api/dispatcher';
import type { Handlers } from './api/context';
import { SessionStore } from './api/sessions';
import { activityHandlers } from './activity/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { auditHandlers } from './audit/handlers';
import { complaintHandlers } from './complaints/handlers';
import { customerHandlers } from './customers/handlers';
import { openDatabase, type Database, type OpenOptions } from './db/connection';
import { expenseHandlers } from './expenses/handlers';
import { leaveHandlers } from './leave/handlers';
import { ledgerHandlers } from './ledger/handlers';
import { orderHandlers } from './orders/handlers';
import { productHandlers } from './products/handlers';
import { printHandlers } from './print/handlers';
import { hrPrintHandlers } from './print/hrHandlers';
import { reportPrintHandlers } from './print/reportHandlers';
import { performanceHandlers } from './performance/handlers';
import { reportHandlers } from './report/handlers';
import { policyHandlers } from './requests/handlers';
import { targetHandlers } from './targets/handlers';
import { userHandlers } from './users/handlers';

export const handlers: Handlers = {
  ...userHandlers,
  ...customerHandlers,
  ...orderHandlers,
  ...productHandlers,
  ...auditHandlers,
  ...ledgerHandlers,
  ...expenseHandlers,
  ...policyHandlers,
  ...printHandlers,
  ...complaintHandlers,
  ...leaveHandlers,
  ...attendanceHandlers,
  ...hrPrintHandlers,
  ...targetHandlers,
  ...activityHandlers,
  ...performanceHandlers,
  ...reportHandlers,
  ...reportPrintHandlers,
};

export interface Core {
  database: Database;
  dispatcher: Dispatcher;
  dispatch(call: DispatchCall): Promise<DispatchOutcome>;
  close(): void;
}

export interface CoreOptions extends OpenOptions {
  now?: () => Date;
  sessions?: SessionStore;
  logError?: (error: unknown, channel: string) => void;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const database = await openDatabase(options);
  const dispatcher = new Dispatcher({
    database,
    handlers,
    sessions: options.sessions,
    now: options.now,
    logError: options.logError,
  });
  return {
    database,
    dispatcher,
    dispatch: (call) => dispatcher.dispatch(call),
    close: () => database.close(),
  };
}

export type { DispatchCall, DispatchOutcome };
