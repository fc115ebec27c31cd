// K-MONTHLY on paper: the monthly report printed (A4 portrait, monthlyReport.ts) from the same figures
// the screen shows (report/service.ts), with the company's name and who printed it when. Audited.
import { formatTimestamp } from '../../../shared/dates';
import { recordAudit } from '../audit/audit';
import { actorOf, type Handlers } from '../api/context';
import { monthlyReport } from '../report/service';
import { companyOf } from '../settings/service';
import { monthlyReportDocument } from './monthlyReport';

export const reportPrintHandlers: Pick<Handlers, 'print.monthlyReport'> = {
  'print.monthlyReport': ({ month, by }, ctx) => {
    const actor = actorOf(ctx);
    const at = ctx.now();
    const report = monthlyReport(ctx.db, actor, { month, by }, at);
    const { html, pages } = monthlyReportDocument(report, {
      companyName: companyOf(ctx.db)?.name ?? '',
      printedBy: actor.displayName,
      printedAt: formatTimestamp(at.toISOString()),
    });
    recordAudit(ctx.db, { userId: actor.id, action: 'print.monthlyReport', entity: 'report', entityId: null, after: { month, by, rows: report.rows.length, pages }, at });
    return { title: `月度销售报表 ${month}`, html, pages };
  },
};
