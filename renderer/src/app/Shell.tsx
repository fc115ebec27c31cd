import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain';
import type { SessionUser } from '../../../shared/users';
import { invoke } from '../api/client';
import { useLabel, useLang } from '../i18n';
import { PendingApprovalsBadge } from '../modules/approvals/PendingBadge';
import { ChangePasswordDialog } from '../modules/users/PasswordDialogs';
import { useAppMessages } from './messages';
import { routesFor } from './routes';
import { SessionContext } from './session';

function currentPath(): string {
  return window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
}

export function Shell({ user, onSignedOut }: { user: SessionUser; onSignedOut: () => void }) {
  const t = useAppMessages();
  const label = useLabel();
  const { lang, setLang } = useLang();
  const routes = routesFor(user.role);
  const [path, setPath] = useState(currentPath);
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => {
    const onHash = () => setPath(currentPath());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const route = routes.find((r) => r.path === path) ?? routes[0]!;
  const Page = route.component;

  async function signOut() {
    await invoke('auth.logout', {}).catch(() => undefined);
    onSignedOut();
  }

  return (
    <SessionContext.Provider value={user}>
      <div className="shell">
        <nav className="sidebar" aria-label="main">
          <div className="brand">
            <div className="brand-name">{t('appName')}</div>
            <div className="brand-company" title={user.companyName}>{user.companyName}</div>
          </div>
          {routes.map((r) => (
            <a key={r.path} href={`#/${r.path}`} className={r === route ? 'nav-link active' : 'nav-link'} data-testid={`nav-${r.path}`}>
              {t(r.nav)}
              {r.path === 'approvals' && <PendingApprovalsBadge role={user.role} />}
            </a>
          ))}
          <div className="sidebar-footer">
            <div className="who" data-testid="signed-in-user">
              {t('signedInAs', { name: user.displayName, role: label(ROLE_LABELS[user.role]) })}
            </div>
            <button type="button" className="link" onClick={() => setChangingPassword(true)} data-testid="change-password">
              {t('changePassword')}
            </button>
            <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {t('language')}
            </button>
            <button type="button" className="link" onClick={signOut} data-testid="sign-out">
              {t('signOut')}
            </button>
          </div>
        </nav>
        <main className="content">
          <Page />
        </main>
      </div>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </SessionContext.Provider>
  );
}
