// Add or edit a user (DOMAIN §1: every user has a role, a direct superior, a region and a channel).
import { useState, type FormEvent } from 'react';
import type { ChannelInput } from '../../../../shared/api';
import { CHANNELS, CHANNEL_LABELS, ROLES, ROLE_LABELS, type Channel, type Role } from '../../../../shared/domain';
import type { User } from '../../../../shared/users';
import { invoke } from '../../api/client';
import { Field } from '../../app/Field';
import { useToast } from '../../app/toast';
import { useLabel } from '../../i18n';
import { Dialog } from './Dialog';
import { useFormErrors } from './formErrors';
import { useUsersMessages } from './messages';

interface FormState {
  username: string;
  displayName: string;
  role: Role;
  /** '' = no superior. */
  managerId: string;
  region: string;
  /** '' = no channel. */
  channel: Channel | '';
  active: boolean;
  password: string;
  repeat: string;
}

const FIELDS = ['username', 'displayName', 'role', 'managerId', 'region', 'channel', 'active', 'password'] as const;

function initialState(user: User | null): FormState {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'rep',
    managerId: user?.managerId ? String(user.managerId) : '',
    region: user?.region ?? '',
    channel: user?.channel ?? '',
    active: user?.active ?? true,
    password: '',
    repeat: '',
  };
}

type Patch = ChannelInput<'users.update'>['patch'];

/** Only what differs from the saved user, so the audit row shows the real change. */
function patchOf(user: User, form: FormState): Patch {
  const patch: Patch = {};
  const managerId = form.managerId ? Number(form.managerId) : null;
  const channel = form.channel || null;
  if (form.username.trim() !== user.username) patch.username = form.username;
  if (form.displayName.trim() !== user.displayName) patch.displayName = form.displayName;
  if (form.role !== user.role) patch.role = form.role;
  if (managerId !== user.managerId) patch.managerId = managerId;
  if (form.region.trim() !== user.region) patch.region = form.region;
  if (channel !== user.channel) patch.channel = channel;
  if (form.active !== user.active) patch.active = form.active;
  return patch;
}

export function UserDialog(props: { user: User | null; users: readonly User[]; selfId: number; onClose: () => void; onSaved: (user: User) => void }) {
  const t = useUsersMessages();
  const label = useLabel();
  const toast = useToast();
  const editing = props.user;
  const [form, setForm] = useState<FormState>(() => initialState(editing));
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(error, FIELDS);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  // A superior must be an active user other than the one edited; a current but inactive superior stays listed.
  const superiors = props.users.filter(
    (u) => u.id !== editing?.id && (u.active || u.id === editing?.managerId),
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!editing) {
      const differ = form.password !== form.repeat;
      setMismatch(differ);
      if (differ) return;
    }
    setBusy(true);
    try {
      let saved: User;
      if (editing) {
        const patch = patchOf(editing, form);
        if (Object.keys(patch).length === 0) {
          toast('info', t('unchanged'));
          props.onClose();
          return;
        }
        saved = await invoke('users.update', { id: editing.id, patch });
        toast('success', t('updated', { name: saved.displayName }));
      } else {
        saved = await invoke('users.create', {
          username: form.username,
          displayName: form.displayName,
          role: form.role,
          managerId: form.managerId ? Number(form.managerId) : null,
          region: form.region,
          channel: form.channel || null,
          password: form.password,
        });
        toast('success', t('created', { name: saved.displayName }));
      }
      props.onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={editing ? t('editTitle', { name: editing.displayName }) : t('addTitle')} onClose={props.onClose} wide>
      <form className="dialog-form" onSubmit={submit} data-testid="user-form" noValidate>
        {errors.general && (
          <div className="form-error" role="alert">
            {errors.general}
          </div>
        )}
        <div className="form-grid form-grid-2">
          <Field label={t('username')} hint={t('usernameHint')} error={errors.field('username')}>
            <input name="username" value={form.username} onChange={(e) => set('username', e.target.value)} autoComplete="off" spellCheck={false} />
          </Field>
          <Field label={t('displayName')} error={errors.field('displayName')}>
            <input name="displayName" value={form.displayName} onChange={(e) => set('displayName', e.target.value)} autoComplete="off" />
          </Field>
          <Field label={t('role')} error={errors.field('role')}>
            <select name="role" value={form.role} onChange={(e) => set('role', ROLES.find((r) => r === e.target.value) ?? form.role)}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {label(ROLE_LABELS[role])}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('managerId')} error={errors.field('managerId')}>
            <select name="managerId" value={form.managerId} onChange={(e) => set('managerId', e.target.value)}>
              <option value="">{t('noManager')}</option>
              {superiors.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {`${u.displayName}（${label(ROLE_LABELS[u.role])}）${u.active ? '' : ` ${t('inactive')}`}`}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('region')} hint={t('regionHint')} error={errors.field('region')}>
            <input name="region" value={form.region} onChange={(e) => set('region', e.target.value)} autoComplete="off" />
          </Field>
          <Field label={t('channel')} error={errors.field('channel')}>
            <select name="channel" value={form.channel} onChange={(e) => set('channel', CHANNELS.find((c) => c === e.target.value) ?? '')}>
              <option value="">{t('noChannel')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {label(CHANNEL_LABELS[c])}
                </option>
              ))}
            </select>
          </Field>
          {editing ? (
            <div className={`field field-wide${errors.field('active') ? ' field-invalid' : ''}`}>
              <label className="check">
                <input
                  name="active"
                  type="checkbox"
                  checked={form.active}
                  disabled={editing.id === props.selfId && form.active}
                  onChange={(e) => set('active', e.target.checked)}
                />
                <span>{t('active')}</span>
              </label>
              {errors.field('active') ? (
                <span className="field-error" role="alert">{errors.field('active')}</span>
              ) : (
                <span className="field-hint">{t('activeHint')}</span>
              )}
            </div>
          ) : (
            <>
              <Field label={t('password')} hint={t('passwordHint')} error={errors.field('password')}>
                <input name="password" type="password" value={form.password} onChange={(e) => set('password', e.target.value)} autoComplete="new-password" />
              </Field>
              <Field label={t('repeat')} error={mismatch ? t('mismatch') : undefined}>
                <input name="repeat" type="password" value={form.repeat} onChange={(e) => set('repeat', e.target.value)} autoComplete="new-password" />
              </Field>
            </>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="user-save">
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
