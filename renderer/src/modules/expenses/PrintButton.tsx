// 打印申请单 / 打印报销单: the core makes the slip (A5 landscape, the usual 单据 size, or A4) and the
// print window shows it; the paper last chosen is remembered on this computer.
import { useState } from 'react';
import { PAPER_SIZES } from '../../../../shared/api';
import { invoke } from '../../api/client';
import { useToast } from '../../app/toast';
import { useErrorText } from '../../i18n';
import { openPrintWindow } from '../../print/openPrint';
import { useExpenseMessages } from './messages';

export type Paper = (typeof PAPER_SIZES)[number];
const STORAGE_KEY = 'salesdesk.expenses.paper';

function savedPaper(): Paper {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return (PAPER_SIZES as readonly string[]).includes(saved ?? '') ? (saved as Paper) : 'a5';
  } catch {
    return 'a5';
  }
}

/** `unavailable`: why the core would refuse to print it now (shown instead of trying). */
export function PrintButton(props: { target: { expenseId: number } | { claimId: number }; testId: string; unavailable?: string }) {
  const t = useExpenseMessages();
  const toast = useToast();
  const errorText = useErrorText();
  const [paper, setPaper] = useState<Paper>(savedPaper);
  const [busy, setBusy] = useState(false);

  function choose(next: Paper) {
    setPaper(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* a convenience */
    }
  }

  async function print() {
    setBusy(true);
    try {
      const { target } = props;
      const printed = 'expenseId' in target ? await invoke('print.expenseForm', { expenseId: target.expenseId, paper }) : await invoke('print.claimForm', { claimId: target.claimId, paper });
      if (!openPrintWindow(printed.html, printed.title)) toast('error', t('printBlocked'));
    } catch (error) {
      toast('error', t('printFailed', { error: errorText(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="print-group">
      <select
        value={paper}
        onChange={(e) => choose(e.target.value as Paper)}
        disabled={props.unavailable !== undefined}
        aria-label={t('paper')}
        title={t('paper')}
        data-testid={`${props.testId}-paper`}
      >
        <option value="a5">{t('paperA5')}</option>
        <option value="a4">{t('paperA4')}</option>
      </select>
      <button type="button" onClick={() => void print()} disabled={busy || props.unavailable !== undefined} title={props.unavailable} data-testid={props.testId}>
        {'expenseId' in props.target ? t('printExpense') : t('printClaim')}
      </button>
    </span>
  );
}
