// §5 The sales ledger's month end: O-STATEMENT (the day a month's receivables statements are
// produced) and O-RECON (the day finance publishes each rep's figures; the rep may dispute on the day
// of publication; after it the month is locked). Both days are of the month after the one reported.
import { z } from 'zod';
import type { Finding } from '../../../../shared/policy';
import type { KindDef } from '../kind';
import { defineRule, finding } from '../rule';

/** `YYYY-MM` → the month after it (string arithmetic: no Date quirks for years before 100). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}

/** `YYYY-MM` → the `day`-th (1–28) of the following month (YYYY-MM-DD). */
export function dayOfNextMonth(month: string, day: number): string {
  return `${nextMonth(month)}-${String(day).padStart(2, '0')}`;
}

const dayParam = () => z.int().min(1).max(28);

export interface MonthEndRequest {
  /** The month reported (YYYY-MM). */
  month: string;
  /** The day of the check (YYYY-MM-DD). */
  asOf: string;
}

export const statementDay = defineRule({
  id: 'O-STATEMENT',
  name: { zh: '应收账款明细', en: 'Receivables statement' },
  description: {
    zh: '每月第 5 日出具上月每个客户的应收账款明细：前月余额、本月销售额、本月回款、应收账款余额。此前查看的上月对账单为预览，数字仍可能变化。',
    en: "On day 5 of each month the previous month's statement of every customer is produced: previous balance, sales, receipts, receivable balance. Before that day the previous month's statements are provisional.",
  },
  params: z.object({ day: dayParam().default(5) }).default({ day: 5 }),
  evaluate(request: MonthEndRequest, _ctx, params) {
    const issueDate = dayOfNextMonth(request.month, params.day);
    const provisional = request.asOf < issueDate;
    const findings: Finding[] = provisional
      ? [
          finding(
            'O-STATEMENT',
            'info',
            { zh: `${request.month} 的对账单将于 ${issueDate} 出具，当前为预览`, en: `The statements of ${request.month} are produced on ${issueDate}; this is a preview` },
            { issueDate },
          ),
        ]
      : [];
    return { findings, computed: { issueDate, provisional } };
  },
});

export const reconciliation = defineRule({
  id: 'O-RECON',
  name: { zh: '业务量核对', en: 'Monthly reconciliation' },
  description: {
    zh: '每月第 5 日（含）起，财务公布每位客户经理上月的业务量和回款；客户经理可在公布当天提出异议；此后数字锁定，不得再有日期在该月的分录。',
    en: "From day 5 of each month finance publishes each rep's previous-month volume and collections; the rep may dispute on the day of publication; after it the figures are locked and no entry may be dated in that month.",
  },
  params: z.object({ day: dayParam().default(5) }).default({ day: 5 }),
  evaluate(request: MonthEndRequest, _ctx, params) {
    const publishFrom = dayOfNextMonth(request.month, params.day);
    const early = request.asOf < publishFrom;
    const findings: Finding[] = early
      ? [
          finding(
            'O-RECON',
            'block',
            {
              zh: `${request.month} 的业务量须在 ${publishFrom}（次月第 ${params.day} 日）或之后公布`,
              en: `The figures of ${request.month} may be published on ${publishFrom} (day ${params.day} of the next month) or later`,
            },
            { publishFrom },
          ),
        ]
      : [];
    return { findings, computed: { publishFrom } };
  },
});

export const rules = {
  'O-STATEMENT': statementDay,
  'O-RECON': reconciliation,
} as const;

/** No request kinds: the ledger's month end is judged inside its services (electron/core/ledger). */
export const kinds: readonly KindDef[] = [];
