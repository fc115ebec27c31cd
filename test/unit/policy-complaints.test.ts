// §7 complaint rules and kinds at their boundaries: hours after receipt in the offset the time was
// written with, working days over a weekend and the 2026 National Day holiday, times near midnight.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Decision } from '../../shared/policy';
import { workCalendar } from '../../electron/core/policy/calendar';
import { RULES } from '../../electron/core/policy/catalog';
import { describeFields } from '../../electron/core/policy/fields';
import { kindDef, type EvaluateOptions } from '../../electron/core/policy/kinds';
import { defaultParams, type RuleContext } from '../../electron/core/policy/rule';
import {
  complaintClose,
  complaintHandle,
  complaintRespond,
  complaintSlip,
  complaintUnreported,
  kinds,
  rules,
} from '../../electron/core/policy/rules/complaints';
import { findingIds, judge, paramsWith, rejects, TODAY } from '../support/policy';

const ctx: RuleContext = { today: TODAY, calendar: workCalendar() };

const complaint = (fields: Record<string, unknown>, options: Partial<EvaluateOptions> = {}): Decision =>
  judge({ kind: 'complaint', severity: 'normal', ...fields }, options);

// Received Monday 2026-11-23 09:30 Beijing time.
const RECEIVED = '2026-11-23T09:30:00+08:00';

describe('complaint deadlines (computed always)', () => {
  it('handle by +24 h, respond by +48 h (same offset), slip by the 3rd working day after the receipt day', () => {
    const d = complaint({ receivedAt: RECEIVED });
    expect(d.decision).toBe('allow');
    expect(d.findings).toEqual([]);
    expect(d.approvals).toEqual([]);
    expect(d.computed).toEqual({
      handleDueAt: '2026-11-24T09:30:00+08:00',
      respondDueAt: '2026-11-25T09:30:00+08:00',
      slipDueDate: '2026-11-26',
    });
  });
  it('near midnight, +08:00: the receipt day is the Beijing date, not the UTC one', () => {
    // Fri 00:30 in Beijing is still Thursday in UTC: Mon, Tue, Wed → 25th (not the 24th)
    const d = complaint({ receivedAt: '2026-11-20T00:30:00+08:00' });
    expect(d.computed).toEqual({
      handleDueAt: '2026-11-21T00:30:00+08:00',
      respondDueAt: '2026-11-22T00:30:00+08:00',
      slipDueDate: '2026-11-25',
    });
    // Thu 23:59 is Thursday: Fri, Mon, Tue
    expect(complaint({ receivedAt: '2026-11-19T23:59:00+08:00' }).computed.slipDueDate).toBe('2026-11-24');
  });
  it('over a weekend: received Saturday counts Mon, Tue, Wed', () => {
    expect(complaint({ receivedAt: '2026-11-21T10:00:00+08:00' }).computed.slipDueDate).toBe('2026-11-25');
  });
  it('over the 2026 National Day holiday (Oct 1–7 off, Sat Oct 10 a make-up working day)', () => {
    const before = complaint({ receivedAt: '2026-09-30T18:00:00+08:00' });
    // hours are calendar hours; the slip counts working days: Thu 8, Fri 9, Sat 10
    expect(before.computed).toEqual({
      handleDueAt: '2026-10-01T18:00:00+08:00',
      respondDueAt: '2026-10-02T18:00:00+08:00',
      slipDueDate: '2026-10-10',
    });
    expect(complaint({ receivedAt: '2026-10-03T10:00:00+08:00' }).computed.slipDueDate).toBe('2026-10-10');
    expect(complaint({ receivedAt: '2026-10-09T10:00:00+08:00' }).computed.slipDueDate).toBe('2026-10-13');
  });
  it('a company day off moves the slip deadline', () => {
    const calendar = workCalendar(new Map([['2026-11-24', false]]));
    expect(complaint({ receivedAt: RECEIVED }, { calendar }).computed.slipDueDate).toBe('2026-11-27');
  });
});

