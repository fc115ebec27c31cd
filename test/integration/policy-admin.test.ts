// Settings → Policies (DOMAIN: every *param* is versioned with an effective date) and the working
// calendar (§8: the official Chinese holidays with make-up days, plus company overrides), through the
// dispatcher: the catalog with the parameters in force, changes from today on, history, overrides;
// only the admin writes, every write is audited, a refused write writes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AuditEntry } from '../../shared/api';
import { PARAM_UNITS } from '../../shared/policy';
import { RULES } from '../../electron/core/policy/catalog';
import { companyCalendar } from '../../electron/core/policy/context';
import { KINDS } from '../../electron/core/policy/kinds';
import { hasChinese, teamCore, teamTemplate, type Caller, type TeamCore, type TeamTemplate } from '../support/core';

let template: TeamTemplate;
let t: TeamCore;
let clock: Date;
beforeAll(async () => {
  template = await teamTemplate();
});
afterAll(() => template?.cleanup());
afterEach(() => t?.cleanup());

const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';

async function setup() {
  clock = new Date(`${TODAY}T04:00:00.000Z`);
  t = await teamCore(template, { now: () => clock });
  return t.team;
}

const SECTIONS: Record<string, number> = { C: 2, S: 3, Q: 4, O: 5, E: 6, P: 7, L: 8, A: 8, W: 9, K: 9 };

async function auditRows(entity: string, entityId: string): Promise<AuditEntry[]> {
  const page = await t.admin.call('audit.list', { startRow: 0, endRow: 500, entity, entityId });
  return page.rows.sort((a, b) => a.id - b.id);
}

const ruleOf = async (caller: Caller, id: string) => (await caller.call('policy.catalog', {})).find((r) => r.id === id)!;

describe('the catalog', () => {
  it('lists every rule with its section, the parameters in force, the defaults and how each parameter is entered', async () => {
    const { repA } = await setup();
    const catalog = await repA.call('policy.catalog', {});
    expect(catalog.map((r) => r.id)).toEqual(Object.keys(RULES));
    for (const rule of catalog) {
      const defaults = (RULES[rule.id as keyof typeof RULES].params as z.ZodType).parse({}) as Record<string, unknown>;
      expect(rule.section, rule.id).toBe(SECTIONS[rule.id.charAt(0)]);
      expect(rule.defaults, rule.id).toEqual(defaults);
      expect(rule.params, rule.id).toEqual(defaults);
      expect(rule.inForce, rule.id).toBeNull();
      expect(rule.scheduled, rule.id).toEqual([]);
      expect(hasChinese(rule.name.zh) && hasChinese(rule.description.zh), rule.id).toBe(true);
      expect(rule.name.en.length, rule.id).toBeGreaterThan(0);
      expect(Object.keys(rule.paramInfo).sort(), rule.id).toEqual(Object.keys(defaults).sort());
      for (const [key, info] of Object.entries(rule.paramInfo)) {
        expect(PARAM_UNITS, `${rule.id}.${key}`).toContain(info.unit);
        expect(hasChinese(info.label.zh) && info.label.en.length > 0, `${rule.id}.${key}`).toBe(true);
      }
      expect(rule.paramsSchema, rule.id).toMatchObject({ type: 'object' });
    }
    const approval = catalog.find((r) => r.id === 'E-APPROVAL')!;
    expect(approval).toMatchObject({ section: 6, params: { gmAboveFen: 500_000 }, defaults: { gmAboveFen: 500_000 } });
    expect(approval.paramInfo.gmAboveFen).toEqual({ label: { zh: '超过此金额须总经理审批', en: 'GM approves above' }, unit: 'fen' });
    expect((approval.paramsSchema as { properties: Record<string, unknown> }).properties).toHaveProperty('gmAboveFen');
  });

  it('lists every request kind with its fields and whether it can be submitted', async () => {
    const { repA } = await setup();
    const kinds = await repA.call('policy.kinds', {});
    expect(kinds.map((k) => k.kind)).toEqual(KINDS.map((k) => k.kind));
    for (const kind of kinds) {
      expect(kind.example.kind).toBe(kind.kind);
      for (const rule of kind.rules) expect(Object.keys(RULES), `${kind.kind} → ${rule}`).toContain(rule);
    }
    expect(kinds.find((k) => k.kind === 'expense')?.fields.map((f) => [f.name, f.input, f.optional])).toEqual([
      ['amount', 'fen', false],
      ['appliedOn', 'date', true],
    ]);
  });
});

