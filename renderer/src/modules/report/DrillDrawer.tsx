// The orders behind a figure of the report (销售额 or 回款) of one row or of the total, with the sum
// at the foot equal to the figure clicked. Esc or × closes it.
import { useCallback, useEffect, useState } from 'react';
import { formatFen } from '../../../../shared/money';
import type { DrillFigure, ReportDimension, ReportDrill } from '../../../../shared/report';
import { invoke } from '../../api/client';
import { DrawerFrame } from '../../app/DrawerFrame';
import { useDrawerEscape } from '../../app/drawer';
import { useErrorText } from '../../i18n';
import { useReportMessages } from './messages';
import { formatQuantityValue } from './reportFormat';

export interface DrillTarget {
  month: string;
  by: ReportDimension;
  /** A row's key, or null for the total. */
  key: string | null;
  name: string;
  figure: DrillFigure;
}

export function DrillDrawer({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const t = useReportMessages();
  const errorText = useErrorText();
  const [drill, setDrill] = useState<ReportDrill | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = useCallback(() => onClose(), [onClose]);
  useDrawerEscape(false, () => undefined, close);

  useEffect(() => {
    let alive = true;
    setDrill(null);
    setError(null);
    invoke('report.drill', { month: target.month, by: target.by, key: target.key, figure: target.figure })
      .then((d) => alive && setDrill(d))
      .catch((err: unknown) => alive && setError(errorText(err)));
    return () => {
      alive = false;
    };
  }, [target, errorText]);

  const sales = target.figure === 'sales';
  const figureName = sales ? t('drillSales') : t('drillReceipts');
  const rows = drill?.rows ?? [];
  const cost = rows.reduce((s, r) => s + r.cost, 0);
  const quantity = rows.reduce((s, r) => s + r.quantity, 0);
  const orders = new Set(rows.filter((r) => r.orderId !== null).map((r) => r.orderId)).size;

  return (
    <DrawerFrame
      className="report-drill"
      testId="report-drill"
      title={t('drillTitle', { name: target.name, figure: figureName, month: target.month })}
      closeLabel={t('close')}
      closeTestId="report-drill-close"
      closeAutoFocus
      onClose={close}
    >
      <div className="drawer-body">
        {error && (
          <div className="form-error" role="alert" data-testid="report-drill-error">
            {t('drillFailed', { error })}
          </div>
        )}
        {!drill && !error && <div className="empty-state muted">{t('drillLoading')}</div>}
        {drill && rows.length === 0 && <div className="empty-state muted" data-testid="report-drill-empty">{t('drillNone')}</div>}
        {drill && rows.length > 0 && (
          <div className="panel panel-table">
            <table className="plain report-drill-table" data-testid="report-drill-table">
              <thead>
                <tr>
                  <th>{t('drillOrderNo')}</th>
                  <th>{t('drillCustomer')}</th>
                  <th>{t('drillRep')}</th>
                  <th>{t('drillDate')}</th>
                  {sales ? (
                    <>
                      <th className="num">{t('drillSalesCol')}</th>
                      <th className="num">{t('drillCost')}</th>
                      <th className="num">{t('drillQuantity')}</th>
                    </>
                  ) : (
                    <th className="num">{t('drillReceiptsCol')}</th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.orderId ?? 'none'}-${i}`} data-testid="report-drill-row">
                    <td className="mono">{r.orderId === null ? <span className="muted">{r.orderNo || t('drillNoOrder')}</span> : <a href={`#/orders?id=${r.orderId}`}>{r.orderNo}</a>}</td>
                    <td>
                      <span className="mono muted small">{r.customerNo}</span> {r.customerName}
                    </td>
                    <td>{r.repName}</td>
                    <td className="nowrap">{r.date}</td>
                    {sales ? (
                      <>
                        <td className="num">{formatFen(r.sales)}</td>
                        <td className="num">{formatFen(r.cost)}</td>
                        <td className="num">{formatQuantityValue(r.quantity)}</td>
                      </>
                    ) : (
                      <td className="num">{formatFen(r.receipts)}</td>
                    )}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="report-drill-sum">
                  <th colSpan={4}>{t('drillSum', { n: orders })}</th>
                  {sales ? (
                    <>
                      <td className="num" data-testid="report-drill-sum">
                        {formatFen(drill.sales)}
                      </td>
                      <td className="num">{formatFen(cost)}</td>
                      <td className="num">{formatQuantityValue(Math.round(quantity * 1000) / 1000)}</td>
                    </>
                  ) : (
                    <td className="num" data-testid="report-drill-sum">
                      {formatFen(drill.receipts)}
                    </td>
                  )}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </div>
    </DrawerFrame>
  );
}
