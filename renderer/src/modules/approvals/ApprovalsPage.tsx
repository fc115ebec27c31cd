// 审批: what waits for my decision (C-NEW, C-CHANGE; managers and above) and what I have filed.
// The core decides who may approve; a rep's inbox is simply empty, and this page says why.
import { useCallback, useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useErrorText, useLabel } from '../../i18n';
import { ApprovalCard } from './ApprovalCard';
import { itemsOf, withoutItem, type ApprovalItem, type RequestLists } from './items';
import { useApprovalsMessages } from './messages';
import { isApprover, notifyApprovalsChanged } from './pending';

type Tab = 'inbox' | 'mine';

function useRequestLists(channel: 'approvals.inbox' | 'approvals.mine', enabled: boolean) {
  const [lists, setLists] = useState<RequestLists | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setLists(await invoke(channel, {}));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [channel]);
  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);
  return { lists, setLists, error, load };
}

export function ApprovalsPage() {
  const t = useApprovalsMessages();
  const label = useLabel();
  const errorText = useErrorText();
  const me = useSession();
  const approver = isApprover(me.role);
  const [tab, setTab] = useState<Tab>('inbox');
  const inbox = useRequestLists('approvals.inbox', approver);
  const mine = useRequestLists('approvals.mine', tab === 'mine');

  const inboxItems = inbox.lists ? itemsOf(inbox.lists, 'oldest') : [];
  const mineItems = mine.lists ? itemsOf(mine.lists, 'newest') : [];
  const current = tab === 'inbox' ? inbox : mine;

  const { setLists: setInbox, load: loadInbox } = inbox;
  const decided = useCallback(
    (item: ApprovalItem) => {
      setInbox((lists) => (lists ? withoutItem(lists, item) : lists));
      notifyApprovalsChanged();
    },
    [setInbox],
  );
  const stale = useCallback(() => {
    void loadInbox();
    notifyApprovalsChanged();
  }, [loadInbox]);

  return (
    <div className="page">
      <div className="toolbar">
        <h1 className="page-title">{t('title')}</h1>
        <div className="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'inbox'}
            className={tab === 'inbox' ? 'tab active' : 'tab'}
            onClick={() => setTab('inbox')}
            data-testid="approvals-tab-inbox"
          >
            {t('tabInbox')}
            {approver && inbox.lists && <span className="tab-count">{inboxItems.length}</span>}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'mine'}
            className={tab === 'mine' ? 'tab active' : 'tab'}
            onClick={() => setTab('mine')}
            data-testid="approvals-tab-mine"
          >
            {t('tabMine')}
          </button>
        </div>
        <span className="spacer" />
        {(tab === 'mine' || approver) && (
          <button type="button" onClick={() => void current.load()}>
            {t('refresh')}
          </button>
        )}
      </div>

      {current.error !== null && (
        <div className="form-error" role="alert">
          {t('loadFailed', { error: errorText(current.error) })}{' '}
          <button type="button" className="link" onClick={() => void current.load()}>
            {t('retry')}
          </button>
        </div>
      )}

      {tab === 'inbox' ? (
        <section className="approval-list" role="tabpanel" data-testid="approvals-inbox">
          {!approver ? (
            <div className="panel empty-state">
              <p className="empty-title">{t('notApprover', { role: label(ROLE_LABELS[me.role]) })}</p>
              <p className="muted">{t('notApproverHint')}</p>
              <button type="button" onClick={() => setTab('mine')}>
                {t('showMine')}
              </button>
            </div>
          ) : inbox.lists === null ? (
            inbox.error === null && <div className="panel empty-state muted">{t('loading')}</div>
          ) : inboxItems.length === 0 ? (
            <div className="panel empty-state">
              <p className="empty-title">{t('inboxEmpty')}</p>
              <p className="muted">{t('inboxEmptyHint')}</p>
            </div>
          ) : (
            inboxItems.map((item) => <ApprovalCard key={item.key} item={item} mode="inbox" onDecided={decided} onStale={stale} />)
          )}
        </section>
      ) : (
        <section className="approval-list" role="tabpanel" data-testid="approvals-mine">
          {mine.lists === null ? (
            mine.error === null && <div className="panel empty-state muted">{t('loading')}</div>
          ) : mineItems.length === 0 ? (
            <div className="panel empty-state">
              <p className="empty-title">{t('mineEmpty')}</p>
              <p className="muted">{t('mineEmptyHint')}</p>
            </div>
          ) : (
            mineItems.map((item) => <ApprovalCard key={item.key} item={item} mode="mine" />)
          )}
        </section>
      )}
    </div>
  );
}
