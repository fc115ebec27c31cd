// 打印 with a paper choice: the core makes the slip (A5 landscape, the usual 单据 size, or A4) and
// the print window shows it; the paper last chosen is remembered on this computer. A form printed
// on one paper only (the A5 leave slip, the A4 attendance sheet) shows no choice.
import { useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/api';
import { PAPER_SIZES } from '../../../shared/api';
import { invoke } from '../api/client';
import { useToast } from '../app/toast';
import { defineMessages, useErrorText } from '../i18n';
import { openPrintWindow } from './openPrint';
import './print.css';

export type Paper = (typeof PAPER_SIZES)[number];
export type Printed = ChannelOutput<'print.expenseForm'>;

/** What a button prints, for the forms the core knows; or pass `print` for anything else. */
export type PrintTarget =
  | { expenseId: number }
  | { claimId: number }
  | { complaintId: number }
  | { leaveId: number }
  | { attendance: ChannelInput<'print.attendanceSheet'> };

const useMessages = defineMessages({
  zh: {
    print: '打印',
    paper: '纸张',
    paperA5: 'A5 横版',
    paperA4: 'A4',
    printBlocked: '打印窗口被拦截，请允许弹出窗口后重试',
    printFailed: '无法打印：{error}',
  },
  en: {
    print: 'Print',
    paper: 'Paper',
    paperA5: 'A5 landscape',
    paperA4: 'A4',
    printBlocked: 'The print window was blocked; allow pop-ups and try again',
    printFailed: 'Cannot print: {error}',
  },
});

const DEFAULT_STORAGE_KEY = 'salesdesk.print.paper';

/** The papers a target's form comes on: the leave slip A5 only, the attendance sheet A4 only. */
export function papersOf(target: PrintTarget): readonly Paper[] {
  if ('leaveId' in target) return ['a5'];
  if ('attendance' in target) return ['a4'];
  return PAPER_SIZES;
}

/** Asks the core for a target's form on a paper. */
export function printTarget(target: PrintTarget, paper: Paper): Promise<Printed> {
  if ('expenseId' in target) return invoke('print.expenseForm', { expenseId: target.expenseId, paper });
  if ('claimId' in target) return invoke('print.claimForm', { claimId: target.claimId, paper });
  if ('complaintId' in target) return invoke('print.complaintForm', { complaintId: target.complaintId, paper });
  if ('leaveId' in target) return invoke('print.leaveForm', { leaveId: target.leaveId });
  return invoke('print.attendanceSheet', target.attendance);
}

function savedPaper(key: string, papers: readonly Paper[]): Paper {
  const fallback = papers[0] ?? 'a5';
  try {
    const saved = localStorage.getItem(key);
    return papers.find((p) => p === saved) ?? fallback;
  } catch {
    return fallback;
  }
}

export interface PrintButtonProps {
  /** What to print: a known form, or `print` (called with the chosen paper). */
  target?: PrintTarget;
  print?: (paper: Paper) => Promise<Printed>;
  /** The papers offered; default: the target's (A5 and A4 for expense, claim and complaint slips). One paper: no choice shown. */
  papers?: readonly Paper[];
  /** The button's text; default 打印 / Print. */
  label?: string;
  /** data-testid of the button; the paper choice is `${testId}-paper`. */
  testId: string;
  /** Why the core would refuse to print it now (shown instead of trying). */
  unavailable?: string;
  /** localStorage key of the remembered paper; default one for every slip. */
  storageKey?: string;
}

export function PrintButton(props: PrintButtonProps) {
  const t = useMessages();
  const toast = useToast();
  const errorText = useErrorText();
  const papers = props.papers ?? (props.target ? papersOf(props.target) : PAPER_SIZES);
  const storageKey = props.storageKey ?? DEFAULT_STORAGE_KEY;
  const [chosen, setChosen] = useState<Paper>(() => savedPaper(storageKey, papers));
  const paper = papers.includes(chosen) ? chosen : (papers[0] ?? 'a5');
  const [busy, setBusy] = useState(false);

  function choose(next: Paper) {
    setChosen(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      /* a convenience */
    }
  }

  async function print() {
    setBusy(true);
    try {
      const printed = props.print ? await props.print(paper) : props.target ? await printTarget(props.target, paper) : undefined;
      if (printed && !openPrintWindow(printed.html, printed.title)) toast('error', t('printBlocked'));
    } catch (error) {
      toast('error', t('printFailed', { error: errorText(error) }));
    } finally {
      setBusy(false);
    }
  }

  const unavailable = props.unavailable !== undefined;
  return (
    <span className="print-group">
      {papers.length > 1 && (
        <select value={paper} onChange={(e) => choose(e.target.value as Paper)} disabled={unavailable} aria-label={t('paper')} title={t('paper')} data-testid={`${props.testId}-paper`}>
          {papers.map((p) => (
            <option key={p} value={p}>
              {p === 'a5' ? t('paperA5') : t('paperA4')}
            </option>
          ))}
        </select>
      )}
      <button type="button" onClick={() => void print()} disabled={busy || unavailable} title={props.unavailable} data-testid={props.testId}>
        {props.label ?? t('print')}
      </button>
    </span>
  );
}
