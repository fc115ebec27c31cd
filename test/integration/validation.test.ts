// What a person sees when a form is refused: the dispatcher's VALIDATION answers name the field
// by its Chinese label first, English second, with the dotted path for the form to highlight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../support/core';

let t: TestCore;
let rep: Caller;
beforeAll(async () => {
  t = await testCore();
  rep = t.callerFor((await t.admin.call('users.create', { username: 'rep1', displayName: '张伟', role: 'rep', password: 'secret-pass' })).id);
});
afterAll(() => t?.cleanup());

describe('VALIDATION answers of the dispatcher', () => {
  it('客户名称：不能为空 for an empty name, with the field path', async () => {
    const error = await rep.fail('customers.create', { customer: { customerNo: 'C001', name: '  ' } });
    expect(error).toEqual({
      code: 'VALIDATION',
      message: '客户名称：不能为空',
      messageEn: 'Customer name: is required',
      issues: [{ field: 'customer.name', message: '客户名称：不能为空', messageEn: 'Customer name: is required' }],
    });
  });

  it('names nested fields of an update by their label', async () => {
    const error = await rep.fail('customers.update', { id: 1, version: 0, patch: { phone: '电话号码', creditLimitFen: 1.5 } });
    expect(error.issues.map((i) => i.field)).toEqual(['patch.phone', 'patch.creditLimitFen']);
    expect(error.issues[0]!.message).toMatch(/^电话：/);
    expect(error.issues[1]!.message).toMatch(/^信用额度：/);
    expect(error.message).toBe(`${error.issues[0]!.message}（另有 1 处错误）`);
  });

  it('refuses fields the contract does not know', async () => {
    const error = await rep.fail('customers.create', { customer: { customerNo: 'C001', name: 'x', archivedAt: '2026-01-01' } });
    expect(error.message).toContain('包含未知字段：archivedAt');
    const top = await rep.fail('customers.get', { id: 1, asAdmin: true });
    expect(top.message).toContain('asAdmin');
  });

  it('money and quantities must be integers (fen, thousandths): no floats reach the database', async () => {
    for (const patch of [{ creditLimitFen: 100.5 }, { monthlyVolume: 0.1 }, { creditLimitFen: -1 }, { creditDays: 400 }]) {
      const error = await rep.fail('customers.update', { id: 1, version: 0, patch });
      expect(error.code, JSON.stringify(patch)).toBe('VALIDATION');
    }
  });

  it('reports a missing input as 不能为空 on the missing part', async () => {
    const error = await rep.fail('customers.create', undefined);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues[0]?.field).toBe('customer');
    expect(error.message).toMatch(/：不能为空$/);
  });

  it('says the type is wrong, not that the field is empty, when a number is sent for a text (BUG electron/core/api/dispatcher.ts:62 with shared/errors.ts:78)', async () => {
    // zod 4 leaves issue.input out unless parsing is asked to report it, so describeIssue takes
    // every invalid_type for a missing value.
    const error = await rep.fail('customers.create', { customer: { customerNo: 'C001', name: 42 } });
    expect(error.message).toBe('客户名称：类型不正确（应为文本）');
  });
});
