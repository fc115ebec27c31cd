// Users, sign-in and the company (../shared/DOMAIN.md §1).
import { z } from 'zod';
import { CHANNELS, ROLES, type Label } from './domain';
import { id, matching, requiredText, text } from './validation';

export const username = matching(
  z.string().trim().min(2).max(32),
  /^[A-Za-z0-9_.-]+$/,
  '只能包含字母、数字、_ . -',
  'may contain only letters, digits, _ . -',
);

/** Passwords: at least 8 characters, at most 200 (scrypt input is bounded on purpose). */
export const password = z.string().min(8).max(200);

export const userFieldsSchema = z.object({
  username,
  displayName: requiredText(40),
  role: z.enum(ROLES),
  managerId: id.nullable(),
  region: text(40),
  channel: z.enum(CHANNELS).nullable(),
  active: z.boolean(),
});

export const userSchema = userFieldsSchema.extend({
  id,
  managerName: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.output<typeof userSchema>;

/** The signed-in user as the renderer knows it. */
export const sessionUserSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  companyName: z.string(),
});
export type SessionUser = z.output<typeof sessionUserSchema>;

export const userCreateSchema = userFieldsSchema
  .extend({ password })
  .partial({ managerId: true, region: true, channel: true, active: true })
  .strict();
export type UserCreateInput = z.input<typeof userCreateSchema>;

export const setupSchema = z
  .object({
    companyName: requiredText(100),
    adminUsername: username,
    adminDisplayName: requiredText(40),
    password,
  })
  .strict();

export const USER_FIELD_LABELS: Readonly<Record<string, Label>> = {
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  managerId: { zh: '直属上级', en: 'Direct superior' },
  region: { zh: '区域', en: 'Region' },
  channel: { zh: '渠道', en: 'Channel' },
  active: { zh: '启用', en: 'Active' },
  password: { zh: '密码', en: 'Password' },
  newPassword: { zh: '新密码', en: 'New password' },
  oldPassword: { zh: '原密码', en: 'Current password' },
  companyName: { zh: '公司名称', en: 'Company name' },
  adminUsername: { zh: '管理员用户名', en: 'Admin username' },
  adminDisplayName: { zh: '管理员姓名', en: 'Admin name' },
};