describe('P-HANDLE: handled within 24 hours, else escalated to the manager', () => {
  it('one minute before, exactly 24 h and one minute after', () => {
    expect(complaint({ receivedAt: RECEIVED, handledAt: '2026-11-24T09:29:00+08:00' }).decision).toBe('allow');
    const onTheDot = complaint({ receivedAt: RECEIVED, handledAt: '2026-11-24T09:30:00+08:00' });
    expect(onTheDot.decision).toBe('allow');
    expect(onTheDot.findings).toEqual([]);
    const late = complaint({ receivedAt: RECEIVED, handledAt: '2026-11-24T09:31:00+08:00' });
    expect(late.decision).toBe('needs_approval');
    expect(late.approvals).toEqual(['manager']);
    expect(late.approvalSteps).toEqual([{ role: 'manager', superior: false }]);
    expect(findingIds(late)).toEqual(['P-HANDLE:approval']);
    expect(late.findings[0]!.message).toBe('投诉须在受理后 24 小时内（2026-11-24 09:30 前）处理完毕，实际 2026-11-24 09:31 处理，逾期 0 小时，已升级至销售经理');
  });
  it('instants, not wall clocks, are compared: a handling time written in UTC near Beijing midnight', () => {
    const received = '2026-11-20T23:59:00+08:00';
    expect(complaint({ receivedAt: received }).computed.handleDueAt).toBe('2026-11-21T23:59:00+08:00');
    expect(complaint({ receivedAt: received, handledAt: '2026-11-21T15:59:00Z' }).decision).toBe('allow');
    expect(complaint({ receivedAt: received, handledAt: '2026-11-21T16:00:00Z' }).approvals).toEqual(['manager']);
  });
  it('a longer window changes the outcome; the window is bounded to 1..720 hours', () => {
    const late = { receivedAt: RECEIVED, handledAt: '2026-11-24T15:30:00+08:00' };
    expect(complaint(late).decision).toBe('needs_approval');
    const longer = { paramsFor: paramsWith({ 'P-HANDLE': { handleHours: 30 } }) };
    expect(complaint(late, longer).decision).toBe('allow');
    expect(complaint(late, longer).computed.handleDueAt).toBe('2026-11-24T15:30:00+08:00');
    expect(defaultParams(complaintHandle)).toEqual({ handleHours: 24 });
    expect(complaintHandle.params.safeParse({ handleHours: 0 }).success).toBe(false);
    expect(complaintHandle.params.safeParse({ handleHours: 721 }).success).toBe(false);
  });
  it('the parameters in force on the (Beijing) day of receipt judge it', () => {
    const versioned = { paramsFor: paramsWith((day) => (day >= '2026-11-01' ? { 'P-HANDLE': { handleHours: 12 } } : {})) };
    // 00:30 on 1 Nov in Beijing (still 31 Oct in UTC) is judged by the new version
    expect(complaint({ receivedAt: '2026-11-01T00:30:00+08:00' }, versioned).computed.handleDueAt).toBe('2026-11-01T12:30:00+08:00');
    expect(complaint({ receivedAt: '2026-10-31T23:30:00+08:00' }, versioned).computed.handleDueAt).toBe('2026-11-01T23:30:00+08:00');
  });
});

describe('P-RESPOND: the customer gets a response within 48 hours (a warning when late)', () => {
  it('at the deadline and one minute after', () => {
    expect(complaint({ receivedAt: RECEIVED, respondedAt: '2026-11-25T09:30:00+08:00' }).findings).toEqual([]);
    const late = complaint({ receivedAt: RECEIVED, respondedAt: '2026-11-25T09:31:00+08:00' });
    expect(late.decision).toBe('allow');
    expect(findingIds(late)).toEqual(['P-RESPOND:warn']);
    const veryLate = complaint({ receivedAt: RECEIVED, respondedAt: '2026-11-25T12:00:00+08:00' });
    expect(veryLate.findings[0]!.message).toBe('须在受理后 48 小时内（2026-11-25 09:30 前）答复客户，实际 2026-11-25 12:00 答复，逾期 2.5 小时');
  });
  it('a parameter change and its bounds', () => {
    const shorter = { paramsFor: paramsWith({ 'P-RESPOND': { respondHours: 24 } }) };
    expect(findingIds(complaint({ receivedAt: RECEIVED, respondedAt: '2026-11-24T09:31:00+08:00' }, shorter))).toEqual(['P-RESPOND:warn']);
    expect(complaint({ receivedAt: RECEIVED, respondedAt: '2026-11-24T09:31:00+08:00' }).findings).toEqual([]);
    expect(complaintRespond.params.safeParse({ respondHours: 0.5 }).success).toBe(false);
    expect(complaintRespond.params.safeParse({ respondHours: 1000 }).success).toBe(false);
  });
});

