import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../shared/users';
import { invoke } from '../api/client';
import { useErrorText, useLang } from '../i18n';
import { Field } from './Field';
import { useAppMessages } from './messages';

export function LoginPage(props: { companyName: string | null; notice?: string; onDone: (user: SessionUser) => void }) {
  const t = useAppMessages();
  const { lang, setLang } = useLang();
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onDone(await invoke('auth.login', { username, password }));
    } catch (err) {
      setError(errorText(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} data-testid="login-form">
        <h1>{t('appName')}</h1>
        {props.companyName && <h2>{props.companyName}</h2>}
        {props.notice && <div className="form-notice">{props.notice}</div>}
        {error && <div className="form-error" role="alert">{error}</div>}
        <Field label={t('username')}>
          <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus />
        </Field>
        <Field label={t('password')}>
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </Field>
        <button type="submit" className="primary" disabled={busy || !username || !password}>
          {t('signIn')}
        </button>
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('language')}
        </button>
      </form>
    </div>
  );
}
