// Password dialogs: the administrator resets someone's password; anyone changes their own.
import { useState, type FormEvent } from 'react';
import type { User } from '../../../../shared/users';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { Dialog } from './Dialog';
import { useFormErrors } from './formErrors';
import { useUsersMessages } from './messages';

function DialogActions(props: { busy: boolean; onCancel: () => void; saveTestId: string }) {
  const t = useUsersMessages();
  return (
    <div className="dialog-actions">
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
      <button type="submit" className="primary" disabled={props.busy} data-testid={props.saveTestId}>
        {props.busy ? t('saving') : t('save')}
      </button>
    </div>
  );
}

export function ResetPasswordDialog(props: { user: User; onClose: () => void }) {
  const t = useUsersMessages();
  const toast = useToast();
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(error, ['newPassword']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setMismatch(newPassword !== repeat);
    if (newPassword !== repeat) return;
    setBusy(true);
    try {
      await invoke('users.resetPassword', { id: props.user.id, newPassword });
      toast('success', t('resetDone', { name: props.user.displayName }));
      props.onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('resetTitle', { name: props.user.displayName })} onClose={props.onClose}>
      <form className="dialog-form" onSubmit={submit} data-testid="reset-password-form" noValidate>
        <p className="muted dialog-intro">{t('resetIntro', { name: props.user.displayName, username: props.user.username })}</p>
        {errors.general && <div className="form-error" role="alert">{errors.general}</div>}
        <Field label={t('newPassword')} hint={t('minLength')} error={errors.field('newPassword')}>
          <input name="newPassword" type="password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} autoComplete="new-password" />
        </Field>
        <Field label={t('repeat')} error={mismatch ? t('mismatch') : undefined}>
          <input name="repeat" type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
        </Field>
        <DialogActions busy={busy} onCancel={props.onClose} saveTestId="reset-password-save" />
      </form>
    </Dialog>
  );
}

/** Opened from the shell's sidebar (修改密码). */
export function ChangePasswordDialog(props: { onClose: () => void }) {
  const t = useUsersMessages();
  const toast = useToast();
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(error, ['oldPassword', 'newPassword']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setMismatch(newPassword !== repeat);
    if (newPassword !== repeat) return;
    setBusy(true);
    try {
      await invoke('auth.changePassword', { oldPassword, newPassword });
      toast('success', t('changeDone'));
      props.onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('changeTitle')} onClose={props.onClose} testId="change-password-dialog">
      <form className="dialog-form" onSubmit={submit} data-testid="change-password-form" noValidate>
        {errors.general && <div className="form-error" role="alert">{errors.general}</div>}
        <Field label={t('oldPassword')} error={errors.field('oldPassword')}>
          <input name="oldPassword" type="password" value={oldPassword} onChange={(e) => setOldPassword(e.target.value)} autoComplete="current-password" />
        </Field>
        <Field label={t('newPassword')} hint={t('minLength')} error={errors.field('newPassword')}>
          <input name="newPassword" type="password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} autoComplete="new-password" />
        </Field>
        <Field label={t('repeat')} error={mismatch ? t('mismatch') : undefined}>
          <input name="repeat" type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
        </Field>
        <DialogActions busy={busy} onCancel={props.onClose} saveTestId="change-password-save" />
      </form>
    </Dialog>
  );
}
