import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../shared/users';
import { ApiError, invoke } from '../api/client';
import { useErrorText, useLang } from '../i18n';
import { Field } from './Field';
import { useAppMessages } from './messages';

export function SetupPage({ onDone }: { onDone: (user: SessionUser) => void }) {
  const t = useAppMessages();
  const { lang } = useLang();
  const errorText = useErrorText();
  const [form, setForm] = useState({ companyName: '', adminUsername: 'admin', adminDisplayName: '', password: '', repeat: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMismatch(form.password !== form.repeat);
    if (form.password !== form.repeat) return;
    setBusy(true);
    try {
      const { repeat: _repeat, ...input } = form;
      onDone(await invoke('setup.init', input));
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-page">
      <form className="auth-card auth-card-wide" onSubmit={submit} data-testid="setup-form">
        <h1>{t('appName')}</h1>
        <h2>{t('setupTitle')}</h2>
        <p className="muted">{t('setupIntro')}</p>
        {error && !error.payload.issues.length && <div className="form-error" role="alert">{errorText(error)}</div>}
        <Field label={t('companyName')} error={error?.fieldMessage('companyName', lang)}>
          <input name="companyName" value={form.companyName} onChange={set('companyName')} autoFocus />
        </Field>
        <Field label={t('adminUsername')} error={error?.fieldMessage('adminUsername', lang)}>
          <input name="adminUsername" value={form.adminUsername} onChange={set('adminUsername')} autoComplete="username" />
        </Field>
        <Field label={t('adminDisplayName')} error={error?.fieldMessage('adminDisplayName', lang)}>
          <input name="adminDisplayName" value={form.adminDisplayName} onChange={set('adminDisplayName')} />
        </Field>
        <Field label={t('password')} hint={t('passwordHint')} error={error?.fieldMessage('password', lang)}>
          <input name="password" type="password" value={form.password} onChange={set('password')} autoComplete="new-password" />
        </Field>
        <Field label={t('passwordRepeat')} error={mismatch ? t('passwordMismatch') : undefined}>
          <input name="repeat" type="password" value={form.repeat} onChange={set('repeat')} autoComplete="new-password" />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('createCompany')}
        </button>
      </form>
    </div>
  );
}