describe('P-SLIP: the complaint slip within 3 working days (a warning when late)', () => {
  it('by the Beijing date the slip was filed: 23:59 on the due day is in time, 00:00 the next day is late', () => {
    expect(complaint({ receivedAt: RECEIVED, slipFiledAt: '2026-11-26T23:59:00+08:00' }).findings).toEqual([]);
    const late = complaint({ receivedAt: RECEIVED, slipFiledAt: '2026-11-27T00:00:00+08:00' });
    expect(late.decision).toBe('allow');
    expect(findingIds(late)).toEqual(['P-SLIP:warn']);
    expect(late.findings[0]!.message).toBe('投诉单须在受理后 3 个工作日内填写（最迟 2026-11-26），实际 2026-11-27 填写，已逾期');
  });
  it('over 国庆: filed on the make-up Saturday is in time, the Sunday after is late', () => {
    const received = '2026-09-30T18:00:00+08:00';
    expect(complaint({ receivedAt: received, slipFiledAt: '2026-10-10T17:00:00+08:00' }).findings).toEqual([]);
    expect(findingIds(complaint({ receivedAt: received, slipFiledAt: '2026-10-11T09:00:00+08:00' }))).toEqual(['P-SLIP:warn']);
  });
  it('documents what the slip must contain; a parameter change and its bounds', () => {
    expect(complaintSlip.description.zh).toContain('客户名称、发生时间、事情经过、责任人、工单号');
    const five = { paramsFor: paramsWith({ 'P-SLIP': { slipWorkingDays: 5 } }) };
    const d = complaint({ receivedAt: RECEIVED, slipFiledAt: '2026-11-27T10:00:00+08:00' }, five);
    expect(d.findings).toEqual([]);
    expect(d.computed.slipDueDate).toBe('2026-11-30');
    expect(complaintSlip.params.safeParse({ slipWorkingDays: -1 }).success).toBe(false);
    expect(complaintSlip.params.safeParse({ slipWorkingDays: 1.5 }).success).toBe(false);
    expect(complaintSlip.params.safeParse({ slipWorkingDays: 367 }).success).toBe(false);
  });
  it('the rule directly', () => {
    const params = defaultParams(complaintSlip);
    expect(complaintSlip.evaluate({ receivedAt: '2026-11-20T00:30:00+08:00', severity: 'normal' }, ctx, params).computed).toEqual({ slipDueDate: '2026-11-25' });
  });
});

describe('P-CLOSE and P-MAJOR', () => {
  it('archived only after the customer confirms the rectification', () => {
    const premature = complaint({ receivedAt: RECEIVED, archived: true });
    expect(premature.decision).toBe('deny');
    expect(findingIds(premature)).toEqual(['P-CLOSE:block']);
    expect(premature.findings[0]!.message).toBe('客户尚未确认整改结果，投诉不能归档');
    expect(complaint({ receivedAt: RECEIVED, archived: true, customerConfirmed: false }).decision).toBe('deny');
    expect(complaint({ receivedAt: RECEIVED, archived: true, customerConfirmed: true }).decision).toBe('allow');
    expect(complaint({ receivedAt: RECEIVED, archived: false }).decision).toBe('allow');
    expect(complaint({ receivedAt: RECEIVED, customerConfirmed: true }).decision).toBe('allow');
    expect(complaintClose.evaluate({ receivedAt: RECEIVED, severity: 'normal', archived: true }, ctx, {}).findings).toHaveLength(1);
  });
  it('a major complaint goes to the management review list (gm); with late handling the manager first', () => {
    const major = complaint({ receivedAt: RECEIVED, severity: 'major' });
    expect(major.decision).toBe('needs_approval');
    expect(major.approvals).toEqual(['gm']);
    expect(findingIds(major)).toEqual(['P-MAJOR:approval']);
    const both = complaint({ receivedAt: RECEIVED, severity: 'major', handledAt: '2026-11-25T09:00:00+08:00', respondedAt: '2026-11-26T09:00:00+08:00' });
    expect(both.approvals).toEqual(['manager', 'gm']);
    expect(findingIds(both)).toEqual(['P-HANDLE:approval', 'P-RESPOND:warn', 'P-MAJOR:approval']);
    // archiving too early still denies
    expect(complaint({ receivedAt: RECEIVED, severity: 'major', archived: true }).decision).toBe('deny');
  });
});

