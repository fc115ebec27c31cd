// PLACEHOLDER (contract): the printed monthly report; the print helper implements it.
import type { Handlers } from '../api/context';

export const reportPrintHandlers: Pick<Handlers, 'print.monthlyReport'> = {
  'print.monthlyReport': () => {
    throw new Error('not implemented yet');
  },
};
