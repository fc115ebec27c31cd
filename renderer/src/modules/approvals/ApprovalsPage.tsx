// 审批: what waits for my decision (requests judged by the policy engine whose current step is
// mine; C-NEW and C-CHANGE for managers and above) and what I have filed, with 新建申请.
// The core decides who may approve; the inbox shows only what is mine to decide.
import { useCallback, useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/domain';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useErrorText, useLabel } from '../../i18n';
import { PolicyRequestCard } from '../requests/PolicyRequestCard';
import { RequestDrawer } from '../requests/RequestDrawer';
import { useRequestMessages } from '../requests/messages';
import { ApprovalCard } from './ApprovalCard';
import { itemsOf, withoutItem, type ApprovalItem, type RequestLists } from './items';
import { useApprovalsMessages } from './messages';
import { isApprover, notifyApprovalsChanged } from './pending';

type Tab = 'inbox' | 'mine';

const NO_CUSTOMER_ITEMS = { applications: [], changeRequests: [] };

function useRequestLists(which: 'inbox' | 'mine', enabled: boolean, customerApprover: boolean) {
  const [lists, setLists] = useState<RequestLists | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      const [customers, requests] = await Promise.all([
        which === 'mine' ? invoke('approvals.mine', {}) : customerApprover ? invoke('approvals.inbox', {}) : Promise.resolve(NO_CUSTOMER_ITEMS),
        invoke(which === 'mine' ? 'requests.mine' : 'requests.inbox', {}),
      ]);
      setLists({ ...customers, requests });
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [which, customerApprover]);
  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);
  return { lists, setLists, error, load };
}

export function ApprovalsPage() {
  const t = useApprovalsMessages();
  const tr = useRequestMessages();
  const label = useLabel();
  const errorText = useErrorText();
  const me = useSession();
  const approver = isApprover(me.role);
  const [tab, setTab] = useState<Tab>('inbox');
  const [creating, setCreating] = useState(false);
  const inbox = useRequestLists('inbox', true, approver);
  const mine = useRequestLists('mine', tab === 'mine', approver);

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
            {inbox.lists && <span className="tab-count">{inboxItems.length}</span>}
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
        <button type="button" onClick={() => void current.load()}>
          {t('refresh')}
        </button>
        <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="request-new">
          {tr('newRequest')}
        </button>
      </div>
      {creating && (
        <RequestDrawer
          onClose={() => setCreating(false)}
          onSubmitted={() => {
            setCreating(false);
            setTab('mine');
            void mine.load();
          }}
        />
      )}

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
          {inbox.lists === null ? (
            inbox.error === null && <div className="panel empty-state muted">{t('loading')}</div>
          ) : inboxItems.length === 0 ? (
            <div className="panel empty-state">
              <p className="empty-title">{t('inboxEmpty')}</p>
              <p className="muted">{approver ? t('inboxEmptyHint') : t('notApproverHint', { role: label(ROLE_LABELS[me.role]) })}</p>
              <button type="button" onClick={() => setTab('mine')}>
                {t('showMine')}
              </button>
            </div>
          ) : (
            inboxItems.map((item) =>
              item.kind === 'policy' ? (
                <PolicyRequestCard key={item.key} request={item.policy} mode="inbox" onDecided={() => decided(item)} onStale={stale} />
              ) : (
                <ApprovalCard key={item.key} item={item} mode="inbox" onDecided={decided} onStale={stale} />
              ),
            )
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
            mineItems.map((item) =>
              item.kind === 'policy' ? (
                <PolicyRequestCard key={item.key} request={item.policy} mode="mine" onChanged={() => void mine.load()} />
              ) : (
                <ApprovalCard key={item.key} item={item} mode="mine" />
              ),
            )
          )}
        </section>
      )}
    </div>
  );
}