describe('complaint validation names the field in Chinese', () => {
  it('times need an offset and must be real; severity is one of the two; times not before receipt', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ receivedAt: '2026-11-23T09:30:00' }, 'receivedAt', /：须为带时区的 ISO 时间/],
      [{ receivedAt: '2026-02-30T09:30:00+08:00' }, 'receivedAt', /：须为带时区的 ISO 时间/],
      [{ receivedAt: 20261123 }, 'receivedAt', /：类型不正确（应为文本）$/],
      [{ receivedAt: undefined }, 'receivedAt', /：不能为空$/],
      [{ receivedAt: RECEIVED, severity: 'urgent' }, 'severity', /^严重程度：不是允许的取值（可选：normal、major）$/],
      // zod reports a missing choice as a value not allowed (shared/errors.ts does not special-case it)
      [{ receivedAt: RECEIVED, severity: undefined }, 'severity', /^严重程度：/],
      [{ receivedAt: RECEIVED, archived: 'yes' }, 'archived', /^已归档：类型不正确/],
      [{ receivedAt: RECEIVED, handledAt: '2026-11-23T09:29:59+08:00' }, 'handledAt', /：不能早于受理时间$/],
      [{ receivedAt: RECEIVED, slipFiledAt: '2026-11-23T01:00:00Z' }, 'slipFiledAt', /：不能早于受理时间$/],
    ];
    for (const [fields, field, message] of cases) {
      const err = rejects({ kind: 'complaint', severity: 'normal', ...fields });
      expect(err.code).toBe('VALIDATION');
      expect(err.issues[0]!.field).toBe(field);
      expect(err.issues[0]!.message).toMatch(message);
    }
    // the same instant written in UTC is not before
    expect(complaint({ receivedAt: RECEIVED, handledAt: '2026-11-23T01:30:00Z' }).decision).toBe('allow');
  });
  // Each field carries its own label (fields.ts labels a copy of the shared building block).
  it('each time field names its own Chinese label', () => {
    expect(rejects({ kind: 'complaint', severity: 'normal', receivedAt: '2026-11-23T09:30:00' }).issues[0]!.message).toMatch(/^受理时间：/);
    expect(rejects({ kind: 'complaint', severity: 'normal', receivedAt: RECEIVED, handledAt: '2026-11-23T09:00:00+08:00' }).issues[0]!.message).toMatch(/^处理完成时间：/);
  });
});

describe('P-UNREPORTED (kind `unreported_complaint`)', () => {
  const unreported = (cases: unknown, options: Partial<EvaluateOptions> = {}) => judge({ kind: 'unreported_complaint', cases }, options);
  it('50 yuan per case, a warning when there is any', () => {
    const none = unreported(0);
    expect(none.decision).toBe('allow');
    expect(none.findings).toEqual([]);
    expect(none.computed).toEqual({ fineFen: 0 });
    const one = unreported(1);
    expect(one.decision).toBe('allow');
    expect(findingIds(one)).toEqual(['P-UNREPORTED:warn']);
    expect(one.computed).toEqual({ fineFen: 5_000 });
    expect(unreported(3).findings[0]!.message).toBe('3 起投诉未填投诉单，属违规：每起罚款 ¥50.00，共 ¥150.00；由此造成的损失由业务员承担');
  });
  it('a parameter change and its bounds', () => {
    expect(unreported(2, { paramsFor: paramsWith({ 'P-UNREPORTED': { fineFen: 10_000 } }) }).computed).toEqual({ fineFen: 20_000 });
    expect(complaintUnreported.params.safeParse({ fineFen: -1 }).success).toBe(false);
    expect(complaintUnreported.params.safeParse({ fineFen: 0.5 }).success).toBe(false);
    expect(defaultParams(complaintUnreported)).toEqual({ fineFen: 5_000 });
  });
  it('validation', () => {
    expect(rejects({ kind: 'unreported_complaint', cases: -1 }).issues[0]).toMatchObject({ field: 'cases', message: '未填投诉单的投诉数：不能小于 0' });
    expect(rejects({ kind: 'unreported_complaint', cases: 1.5 }).issues[0]!.field).toBe('cases');
    expect(rejects({ kind: 'unreported_complaint' }).issues[0]).toMatchObject({ field: 'cases', message: '未填投诉单的投诉数：不能为空' });
  });
});

describe('complaint family', () => {
  it('rules and kinds: checks, not submittable; examples judged; labelled fields', () => {
    expect(Object.keys(rules)).toEqual(['P-HANDLE', 'P-RESPOND', 'P-SLIP', 'P-CLOSE', 'P-MAJOR', 'P-UNREPORTED']);
    for (const [id, rule] of Object.entries(rules)) {
      expect(rule.id).toBe(id);
      expect(() => defaultParams(rule as { params: z.ZodType })).not.toThrow();
    }
    expect(kinds.map((k) => k.kind)).toEqual(['complaint', 'unreported_complaint']);
    for (const k of kinds) {
      expect(kindDef(k.kind)).toBe(k);
      expect(k.submittable).toBe(false);
      for (const id of k.rules) expect(Object.keys(RULES)).toContain(id);
      expect(() => judge({ kind: k.kind, ...(k.example as object) })).not.toThrow();
    }
    const severity = describeFields(kindDef('complaint')!.schema).find((field) => field.name === 'severity')!;
    expect(severity).toMatchObject({ input: 'choice', optional: false, label: { zh: '严重程度' } });
    expect(severity.options!.map((o) => o.label.zh)).toEqual(['一般', '重大']);
  });
});