describe('changing parameters', () => {
  it('a version effective today is in force at once, with its author, note and audit row', async () => {
    await setup();
    const version = await t.admin.call('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 800_000 }, effectiveFrom: TODAY, note: '上调' });
    expect(version).toEqual({
      ruleId: 'E-APPROVAL',
      effectiveFrom: TODAY,
      params: { gmAboveFen: 800_000 },
      note: '上调',
      createdBy: '系统管理员',
      createdAt: clock.toISOString(),
    });
    const rule = await ruleOf(t.team.repA, 'E-APPROVAL');
    expect(rule).toMatchObject({ params: { gmAboveFen: 800_000 }, defaults: { gmAboveFen: 500_000 }, inForce: version, scheduled: [] });
    const [row, ...more] = await auditRows('policy_params', 'E-APPROVAL');
    expect(more).toEqual([]);
    expect(row).toMatchObject({ action: 'policy.setParams', userName: '系统管理员', before: null });
    expect(row!.after).toMatchObject({ ruleId: 'E-APPROVAL', effectiveFrom: TODAY, note: '上调' });
  });

  it('a version effective later is scheduled, not in force, until its day comes', async () => {
    await setup();
    const version = await t.admin.call('policy.setParams', { ruleId: 'E-ADVANCE', params: { maxFen: 80_000 }, effectiveFrom: '2026-12-01', note: '年底差旅多' });
    let rule = await ruleOf(t.admin, 'E-ADVANCE');
    expect(rule).toMatchObject({ params: { maxFen: 50_000 }, inForce: null, scheduled: [version] });
    clock = new Date('2026-11-30T04:00:00.000Z');
    expect((await ruleOf(t.admin, 'E-ADVANCE')).params).toEqual({ maxFen: 50_000 });
    clock = new Date('2026-12-01T04:00:00.000Z');
    rule = await ruleOf(t.admin, 'E-ADVANCE');
    expect(rule).toMatchObject({ params: { maxFen: 80_000 }, inForce: version, scheduled: [] });
    // and the engine judges by it from that day on
    const preview = await t.team.repB.call('policy.preview', { request: { kind: 'travel_advance', amount: 70_000, travelApproved: true } });
    expect(preview.decision).toBe('needs_approval');
  });

  it('history lists the versions by effective date with their authors; a same-day change replaces that day’s version', async () => {
    const { gm, repA } = await setup();
    await t.admin.call('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 900_000 }, effectiveFrom: '2027-01-01', note: '明年' });
    await t.admin.call('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 700_000 }, effectiveFrom: TOMORROW, note: '先试' });
    await t.admin.call('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 750_000 }, effectiveFrom: TOMORROW, note: '改为 7,500 元' });
    const history = await gm.call('policy.history', { ruleId: 'E-APPROVAL' });
    expect(history.map((v) => [v.effectiveFrom, v.params, v.note, v.createdBy])).toEqual([
      [TOMORROW, { gmAboveFen: 750_000 }, '改为 7,500 元', '系统管理员'],
      ['2027-01-01', { gmAboveFen: 900_000 }, '明年', '系统管理员'],
    ]);
    expect(await t.admin.call('policy.history', { ruleId: 'E-TRANSPORT' })).toEqual([]);
    expect((await ruleOf(t.admin, 'E-APPROVAL')).scheduled.map((v) => v.effectiveFrom)).toEqual([TOMORROW, '2027-01-01']);
    expect((await repA.fail('policy.history', { ruleId: 'E-APPROVAL' })).code).toBe('FORBIDDEN');
    expect((await gm.fail('policy.history', { ruleId: 'X-NOPE' })).code).toBe('NOT_FOUND');
    expect((await auditRows('policy_params', 'E-APPROVAL')).map((r) => r.action)).toEqual(['policy.setParams', 'policy.setParams', 'policy.setParams']);
  });

  it('refuses invalid changes, naming the parameter in Chinese, and writes nothing', async () => {
    await setup();
    const before = t.snapshot();
    for (const gmAboveFen of [-1, 1.5, 'abc', 10_000_000_001]) {
      const error = await t.admin.fail('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen }, effectiveFrom: TODAY, note: '' });
      expect(error.code, String(gmAboveFen)).toBe('VALIDATION');
      expect(error.issues[0]?.field).toBe('gmAboveFen');
      expect(error.message).toMatch(/^超过此金额须总经理审批：/);
    }
    const share = await t.admin.fail('policy.setParams', { ruleId: 'E-TRANSPORT', params: { withDealShare: 1.5 }, effectiveFrom: TODAY, note: '' });
    expect(share.code).toBe('VALIDATION');
    expect(share.message).toMatch(/^签单时公司承担比例：/);

    const unknownRule = await t.admin.fail('policy.setParams', { ruleId: 'X-NOPE', params: {}, effectiveFrom: TODAY, note: '' });
    expect(unknownRule.code).toBe('NOT_FOUND');
    expect(unknownRule.message).toContain('X-NOPE');

    const past = await t.admin.fail('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 800_000 }, effectiveFrom: '2026-11-22', note: '' });
    expect(past.code).toBe('VALIDATION');
    expect(past.issues[0]?.field).toBe('effectiveFrom');
    expect(past.message).toMatch(/^生效日期：/);

    const badDate = await t.admin.fail('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 800_000 }, effectiveFrom: '2026-13-01', note: '' });
    expect(badDate.code).toBe('VALIDATION');

    // a misspelt parameter is refused rather than silently replaced by its default
    const typo = await t.admin.fail('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveYuan: 8_000 }, effectiveFrom: TODAY, note: '' });
    expect(typo.code).toBe('VALIDATION');
    expect(typo.issues[0]?.field).toBe('gmAboveYuan');

    expect(t.snapshot()).toBe(before);
    expect((await ruleOf(t.admin, 'E-APPROVAL')).params).toEqual({ gmAboveFen: 500_000 });
  });

  it('only the admin changes parameters', async () => {
    const { gm, director, manager, repA, finance } = await setup();
    const before = t.snapshot();
    for (const caller of [gm, director, manager, repA, finance]) {
      const error = await caller.fail('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 800_000 }, effectiveFrom: TODAY, note: '' });
      expect(error.code).toBe('FORBIDDEN');
    }
    expect((await t.caller().fail('policy.setParams', { ruleId: 'E-APPROVAL', params: { gmAboveFen: 800_000 }, effectiveFrom: TODAY, note: '' })).code).toBe('UNAUTHENTICATED');
    expect(t.snapshot()).toBe(before);
  });
});

describe('the working calendar', () => {
  it('shows the National Day holiday, its make-up working day and the official names', async () => {
    const { repA } = await setup();
    const days = await repA.call('calendar.days', { from: '2026-09-28', to: '2026-10-11' });
    expect(days.map((d) => d.date)).toHaveLength(14);
    const byDate = new Map(days.map((d) => [d.date, d]));
    for (const date of ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09']) {
      expect(byDate.get(date), date).toEqual({ date, working: true, officialWorking: true, officialName: null, override: null });
    }
    for (let day = 1; day <= 7; day++) {
      const date = `2026-10-0${day}`;
      expect(byDate.get(date), date).toEqual({ date, working: false, officialWorking: false, officialName: '国庆节', override: null });
    }
    // Saturday 10 October is the make-up working day (调休); Sunday the 11th is an ordinary weekend day
    expect(byDate.get('2026-10-10')).toEqual({ date: '2026-10-10', working: true, officialWorking: true, officialName: '国庆节', override: null });
    expect(byDate.get('2026-10-11')).toEqual({ date: '2026-10-11', working: false, officialWorking: false, officialName: null, override: null });
  });

  it('refuses a reversed or too long range', async () => {
    const { repA } = await setup();
    expect((await repA.fail('calendar.days', { from: '2026-10-11', to: '2026-09-28' })).code).toBe('VALIDATION');
    expect((await repA.fail('calendar.days', { from: '2026-01-01', to: '2027-03-01' })).code).toBe('VALIDATION');
  });

  it('an override makes 31 December a day off (audited, note kept); removing it restores the official status', async () => {
    const { repB } = await setup();
    const off = await t.admin.call('calendar.setOverride', { date: '2026-12-31', working: false, note: '公司年终盘点放假' });
    expect(off).toEqual({
      date: '2026-12-31',
      working: false,
      officialWorking: true,
      officialName: null,
      override: { working: false, note: '公司年终盘点放假', updatedBy: '系统管理员', updatedAt: clock.toISOString() },
    });
    expect((await repB.call('calendar.days', { from: '2026-12-30', to: '2026-12-31' })).map((d) => [d.date, d.working])).toEqual([
      ['2026-12-30', true],
      ['2026-12-31', false],
    ]);
    const [setRow] = await auditRows('calendar_overrides', '2026-12-31');
    expect(setRow).toMatchObject({ action: 'calendar.setOverride', userName: '系统管理员', before: null, after: { date: '2026-12-31', working: false, note: '公司年终盘点放假' } });

    // changing the same day again keeps one override, the latest
    await t.admin.call('calendar.setOverride', { date: '2026-12-31', working: false, note: '年终放假' });
    expect((await repB.call('calendar.days', { from: '2026-12-31', to: '2026-12-31' }))[0]!.override?.note).toBe('年终放假');

    const restored = await t.admin.call('calendar.removeOverride', { date: '2026-12-31' });
    expect(restored).toEqual({ date: '2026-12-31', working: true, officialWorking: true, officialName: null, override: null });
    expect((await auditRows('calendar_overrides', '2026-12-31')).map((r) => r.action)).toEqual([
      'calendar.setOverride',
      'calendar.setOverride',
      'calendar.removeOverride',
    ]);
    const before = t.snapshot();
    const missing = await t.admin.fail('calendar.removeOverride', { date: '2026-12-31' });
    expect(missing.code).toBe('NOT_FOUND');
    expect(t.snapshot()).toBe(before);
  });

  it('the engine counts working days with the company’s overrides', async () => {
    const { repB } = await setup();
    const db = t.core.database.db;
    const leave = { kind: 'leave', appliedOn: TODAY, start: '2026-12-30', end: '2026-12-31', reason: '回老家', proxy: '张伟' };
    const workingDays = async (request: Record<string, unknown>) => (await repB.call('policy.preview', { request })).computed.workingDays;
    const hasLeave = KINDS.some((k) => k.kind === 'leave');

    expect(companyCalendar(db).workingDaysBetween('2026-12-30', '2026-12-31')).toBe(2);
    if (hasLeave) expect(await workingDays(leave)).toBe(2);
    await t.admin.call('calendar.setOverride', { date: '2026-12-31', working: false, note: '年终放假' });
    expect(companyCalendar(db).workingDaysBetween('2026-12-30', '2026-12-31')).toBe(1);
    expect(companyCalendar(db).workingDayAfter('2026-12-30', 1)).not.toBe('2026-12-31');
    if (hasLeave) expect(await workingDays(leave)).toBe(1);

    // a Saturday made a working day counts too (Friday 25th to Monday 28th: 2 → 3)
    const overWeekend = { ...leave, start: '2026-12-25', end: '2026-12-28' };
    if (hasLeave) expect(await workingDays(overWeekend)).toBe(2);
    await t.admin.call('calendar.setOverride', { date: '2026-12-26', working: true, note: '补班' });
    expect(companyCalendar(db).workingDaysBetween('2026-12-25', '2026-12-28')).toBe(3);
    if (hasLeave) expect(await workingDays(overWeekend)).toBe(3);

    await t.admin.call('calendar.removeOverride', { date: '2026-12-31' });
    expect(companyCalendar(db).workingDaysBetween('2026-12-30', '2026-12-31')).toBe(2);
    if (hasLeave) expect(await workingDays(leave)).toBe(2);
  });

  it('only the admin sets or removes overrides', async () => {
    const { gm, director, manager, repA, assistant } = await setup();
    await t.admin.call('calendar.setOverride', { date: '2026-12-31', working: false, note: '' });
    const before = t.snapshot();
    for (const caller of [gm, director, manager, repA, assistant]) {
      expect((await caller.fail('calendar.setOverride', { date: '2026-12-30', working: false, note: '' })).code).toBe('FORBIDDEN');
      expect((await caller.fail('calendar.removeOverride', { date: '2026-12-31' })).code).toBe('FORBIDDEN');
    }
    expect(t.snapshot()).toBe(before);
  });
});
