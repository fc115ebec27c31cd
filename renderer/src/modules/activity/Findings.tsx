// The policy engine's findings on a log, a week or a score: each with its rule id, in the active
// language; a block is red, a warning amber, information blue (the .finding styles of requests).
import { formatTimestamp } from '../../../../shared/dates';
import type { Finding } from '../../../../shared/policy';
import { useLang } from '../../i18n';

const SEVERITY_ICON = { block: '✕', approval: '✓', warn: '!', info: 'i' } as const;

export function Findings({ findings, testId = 'finding' }: { findings: readonly Finding[]; testId?: string }) {
  const { lang } = useLang();
  if (findings.length === 0) return null;
  return (
    <ul className="findings activity-findings">
      {findings.map((f, i) => (
        <li key={i} className={`finding finding-${f.severity}`} data-testid={testId} data-rule={f.ruleId} data-severity={f.severity}>
          <span className="finding-icon" aria-hidden="true">
            {SEVERITY_ICON[f.severity]}
          </span>
          <span className="rule-id">{f.ruleId}</span>
          <span className="finding-text">{lang === 'zh' ? f.message : f.messageEn}</span>
        </li>
      ))}
    </ul>
  );
}

const WEEKDAYS = { zh: ['日', '一', '二', '三', '四', '五', '六'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] } as const;
/** "周三" / "Wed" of a day. */
export function weekdayText(date: string, lang: 'zh' | 'en'): string {
  const day = WEEKDAYS[lang][new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  return lang === 'zh' ? `周${day}` : day;
}

/**
 * "2026-03-17 10:00" of a timestamp: one written with the office offset (a log's submission, a
 * deadline) by its own wall clock; a UTC one ("…Z") in the browser's local time.
 */
export function stamp(iso: string): string {
  if (/Z$/i.test(iso)) return formatTimestamp(iso);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}
