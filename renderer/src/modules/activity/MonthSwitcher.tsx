// A month picker with ‹ › beside it (迟交记录, 绩效考核, 客户分级).
import { addMonths } from '../../../../shared/dates';
import { useActivityMessages } from './messages';

export function MonthSwitcher({ month, onMonth, testId }: { month: string; onMonth(month: string): void; testId: string }) {
  const t = useActivityMessages();
  return (
    <span className="month-switcher">
      <button type="button" onClick={() => onMonth(addMonths(month, -1))} aria-label="‹" title="‹">
        ‹
      </button>
      <input type="month" value={month} onChange={(e) => e.target.value && onMonth(e.target.value)} aria-label={t('month')} data-testid={testId} />
      <button type="button" onClick={() => onMonth(addMonths(month, 1))} aria-label="›" title="›">
        ›
      </button>
    </span>
  );
}
