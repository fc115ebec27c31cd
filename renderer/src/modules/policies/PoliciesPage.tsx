// 制度参数 (admin edits, gm reads): every rule of the policy catalog by DOMAIN section with its
// parameters in force, their versions, and the working calendar. The page knows no rule by name:
// it draws whatever the core's catalog holds.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RuleInfo } from '../../../../shared/policy';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useErrorText } from '../../i18n';
import { CalendarTab } from './CalendarTab';
import { usePoliciesMessages, type PoliciesMessageKey } from './messages';
import { changedKeys } from './paramSchema';
import { RuleCard } from './RuleCard';
import { RuleDrawer, type DrawerMode } from './RuleDrawer';

type Tab = 'rules' | 'calendar';

const SECTION_KEYS: Record<number, PoliciesMessageKey> = {
  2: 'section2',
  3: 'section3',
  4: 'section4',
  5: 'section5',
  6: 'section6',
  7: 'section7',
  8: 'section8',
  9: 'section9',
};

/** The tab is kept in the address (#/policies?tab=calendar) so a reload stays on it. */
function tabFromHash(): Tab {
  return /[?&]tab=calendar\b/.test(window.location.hash) ? 'calendar' : 'rules';
}

function matches(rule: RuleInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [rule.id, rule.name.zh, rule.name.en].some((text) => text.toLowerCase().includes(q));
}

export function PoliciesPage() {
  const t = usePoliciesMessages();
  const errorText = useErrorText();
  const me = useSession();
  const canEdit = me.role === 'admin';
  const canSeeHistory = me.role === 'admin' || me.role === 'gm';
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [rules, setRules] = useState<RuleInfo[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [open, setOpen] = useState<{ ruleId: string; mode: DrawerMode } | null>(null);

  const load = useCallback(async () => {
    try {
      setRules(await invoke('policy.catalog', {}));
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  function switchTab(next: Tab) {
    setTab(next);
    window.history.replaceState(null, '', next === 'calendar' ? '#/policies?tab=calendar' : '#/policies');
  }

  const sections = useMemo(() => {
    const shown = (rules ?? []).filter((r) => matches(r, query) && (!onlyChanged || changedKeys(r).length > 0 || r.scheduled.length > 0));
    const bySection = new Map<number, RuleInfo[]>();
    for (const rule of shown) bySection.set(rule.section, [...(bySection.get(rule.section) ?? []), rule]);
    return [...bySection.entries()].sort(([a], [b]) => (a || 99) - (b || 99));
  }, [rules, query, onlyChanged]);

  const changedCount = rules?.filter((r) => changedKeys(r).length > 0).length ?? 0;
  const openRule = open && rules?.find((r) => r.id === open.ruleId);
  const close = useCallback(() => setOpen(null), []);

  return (
    <div className="page policies-page">
      <div className="toolbar">
        <h1 className="page-title">{t('title')}</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'rules'} className={tab === 'rules' ? 'tab active' : 'tab'} onClick={() => switchTab('rules')} data-testid="policies-tab-rules">
            {t('tabRules')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'calendar'}
            className={tab === 'calendar' ? 'tab active' : 'tab'}
            onClick={() => switchTab('calendar')}
            data-testid="policies-tab-calendar"
          >
            {t('tabCalendar')}
          </button>
        </div>
        {tab === 'rules' && (
          <>
            <input
              type="search"
              className="policies-search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('search')}
              aria-label={t('search')}
              data-testid="policies-search"
            />
            <label className="check">
              <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
              <span>{t('onlyChanged')}</span>
            </label>
            <span className="spacer" />
            {rules && <span className="muted">{t('count', { n: rules.length, changed: changedCount })}</span>}
            <button type="button" onClick={() => void load()}>
              {t('refresh')}
            </button>
          </>
        )}
      </div>

      {tab === 'calendar' ? (
        <CalendarTab canEdit={canEdit} />
      ) : (
        <>
          <p className="muted page-intro">{canEdit ? t('introAdmin') : t('introReadOnly')}</p>
          {loadError !== null && (
            <div className="form-error" role="alert">
              {t('loadFailed', { error: errorText(loadError) })}{' '}
              <button type="button" className="link" onClick={() => void load()}>
                {t('retry')}
              </button>
            </div>
          )}
          {rules === null ? (
            loadError === null && <div className="empty-state muted">{t('loading')}</div>
          ) : sections.length === 0 ? (
            <div className="empty-state muted" data-testid="policies-empty">
              {t('noMatch', { q: query })}
            </div>
          ) : (
            <div className="rule-sections" data-testid="policies-list">
              {sections.map(([section, list]) => (
                <section key={section} className="rule-section" data-section={section}>
                  <h2 className="rule-section-title">{t(SECTION_KEYS[section] ?? 'section0')}</h2>
                  {list.map((rule) => (
                    <RuleCard
                      key={rule.id}
                      rule={rule}
                      canEdit={canEdit}
                      canSeeHistory={canSeeHistory}
                      onEdit={() => setOpen({ ruleId: rule.id, mode: 'edit' })}
                      onHistory={() => setOpen({ ruleId: rule.id, mode: 'history' })}
                    />
                  ))}
                </section>
              ))}
            </div>
          )}
        </>
      )}

      {openRule && open && (
        <RuleDrawer
          rule={openRule}
          mode={open.mode === 'edit' && canEdit ? 'edit' : 'history'}
          onClose={close}
          onSaved={() => {
            setOpen(null);
            void load();
          }}
        />
      )}
    </div>
  );
}
