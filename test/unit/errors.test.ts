// Errors that cross the API boundary speak Chinese first and name the field by its label
// ("客户名称：不能为空"), with the English beside it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, FIELD_LABELS, type ChannelName } from '../../shared/api';
import { AppError, ERROR_CODES, isAppErrorPayload, validationError } from '../../shared/errors';
import { hasChinese } from '../support/core';

/** Parses like the dispatcher does and returns the error it would send, or null when valid. */
function errorFor(channel: ChannelName, input: unknown, options?: { reportInput?: boolean }): AppError | null {
  const parsed = api[channel].input.safeParse(input, options);
  return parsed.success ? null : validationError(parsed.error, FIELD_LABELS);
}

describe('AppError.field', () => {
  it('names the field by its Chinese label first, English second', () => {
    const error = AppError.field('name', { zh: '客户名称', en: 'Customer name' }, { zh: '不能为空', en: 'is required' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('客户名称：不能为空');
    expect(error.messageEn).toBe('Customer name: is required');
    expect(error.toPayload()).toEqual({
      code: 'VALIDATION',
      message: '客户名称：不能为空',
      messageEn: 'Customer name: is required',
      issues: [{ field: 'name', message: '客户名称：不能为空', messageEn: 'Customer name: is required' }],
    });
  });
});

describe('validationError', () => {
  it('says 客户名称：不能为空 for an empty or blank customer name, with the dotted field path', () => {
    for (const name of ['', '   ']) {
      const error = errorFor('customers.create', { customer: { customerNo: 'C001', name } })!;
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBe('客户名称：不能为空');
      expect(error.messageEn).toBe('Customer name: is required');
      expect(error.issues).toEqual([{ field: 'customer.name', message: '客户名称：不能为空', messageEn: 'Customer name: is required' }]);
    }
  });

  it('says 不能为空 for a missing required field', () => {
    expect(errorFor('customers.create', { customer: { customerNo: 'C001' } })!.message).toBe('客户名称：不能为空');
    expect(errorFor('auth.login', { username: 'admin' })!.message).toBe('密码：不能为空');
  });

  it('names the expected type when the dispatcher reports the input', () => {
    const error = errorFor('customers.create', { customer: { customerNo: 'C001', name: 42 } }, { reportInput: true })!;
    expect(error.message).toBe('客户名称：类型不正确（应为文本）');
    expect(error.messageEn).toBe('Customer name: has the wrong type (expected string)');
  });

  it('explains lengths, allowed values and formats with the field label', () => {
    expect(errorFor('customers.create', { customer: { customerNo: 'C001', name: '名'.repeat(101) } })!.message).toBe(
      '客户名称：不能超过 100 个字符',
    );
    expect(errorFor('users.create', { username: 'li', displayName: '李', role: 'rep', password: 'short' })!.message).toBe('密码：至少 8 个字符');
    const role = errorFor('users.create', { username: 'li', displayName: '李', role: 'boss', password: 'long-enough' })!;
    expect(role.message).toMatch(/^角色：不是允许的取值（可选：admin、gm、/);
    expect(role.messageEn).toMatch(/^Role: is not an allowed value \(one of: admin, gm, /);
    expect(errorFor('customers.create', { customer: { customerNo: 'C001', name: 'x', monthlyAgreementDate: '2026-02-30' } })!.message).toBe(
      '月结协议日期：不是有效日期',
    );
    expect(errorFor('customers.create', { customer: { customerNo: 'C001', name: 'x', creditDays: 400 } })!.message).toBe('账期(天)：不能大于 365');
    expect(errorFor('customers.exportCsv', { query: {}, columns: [] })!.message).toBe('导出列：至少 1 项');
  });

  it('uses the bilingual text of custom checks', () => {
    const error = errorFor('customers.create', { customer: { customerNo: 'C 001', name: 'x' } })!;
    expect(error.message).toBe('客户编号：只能包含字母、数字、- 和 _');
    expect(error.messageEn).toBe('Customer no.: may contain only letters, digits, - and _');
    const phone = errorFor('customers.create', { customer: { customerNo: 'C001', name: 'x', phone: 'call me' } })!;
    expect(phone.message).toBe('电话：只能包含数字、空格和 + - ( ) / 转');
    const page = errorFor('customers.list', { startRow: 0, endRow: 1001 })!;
    expect(page.message).toContain('每页 1 到 1000 行');
    expect(page.messageEn).toContain('a page holds 1 to 1000 rows');
  });

  it('lists unknown fields', () => {
    const error = errorFor('auth.login', { username: 'admin', password: 'x', isAdmin: true })!;
    expect(error.message).toContain('包含未知字段：isAdmin');
    expect(error.messageEn).toContain('has unknown fields: isAdmin');
  });

  it('shows the first problem and counts the others', () => {
    const error = errorFor('customers.create', { customer: { customerNo: 'C001', name: '', phone: 'x', creditDays: -1 } })!;
    expect(error.issues.map((i) => i.field)).toEqual(['customer.name', 'customer.phone', 'customer.creditDays']);
    expect(error.message).toBe(`${error.issues[0]!.message}（另有 2 处错误）`);
    expect(error.messageEn).toBe(`${error.issues[0]!.messageEn} (and 2 more)`);
  });

  it('keeps at most 20 issues', () => {
    const schema = z.object(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, z.string()])));
    const parsed = schema.safeParse({});
    expect(parsed.success).toBe(false);
    const error = validationError(parsed.error!, {});
    expect(error.issues).toHaveLength(20);
    expect(error.message).toContain('（另有 19 处错误）');
  });

  it('falls back to the path, or 输入, when a field has no label', () => {
    const parsed = z.object({ foo: z.object({ bar: z.string().min(1) }) }).safeParse({ foo: { bar: '' } });
    expect(validationError(parsed.error!, {}).message).toBe('foo.bar：不能为空');
    const root = z.string().safeParse(undefined);
    expect(validationError(root.error!, {}).message).toBe('输入：不能为空');
  });

  it('writes every message with Chinese in message and none in messageEn for the channels’ labelled fields', () => {
    const samples: [ChannelName, unknown][] = [
      ['customers.create', { customer: { customerNo: '', name: '' } }],
      ['customers.update', { id: 0, version: -1, patch: { phone: 'x' } }],
      ['users.create', {}],
      ['approvals.decideChange', { id: 1, decision: 'maybe' }],
      ['auth.changePassword', { oldPassword: '', newPassword: 'short' }],
    ];
    for (const [channel, input] of samples) {
      const error = errorFor(channel, input)!;
      for (const issue of error.issues) {
        expect(hasChinese(issue.message), issue.message).toBe(true);
        expect(hasChinese(issue.messageEn), issue.messageEn).toBe(false);
      }
    }
  });

  it('does not take a label from Object.prototype for a field named like "toString" (BUG shared/errors.ts:73)', () => {
    // A filter on a column called "toString" with a bad value: the label lookup `labels[leaf]`
    // finds Object.prototype.toString and the message starts with "undefined：".
    const error = errorFor('customers.list', { filter: { toString: 5 } })!;
    expect(error.code).toBe('VALIDATION');
    expect(error.message).not.toMatch(/^undefined/);
    expect(error.message).toMatch(/^toString：|^filter\.toString：/);
  });
});

describe('isAppErrorPayload', () => {
  it('recognises payloads and rejects other values', () => {
    expect(isAppErrorPayload(new AppError('NOT_FOUND', '不存在', 'not found').toPayload())).toBe(true);
    expect(isAppErrorPayload({ code: 'X' })).toBe(false);
    expect(isAppErrorPayload(null)).toBe(false);
    expect(isAppErrorPayload('VALIDATION')).toBe(false);
  });

  it('knows every error code the dispatcher may send', () => {
    expect([...ERROR_CODES].sort()).toEqual(
      ['BAD_CREDENTIALS', 'CONFLICT', 'FORBIDDEN', 'INTERNAL', 'NOT_FOUND', 'POLICY_DENIED', 'SETUP_REQUIRED', 'UNAUTHENTICATED', 'UNKNOWN_CHANNEL', 'VALIDATION'].sort(),
    );
  });
});
