// First run → setup; otherwise sign-in; then the shell. The session itself lives in the core.
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../shared/users';
import { invoke, onUnauthenticated } from '../api/client';
import { LoginPage } from './LoginPage';
import { useAppMessages } from './messages';
import { SetupPage } from './SetupPage';
import { Shell } from './Shell';
import { ToastProvider } from './toast';

type State =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'login'; companyName: string | null; notice?: string }
  | { kind: 'signedIn'; user: SessionUser };

export function App() {
  const t = useAppMessages();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const status = await invoke('setup.status', {});
      if (!status.initialized) return setState({ kind: 'setup' });
      const me = await invoke('auth.me', {});
      if (cancelled) return;
      setState(me ? { kind: 'signedIn', user: me } : { kind: 'login', companyName: status.companyName });
    })().catch(() => setState({ kind: 'login', companyName: null }));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((s) => (s.kind === 'signedIn' ? { kind: 'login', companyName: s.user.companyName, notice: t('sessionExpired') } : s)),
      ),
    [t],
  );

  let page;
  switch (state.kind) {
    case 'loading':
      page = <div className="auth-page muted">{t('loading')}</div>;
      break;
    case 'setup':
      page = <SetupPage onDone={(user) => setState({ kind: 'signedIn', user })} />;
      break;
    case 'login':
      page = <LoginPage companyName={state.companyName} notice={state.notice} onDone={(user) => setState({ kind: 'signedIn', user })} />;
      break;
    case 'signedIn':
      page = <Shell user={state.user} onSignedOut={() => setState({ kind: 'login', companyName: state.user.companyName })} />;
      break;
  }
  // Keyed by the signed-in user, so one user's notices never linger on the next user's screen.
  return <ToastProvider key={state.kind === 'signedIn' ? `user-${state.user.id}` : 'signed-out'}>{page}</ToastProvider>;
}
