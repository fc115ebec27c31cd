// 用户管理 (admin): accounts, roles and direct superiors (DOMAIN §1). The core enforces the rules
// (unique username, no loop of superiors, at least one active administrator); this page shows them.
import { useCallback, useEffect, useState } from 'react';
import { CHANNEL_LABELS, ROLE_LABELS } from '../../../../shared/domain';
import { formatTimestamp } from '../../../../shared/dates';
import type { User } from '../../../../shared/users';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';
import { useErrorText, useLabel } from '../../i18n';
import { useUsersMessages } from './messages';
import { ResetPasswordDialog } from './PasswordDialogs';
import { UserDialog } from './UserDialog';

type Open = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User };

export function UsersPage() {
  const t = useUsersMessages();
  const label = useLabel();
  const errorText = useErrorText();
  const me = useSession();
  const [users, setUsers] = useState<User[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [open, setOpen] = useState<Open>({ kind: 'none' });

  const load = useCallback(async () => {
    try {
      setUsers(await invoke('users.list', {}));
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const close = useCallback(() => setOpen({ kind: 'none' }), []);
  const saved = useCallback(() => {
    setOpen({ kind: 'none' });
    void load();
  }, [load]);

  const activeCount = users?.filter((u) => u.active).length ?? 0;

  return (
    <div className="page">
      <div className="toolbar">
        <h1 className="page-title">{t('title')}</h1>
        {users && <span className="muted">{t('count', { n: users.length, active: activeCount })}</span>}
        <span className="spacer" />
        <button type="button" onClick={() => void load()}>
          {t('refresh')}
        </button>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'add' })} data-testid="users-add">
          {t('add')}
        </button>
      </div>
      <p className="muted page-intro">{t('intro')}</p>

      {loadError !== null && (
        <div className="form-error" role="alert">
          {t('loadFailed', { error: errorText(loadError) })}{' '}
          <button type="button" className="link" onClick={() => void load()}>
            {t('retry')}
          </button>
        </div>
      )}

      <div className="panel panel-table">
        {users === null ? (
          loadError === null && <div className="empty-state muted">{t('loading')}</div>
        ) : (
          <table className="plain" data-testid="users-table">
            <thead>
              <tr>
                <th>{t('colUsername')}</th>
                <th>{t('colDisplayName')}</th>
                <th>{t('colRole')}</th>
                <th>{t('colManager')}</th>
                <th>{t('colRegion')}</th>
                <th>{t('colChannel')}</th>
                <th>{t('colActive')}</th>
                <th>{t('colCreatedAt')}</th>
                <th className="col-actions">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'row-inactive'} data-testid="user-row" data-username={u.username}>
                  <td className="mono">{u.username}</td>
                  <td>
                    {u.displayName}
                    {u.id === me.id && <span className="muted">{t('you')}</span>}
                  </td>
                  <td>{label(ROLE_LABELS[u.role])}</td>
                  <td>{u.managerName ?? <span className="muted">{t('none')}</span>}</td>
                  <td>{u.region || <span className="muted">{t('none')}</span>}</td>
                  <td>{u.channel ? label(CHANNEL_LABELS[u.channel]) : <span className="muted">{t('none')}</span>}</td>
                  <td>{u.active ? <span className="badge badge-approved">{t('yes')}</span> : <span className="badge badge-rejected">{t('inactive')}</span>}</td>
                  <td className="nowrap">{formatTimestamp(u.createdAt)}</td>
                  <td className="col-actions nowrap">
                    <button type="button" className="link" onClick={() => setOpen({ kind: 'edit', user: u })} data-testid="user-edit">
                      {t('edit')}
                    </button>
                    <button type="button" className="link" onClick={() => setOpen({ kind: 'reset', user: u })} data-testid="user-reset-password">
                      {t('resetPassword')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {(open.kind === 'add' || open.kind === 'edit') && users && (
        <UserDialog user={open.kind === 'edit' ? open.user : null} users={users} selfId={me.id} onClose={close} onSaved={saved} />
      )}
      {open.kind === 'reset' && <ResetPasswordDialog user={open.user} onClose={close} />}
    </div>
  );
}
